import Foundation
import Testing
@testable import TabibCore

/// `.tabib-cache/parsed`: a build into a folder keeps what the loader parsed there, and the next
/// build, in a new process as much as in the same one, parses only the files whose stamp changed, and
/// all of them when what parsing reads besides the file (the day, the languages, the site's real
/// folders) changed in a way that matters. Each test edits a copy of the shipped site and compares
/// what a build with the cache gives with what a build without any cache gives.
@Suite struct LoadCacheFileTests {
    /// A copy of the repository's content/ and templates/, built into folders next to it.
    final class Site: CacheTestSite {
        init() throws { try super.init(named: "tabib-parsed") }

        var cacheFile: URL { cacheFolder.appendingPathComponent("parsed") }

        func options(drafts: Bool = false, today: Day = .today) -> BuildOptions {
            var options = BuildOptions(root: root, includeDrafts: drafts)
            options.today = today
            return options
        }

        /// Builds into a new folder with whatever cache the site has: the files written (without the
        /// output folder's bookkeeping and the search index, which Pagefind does not write byte for
        /// byte alike twice) and the warnings, or the failure's diagnostics.
        func build(drafts: Bool = false, today: Day = .today) async -> (files: [String: [UInt8]], diagnostics: [String]) {
            let output = nextOutput()
            do {
                let report = try await SiteBuilder(options: options(drafts: drafts, today: today)).build(toDirectory: output)
                let files = TestSite.files(in: output).filter { !$0.key.hasPrefix(".tabib") && !$0.key.hasPrefix(SearchIndex.folder + "/") }
                return (files, report.warnings.map(\.description))
            } catch {
                return ([:], error.diagnostics.map(\.description))
            }
        }

        /// Builds with the cache, then without any (the whole `.tabib-cache/` put aside), and expects
        /// the same files and diagnostics; returns the build made with the cache.
        func buildAndCompare(drafts: Bool = false, today: Day = .today,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> (files: [String: [UInt8]], diagnostics: [String]) {
            let cached = await build(drafts: drafts, today: today)
            let aside = folder.appendingPathComponent("cache-aside")
            try FileManager.default.moveItem(at: cacheFolder, to: aside)
            defer {
                try? FileManager.default.removeItem(at: cacheFolder)
                try? FileManager.default.moveItem(at: aside, to: cacheFolder)
            }
            let fresh = await build(drafts: drafts, today: today)
            let differing = Set(cached.files.keys).union(fresh.files.keys).filter { cached.files[$0] != fresh.files[$0] }.sorted()
            #expect(differing.isEmpty, "a build with the cache differs from one without it in: \(differing)", sourceLocation: sourceLocation)
            #expect(cached.diagnostics == fresh.diagnostics, sourceLocation: sourceLocation)
            #expect(!cached.files.isEmpty || !cached.diagnostics.isEmpty, sourceLocation: sourceLocation)
            return cached
        }

        /// The files the loader parses when it starts from the cache file, in a new process as it were.
        func parsed(drafts: Bool = false, today: Day = .today) async throws -> Set<String> {
            try await SiteBuilder(options: options(drafts: drafts, today: today)).prepare().parsed
        }

        var cacheStamp: Date? { (try? FileManager.default.attributesOfItem(atPath: cacheFile.path))?[.modificationDate] as? Date }
    }

    static let article = "content/id/articles/kram-betis-saat-berjalan.md"

    @Test func aSecondBuildParsesNoFileAndGivesTheSameSite() async throws {
        let site = try Site()
        let first = await site.build()
        #expect(!first.files.isEmpty)
        #expect(FileManager.default.fileExists(atPath: site.cacheFile.path))
        #expect(try await site.parsed() == [])
        let stamp = site.cacheStamp
        let second = try await site.buildAndCompare()
        #expect(second.files == first.files)
        #expect(second.diagnostics == first.diagnostics)
        // Nothing was parsed: the file is not written again.
        #expect(site.cacheStamp == stamp)
    }

    /// A public build and a preview parse every file alike, drafts included: they share the file.
    @Test func aPreviewTakesThePublicBuildsParsedFiles() async throws {
        let site = try Site()
        try site.replace("---\ntitle:", with: "---\ndraft: true\ntitle:", in: Self.article)
        _ = await site.build()
        #expect(try await site.parsed(drafts: true) == [])
        _ = try await site.buildAndCompare(drafts: true)
    }

