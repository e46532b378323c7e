import Foundation
import Testing
@testable import TabibCore

/// `.tabib-cache/bodies`: a build into a folder keeps the bodies it rendered there, and the next
/// build, in a new process as much as in the same one, takes a body from it only when everything the
/// body was made from is the same. Each test edits a copy of the shipped site, builds it with the
/// cache the previous build left, and compares every file with a build of the same sources without
/// any cache.
@Suite struct BodyCacheFileTests {
    /// A copy of the repository's content/ and templates/, built into folders next to it.
    final class Site: CacheTestSite {
        init() throws { try super.init(named: "tabib-bodies") }

        var cacheFile: URL { root.appendingPathComponent(".tabib-cache/bodies") }

        /// Builds into a new folder, with whatever cache the site has, and returns the files written
        /// (without the output folder's own bookkeeping, nor the search index: two Pagefind runs over the
        /// same pages do not write the same bytes, and the pages it indexes are compared here).
        func build(drafts: Bool = false) async throws -> [String: [UInt8]] {
            let output = nextOutput()
            _ = try await SiteBuilder(options: BuildOptions(root: root, includeDrafts: drafts)).build(toDirectory: output)
            return TestSite.files(in: output).filter { !$0.key.hasPrefix(".tabib") && !$0.key.hasPrefix(SearchIndex.folder + "/") }
        }

        /// Builds with the cache, then without any, and reports the files in which the two differ;
        /// returns the build made with the cache.
        func buildAndCompare(drafts: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> [String: [UInt8]] {
            let cached = try await build(drafts: drafts)
            let kept = root.appendingPathComponent(".tabib-cache")
            let aside = folder.appendingPathComponent("cache-aside")
            try FileManager.default.moveItem(at: kept, to: aside)
            defer {
                try? FileManager.default.removeItem(at: kept)
                try? FileManager.default.moveItem(at: aside, to: kept)
            }
            let fresh = try await build(drafts: drafts)
            let differing = Set(cached.keys).union(fresh.keys).filter { cached[$0] != fresh[$0] }.sorted()
            #expect(differing.isEmpty, "a build with the cache differs from one without it in: \(differing)", sourceLocation: sourceLocation)
            return cached
        }

        /// How many of the site's bodies the cache file holds for the files as they are now.
        func cachedBodies(drafts: Bool = false) async throws -> (cached: Int, files: Int) {
            let prepared = try await SiteBuilder(options: BuildOptions(root: root, includeDrafts: drafts)).prepare()
            let cache = BodyCache.load(root: root, files: prepared.graph.files, preview: drafts)
            return (cache.entries.compactMap { $0 }.count, prepared.graph.files.count)
        }
    }

    static let article = "content/id/articles/kram-betis-saat-berjalan.md"

    @Test func aSecondBuildTakesEveryBodyFromTheCacheFile() async throws {
        let site = try Site()
        let first = try await site.build()
        #expect(FileManager.default.fileExists(atPath: site.cacheFile.path))
        let (cached, files) = try await site.cachedBodies()
        #expect(cached == files && files > 0)
        let stamp = try FileManager.default.attributesOfItem(atPath: site.cacheFile.path)[.modificationDate] as? Date
        let second = try await site.build()
        #expect(second == first)
        // Nothing changed: the file is not written again.
        #expect(try FileManager.default.attributesOfItem(atPath: site.cacheFile.path)[.modificationDate] as? Date == stamp)
    }