    @Test func afterAnEditOnlyTheEditedFileIsParsed() async throws {
        let site = try Site()
        let before = await site.build()
        try site.replace("Hampir setiap orang", with: "Hampir semua orang", in: Self.article)
        #expect(try await site.parsed() == [Self.article])
        let after = try await site.buildAndCompare()
        #expect(after.files != before.files)
        // The build wrote the edit into the cache: the next parses nothing.
        #expect(try await site.parsed() == [])
    }

    @Test func aDeletedFileLeavesTheCache() async throws {
        let site = try Site()
        _ = await site.build()
        let count = LoadCache.load(root: site.root).entries.count
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/en/articles/kram-betis-saat-berjalan.md"))
        _ = try await site.buildAndCompare()
        let entries = LoadCache.load(root: site.root).entries
        #expect(entries.count == count - 1)
        #expect(entries["content/en/articles/kram-betis-saat-berjalan.md"] == nil)
    }

    /// Every field of a parsed file comes back from the cache file as the loader made it.
    @Test func everyParsedFileComesBackFromTheFileAsParsed() async throws {
        let site = try Site()
        // Keys the shipped site leaves out.
        try site.replace("reviewed: 2026-11-21\n", with: "reviewed: 2026-11-21\nnextReview: 2027-11-21\nclinicalReview: {name: dr. Sari, credential: Sp.S, date: 2026-11-21}\n",
                         in: Self.article)
        try site.replace("---\ntitle:", with: "---\ndraft: true\ntitle:", in: "content/id/articles/kejang-otot-di-kaki.md")
        _ = await site.build()
        let stored = LoadCache.load(root: site.root)
        #expect(stored.entries[Self.article]?.file?.meta.clinicalReview?.credential == "Sp.S")
        #expect(stored.entries["content/id/articles/kejang-otot-di-kaki.md"]?.file?.meta.draft == true)
        var fresh = LoadCache()
        let (content, diagnostics) = await ContentLoader(root: site.root).load(reusing: &fresh)
        #expect(try #require(content).parsed.count == fresh.entries.count)
        #expect(diagnostics.isEmpty)
        #expect(stored.inputs == fresh.inputs)
        #expect(stored.entries.keys.sorted() == fresh.entries.keys.sorted())
        #expect(stored.entries.count > 20)
        for (path, entry) in fresh.entries {
            let kept = try #require(stored.entries[path])
            #expect(kept.stamp == entry.stamp, "\(path)")
            #expect(kept.diagnostics == entry.diagnostics, "\(path)")
            let (a, b) = (try #require(kept.file), try #require(entry.file))
            #expect(a.meta == b.meta, "\(path)")
            #expect((a.path, a.kind, a.language, a.id, a.body, a.bodyStartLine) == (b.path, b.kind, b.language, b.id, b.body, b.bodyStartLine), "\(path)")
        }
    }

    /// A file with errors is kept with them, also by the failed build that found them: the next build
    /// reports them, every word and the source line, without parsing the file again.
    @Test func aFileWithErrorsReportsTheSameErrorsFromTheCache() async throws {
        let site = try Site()
        try site.replace("---\ntitle:", with: "---\nreviwed: 2024-01-01\ntitle:", in: Self.article)
        let failed = await site.build()
        #expect(failed.files.isEmpty)
        let expected = "content/id/articles/kram-betis-saat-berjalan.md:2:1: error: unknown key 'reviwed' in the front matter of"
        #expect(failed.diagnostics.contains { $0.hasPrefix(expected) }, "\(failed.diagnostics)")
        // The failed build kept the file's errors: the loader reads nothing again.
        var cache = LoadCache.load(root: site.root)
        #expect(cache.entries[Self.article]?.file == nil)
        #expect(cache.entries[Self.article]?.diagnostics.isEmpty == false)
        let (content, diagnostics) = await ContentLoader(root: site.root).load(reusing: &cache)
        #expect(content == nil)
        #expect(!cache.changed)
        var fresh = LoadCache()
        let (_, parsedDiagnostics) = await ContentLoader(root: site.root).load(reusing: &fresh)
        #expect(diagnostics == parsedDiagnostics)
        #expect(diagnostics.map(\.description) == parsedDiagnostics.map(\.description))
        #expect(diagnostics.contains { $0.sourceLine == "reviwed: 2024-01-01" })
        let again = try await site.buildAndCompare()
        #expect(again.diagnostics == failed.diagnostics)
    }

    /// Dates are checked against the day: a file whose check comes out otherwise on the new day is
    /// parsed again, every other file is taken from the cache as it was.
    @Test func aCacheWrittenOnAnotherDayHoldsOnlyWhereTheDatesCheckAlike() async throws {
        let site = try Site()
        let later = try #require(Day(year: 2030, month: 1, day: 1)), earlier = try #require(Day(year: 2029, month: 1, day: 1))
        try site.replace("date: 2026-11-21\nreviewed: 2026-11-21", with: "date: 2029-06-01\nreviewed: 2029-06-01", in: Self.article)
        let built = await site.build(today: later)
        #expect(!built.files.isEmpty, "\(built.diagnostics)")
        // On the earlier day the article's dates are still to come: it alone is parsed again, and fails.
        let stored = LoadCache.load(root: site.root)
        var cache = stored
        let (content, _) = await ContentLoader(root: site.root, today: earlier).load(reusing: &cache)
        #expect(content == nil)
        let parsedAgain = stored.entries.filter { cache.entries[$0.key]?.file !== $0.value.file }.keys
        #expect(Set(parsedAgain) == [Self.article])
        let failed = try await site.buildAndCompare(today: earlier)
        #expect(failed.files.isEmpty)
        #expect(failed.diagnostics.contains { $0.hasPrefix("content/id/articles/kram-betis-saat-berjalan.md:4:7: error: 'date' is 2029-06-01, a day still to come") },
                "\(failed.diagnostics)")
        // The failed build kept the article as parsed on the earlier day; on the later day only it is parsed again.
        #expect(try await site.parsed(today: later) == [Self.article])
        _ = try await site.buildAndCompare(today: later)
    }

    @Test func aCacheOfAnotherSetOfLanguagesIsNotUsed() async throws {
        let site = try Site()
        _ = await site.build()
        try site.replace("languages:\n", with: "languages:\n  - code: ms\n    name: Bahasa Melayu\n    locale: ms-MY\n    title: Tabib\n", in: "content/site.yaml")
        let count = LoadCache.load(root: site.root).entries.count
        #expect(try await site.parsed().count == count)
        _ = try await site.buildAndCompare()
    }

    @Test func aCutOrDamagedFileIsIgnored() async throws {
        let site = try Site()
        let expected = await site.build()
        let bytes = [UInt8](try Data(contentsOf: site.cacheFile))
        #expect(!LoadCache.load(root: site.root).isEmpty)
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
            try Data(bytes[0..<cut]).write(to: site.cacheFile)
            #expect(LoadCache.load(root: site.root).isEmpty, "cut at \(cut)")
        }
        try Data(bytes + [0]).write(to: site.cacheFile)
        #expect(LoadCache.load(root: site.root).isEmpty)
        var foreign = bytes
        foreign[20] ^= 1
        try Data(foreign).write(to: site.cacheFile)
        #expect(LoadCache.load(root: site.root).isEmpty)
        let count = LoadCache.load(root: site.root).entries.count
        #expect(count == 0)
        #expect(try await site.parsed().count > 20)
        let rebuilt = try await site.buildAndCompare()
        #expect(rebuilt.files == expected.files)
        // The build replaced the foreign file with its own.
        #expect(!LoadCache.load(root: site.root).isEmpty)
    }

    @Test func aCacheFolderThatIsALinkIsNeitherReadNorWritten() async throws {
        let site = try Site()
        let expected = await site.build()
        let elsewhere = site.folder.appendingPathComponent("elsewhere")
        try FileManager.default.moveItem(at: site.cacheFolder, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: site.cacheFolder, withDestinationURL: elsewhere)
        // A valid file behind the link is not read.
        #expect(LoadCache.load(root: site.root).isEmpty)
        #expect(try await site.parsed().count > 20)
        try FileManager.default.removeItem(at: elsewhere.appendingPathComponent("parsed"))
        let built = await site.build()
        #expect(built.files == expected.files)
        #expect(!FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("parsed").path))
    }
}