    /// Every property of a body comes back from the file as it was rendered: a property added to
    /// `RenderedBody` and not written to the file fails here.
    @Test func everyPropertyOfABodyComesBackFromTheFile() async throws {
        let site = try Site()
        _ = try await site.build()
        let files = try await SiteBuilder(options: BuildOptions(root: site.root)).prepare().graph.files
        let cache = BodyCache.load(root: site.root, files: files, preview: false)
        // Rendered again, without the file.
        try FileManager.default.removeItem(at: site.cacheFile)
        let fresh = try await SiteBuilder(options: BuildOptions(root: site.root)).prepare().renderer.bodies.bodies
        #expect(cache.entries.count == fresh.count)
        for (entry, body) in zip(cache.entries, fresh) {
            let stored = try #require(entry).body
            let properties = Mirror(reflecting: body).children.map(\.label)
            #expect(properties.count >= 11)
            for (a, b) in zip(Mirror(reflecting: stored).children, Mirror(reflecting: body).children) {
                #expect(a.label == b.label)
                #expect(String(describing: a.value) == String(describing: b.value) || a.label == "anchors" && stored.anchors == body.anchors,
                        "\(a.label ?? "?") of \(entry?.source.path ?? "?")")
            }
        }
    }

    /// Each edit changes what some body renders to without changing its Markdown, or changes the
    /// Markdown: the build after it must equal a build without the cache, and differ from the one before.
    @Test(arguments: [
        ("the body", article, "Hampir setiap orang", "Hampir semua orang"),
        ("an alias another body mentions", "content/id/causes/dehidrasi.md", "  - \"dehidrasi\"\n", "  - \"dehidrasi\"\n  - \"cairan\"\n"),
        ("a callout's title", "templates/i18n/id.yaml", "calloutSeeDoctor: Periksakan diri ke dokter jika", "calloutSeeDoctor: Segera ke dokter jika"),
        ("the slug of a page bodies link to", "content/id/articles/kedutan-kaki-setelah-berjalan.md", "---\ntitle:", "---\nslug: otot-berkedut\ntitle:"),
        ("the base URL", "content/site.yaml", "baseURL: https://tabib.example.org/", "baseURL: https://tabib.example.org/kesehatan/"),
        ("an image a body shows", "content/images/peregangan-betis.png.yaml", "Ilustrasi: tim tabib", "Ilustrasi: tim Tabib"),
    ])
    func anEditToAnythingABodyReadsRendersItAgain(_ edit: (what: String, path: String, old: String, new: String)) async throws {
        let site = try Site()
        let before = try await site.build()
        try site.replace(edit.old, with: edit.new, in: edit.path)
        let after = try await site.buildAndCompare()
        #expect(after != before, "editing \(edit.what) changed nothing, so the test shows nothing")
    }

    @Test func allowingRawHTMLRendersTheBodiesAgain() async throws {
        let site = try Site()
        try site.replace("Hampir setiap orang", with: "Hampir <kbd>setiap</kbd> orang", in: Self.article)
        let before = try await site.build()
        try site.replace("allowRawHTML: false", with: "allowRawHTML: true", in: "content/site.yaml")
        let after = try await site.buildAndCompare()
        #expect(after != before)
    }

    @Test func aPreviewKeepsItsOwnBodies() async throws {
        let site = try Site()
        _ = try await site.build()
        _ = try await site.buildAndCompare(drafts: true)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".tabib-cache/bodies-preview").path))
        let (cached, files) = try await site.cachedBodies()
        #expect(cached == files)
    }

    @Test func aCutOrDamagedFileIsIgnored() async throws {
        let site = try Site()
        let expected = try await site.build()
        let bytes = [UInt8](try Data(contentsOf: site.cacheFile))
        let prepared = try await SiteBuilder(options: BuildOptions(root: site.root)).prepare()
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
            try Data(bytes[0..<cut]).write(to: site.cacheFile)
            #expect(BodyCache.load(root: site.root, files: prepared.graph.files, preview: false).isEmpty, "cut at \(cut)")
        }
        var foreign = bytes
        foreign[20] ^= 1
        try Data(foreign).write(to: site.cacheFile)
        #expect(BodyCache.load(root: site.root, files: prepared.graph.files, preview: false).isEmpty)
        #expect(try await site.build() == expected)
    }
}
