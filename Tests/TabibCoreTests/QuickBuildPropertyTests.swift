import Foundation
import PropertyBased
import Testing
@testable import TabibCore

/// Random sequences of the edits a writer makes — front matter, bodies, renames, deletions, new
/// pages, translations, templates, UI strings, site.yaml — applied to a small site: after each edit
/// the quick build must serve exactly the files a full build of the same sources writes, or fail
/// with the same errors.
@Suite struct QuickBuildPropertyTests {
    @Test func everyQuickBuildAfterRandomEditsMatchesAFullBuild() async throws {
        // Each number is one edit: what to do (the number modulo `EditedSite.kinds`) and to which file.
        await propertyCheck(count: 200, input: Gen.int(in: 0...9_999).array(of: 1...4)) { edits in
            do {
                let site = try await EditedSite()
                defer { site.discard() }
                var done: [String] = []
                for number in edits {
                    done.append(try site.apply(number))
                    let mismatch = try await site.rebuildAndCompare()
                    if let mismatch {
                        Issue.record("after the edits \(done.joined(separator: "; ")): \(mismatch)")
                        return
                    }
                }
            } catch {
                Issue.record("the edited site could not be set up: \(error)")
            }
        }
    }
}

/// A small site in a temporary folder, edited file by file, with the preview a quick builder keeps
/// up to date as `tabib serve` does.
final class EditedSite {
    /// A content file as its parts, written out as front matter and body.
    struct Page {
        var title: String
        var summary: String?
        var slug: String?
        var draft = false
        var conditions: [String]?
        var causes: [String]?
        var aliases: [String]?
        var translation = false
        var reviewed = true
        var body: String
        var kind: String

        var text: String {
            var lines = ["---", "title: \"\(title)\""]
            if let summary { lines.append("summary: \"\(summary)\"") }
            if let slug { lines.append("slug: \(slug)") }
            if kind == "articles" || kind == "pages" {
                lines.append("date: 2026-01-10")
                if reviewed { lines.append("reviewed: 2026-02-01") }
            }
            if draft { lines.append("draft: true") }
            if translation { lines.append("translation: {from: id, reviewed: false}") }
            if let conditions { lines.append("conditions: [\(conditions.joined(separator: ", "))]") }
            if let causes, !causes.isEmpty { lines.append("causes:"); lines += causes.map { "  - \($0)" } }
            if let aliases { lines.append("aliases:"); lines += aliases.map { "  - \"\($0)\"" } }
            lines += ["---", "", body]
            return lines.joined(separator: "\n") + "\n"
        }
    }

    static let causes = ["dehidrasi", "stres", "kurang-tidur"]
    static let conditions = ["kram-otot", "kedutan-otot"]
    static let aliases = ["dehidrasi": "kurang cairan", "stres": "tekanan batin", "kurang-tidur": "begadang"]

    let root: URL
    let builder: IncrementalBuilder
    let options: BuildOptions
    var pages: [String: Page] = [:]
    var served: [String: [UInt8]] = [:]
    var touched: Set<String> = []
    var counter = 0
    /// The errors of the last build, when it failed.
    var failure: [String]?

    init() async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tabib-property-\(UUID().uuidString)")
        options = BuildOptions(root: root, baseURL: "http://127.0.0.1:1313/")
        builder = IncrementalBuilder(options: options)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestSite.repository.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        // Small pages and an early split by letter, so that edits add and remove pages of lists.
        try Data((TestSite.siteYAML + "\npageSize: 2\nletterPagesAbove: 4\n").utf8)
            .write(to: root.appendingPathComponent("content/site.yaml", isDirectory: false).creatingFolder())
        for id in Self.causes {
            pages["content/id/causes/\(id).md"] = Page(title: id.capitalized, summary: "Penyebab \(id).", aliases: [id, Self.aliases[id]!],
                                                       body: "Tentang \(id).", kind: "causes")
        }
        for id in Self.conditions {
            pages["content/id/conditions/\(id).md"] = Page(title: id.capitalized, summary: "Kondisi \(id).", aliases: [id],
                                                           body: "Tentang \(id), lihat [stres](@/causes/stres.md).", kind: "conditions")
        }
        pages["content/id/articles/kram-kaki.md"] = Page(title: "Kram Kaki", summary: "Kram di kaki.", conditions: ["kram-otot"],
                                                         causes: ["dehidrasi", "stres"], body: "Kram kaki karena dehidrasi.\n\n> [!SEE-DOCTOR]\n> Ke dokter bila berat.",
                                                         kind: "articles")
        pages["content/id/articles/mata-berkedut.md"] = Page(title: "Mata Berkedut", summary: "Kedutan.", conditions: ["kedutan-otot"],
                                                             causes: ["stres", "kurang-tidur"], body: "Sering karena begadang.", kind: "articles")
        pages["content/id/articles/otot-lelah.md"] = Page(title: "Otot Lelah", summary: "Lelah.", conditions: ["kram-otot", "kedutan-otot"], causes: ["kurang-tidur"],
                                                          body: "Otot lelah.", kind: "articles")
        pages["content/en/articles/kram-kaki.md"] = Page(title: "Leg Cramps", summary: "Cramps in the leg.", slug: "leg-cramps",
                                                         conditions: ["kram-otot"], causes: ["dehidrasi", "stres"], translation: true,
                                                         body: "Leg cramps from dehydration.", kind: "articles")
        pages["content/en/causes/stres.md"] = Page(title: "Stress", summary: "Stress.", slug: "stress", aliases: ["stress"], translation: true,
                                                   body: "About stress.", kind: "causes")
        pages["content/id/pages/disclaimer.md"] = Page(title: "Penafian", body: "Informasi ini hanya untuk edukasi.", kind: "pages")
        pages["content/id/pages/tentang.md"] = Page(title: "Tentang", summary: "Tentang situs.", body: "Situs uji.", kind: "pages")
        for (path, page) in pages { try write(path, page.text) }
        touched = []
        if let mismatch = try await rebuildAndCompare() { throw SetupFailure(description: "the unedited site: \(mismatch)") }
        if let errors = failure { throw SetupFailure(description: "the unedited site does not build: \(errors)") }
    }

    struct SetupFailure: Error, CustomStringConvertible { var description: String }

    func discard() { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path, isDirectory: false).creatingFolder())
        touched.insert(path)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
        touched.insert(path)
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
    }

    /// Changes a page and writes it.
    func edit(_ path: String, _ change: (inout Page) -> Void) throws {
        change(&pages[path]!)
        try write(path, pages[path]!.text)
    }

    static let kinds = 16

    /// Applies edit `number` and says what it did.
    func apply(_ number: Int) throws -> String {
        counter += 1
        let n = counter
        let kind = number % Self.kinds
        let pick = number / Self.kinds
        let paths = pages.keys.sorted()
        let path = paths[pick % paths.count]
        let articles = paths.filter { $0.contains("/articles/") }
        let article = articles.isEmpty ? nil : articles[pick % articles.count]
        switch kind {
        case 0:
            // Every other time a new first word, which moves the page to another letter of the A–Z lists.
            try edit(path) { $0.title = pick % 2 == 0 ? $0.title + " \(n)" : ["Zat", "Air", "Mual"][n % 3] + " " + $0.title }
            return "title of \(path)"
        case 1:
            try edit(path) { $0.summary = pick % 3 == 0 ? nil : "Ringkasan \(n)." }
            return "summary of \(path)"
        case 2:
            guard let article else { return "nothing (no article)" }
            let causes = Self.causes.enumerated().filter { (pick >> $0.offset) & 1 == 1 }.map(\.element)
            try edit(article) { $0.causes = causes }
            return "causes of \(article) to \(causes)"
        case 3:
            guard let article else { return "nothing (no article)" }
            let conditions = Self.conditions.enumerated().filter { (pick >> $0.offset) & 1 == 1 }.map(\.element)
            try edit(article) { $0.conditions = conditions }
            return "conditions of \(article) to \(conditions)"
        case 4:
            try edit(path) { $0.slug = pick % 4 == 0 ? nil : "alamat-\(n)" }
            return "slug of \(path)"
        case 5:
            guard let article else { return "nothing (no article)" }
            try edit(article) { $0.draft.toggle() }
            return "draft of \(article)"
        case 6:
            try edit(path) { $0.body += "\n\nKalimat tambahan \(n)." }
            return "body text of \(path)"
        case 7:
            let targets = Self.causes.map { "@/causes/\($0).md" } + Self.conditions.map { "@/conditions/\($0).md" } + ["@/pages/tentang.md"]
            let target = targets[pick % targets.count]
            try edit(path) { $0.body += "\n\nLihat [ini](\(target))." }
            return "link to \(target) in \(path)"
        case 8:
            let alias = Self.aliases[Self.causes[pick % Self.causes.count]]!
            try edit(path) { $0.body += "\n\nKarena \(alias)." }
            return "mention of '\(alias)' in \(path)"
        case 9:
            guard let article else { return "nothing (no article)" }
            let renamed = article.replacingOccurrences(of: ".md", with: "-\(n).md")
            pages[renamed] = pages.removeValue(forKey: article)
            try remove(article)
            try write(renamed, pages[renamed]!.text)
            return "rename \(article) to \(renamed)"
        case 10:
            guard let article else { return "nothing (no article)" }
            pages[article] = nil
            try remove(article)
            return "delete \(article)"
        case 11:
            let added = "content/id/articles/baru-\(n).md"
            pages[added] = Page(title: "Artikel Baru \(n)", summary: "Baru.", conditions: [Self.conditions[pick % 2]],
                                causes: [Self.causes[pick % 3]], body: "Isi baru tentang stres.", kind: "articles")
            try write(added, pages[added]!.text)
            return "add \(added)"
        case 12:
            let sources = paths.filter { $0.hasPrefix("content/id/") && !$0.contains("disclaimer") }
            let source = sources[pick % sources.count]
            let translated = source.replacingOccurrences(of: "content/id/", with: "content/en/")
            if pages[translated] != nil {
                pages[translated] = nil
                try remove(translated)
                return "remove translation \(translated)"
            }
            var page = pages[source]!
            page.title = "English \(n)"
            page.translation = true
            page.slug = pick % 2 == 0 ? nil : "english-\(n)"
            page.body = "In English."
            pages[translated] = page
            try write(translated, page.text)
            return "add translation \(translated)"
        case 13:
            let templates = ["templates/article.mustache", "templates/partials/link.mustache", "templates/partials/footer.mustache",
                             "templates/layout.mustache", "templates/list.mustache", "templates/handout.mustache", "templates/cause.mustache",
                             "templates/partials/entity-list.mustache"]
            let template = templates[pick % templates.count]
            try write(template, try read(template) + "<!-- edit \(n) -->\n")
            return "template \(template)"
        case 14:
            let strings = "templates/i18n/\(pick % 2 == 0 ? "id" : "en").yaml"
            let key = ["navArticles", "navCauses", "notTranslated", "homeIntro", "handoutTitle"][pick % 5]
            let text = try read(strings)
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("\(key):") }) else { return "nothing (no \(key) in \(strings))" }
            try write(strings, text.replacingOccurrences(of: String(line), with: "\(key): Teks \(n)"))
            return "UI string \(key) in \(strings)"
        default:
            let yaml = try read("content/site.yaml")
            let changed = pick % 2 == 0 ? yaml.replacingOccurrences(of: "title: Situs Uji", with: "title: Situs Uji \(n)")
                                        : yaml.replacingOccurrences(of: "title: Test Site", with: "title: Test Site \(n)")
            try write("content/site.yaml", changed)
            return "site.yaml title"
        }
    }

    /// Builds quickly, updating the served files as `tabib serve` does, then fully; says how they
    /// differ, or nil when they do not.
    func rebuildAndCompare() async throws -> String? {
        let quickOutput = MemoryOutput()
        let quick: Result<IncrementalBuilder.Build, BuildFailure>
        do {
            quick = .success(try await builder.build(into: quickOutput, changed: touched))
        } catch {
            quick = .failure(error)
        }
        touched = []
        let fullOutput = MemoryOutput()
        let full: Result<BuildReport, BuildFailure>
        do {
            full = .success(try await SiteBuilder(options: options).build(into: fullOutput))
        } catch {
            full = .failure(error)
        }
        if case let .failure(error) = full { failure = error.diagnostics.errors.map(\.description) } else { failure = nil }
        switch (quick, full) {
        case let (.success(build), .success):
            if build.isFull { served = [:] }
            for path in build.removed { served[path] = nil }
            served.merge(quickOutput.files) { $1 }
            let expected = fullOutput.files
            if let path = Set(expected.keys).union(served.keys).sorted().first(where: { served[$0] != expected[$0] }) {
                let what = served[path] == nil ? "missing from the quick build" : expected[path] == nil ? "left over by the quick build" : "differs"
                return "\(path) \(what) (rendered \(build.rendered) of \(build.pages) pages)"
            }
            return nil
        case let (.failure(a), .failure(b)):
            let (quickErrors, fullErrors) = (a.diagnostics.errors.map(\.description), b.diagnostics.errors.map(\.description))
            return quickErrors == fullErrors ? nil : "the builds failed differently: quick \(quickErrors), full \(fullErrors)"
        case let (.success, .failure(error)):
            return "the quick build succeeded, the full one failed: \(error.diagnostics.errors.map(\.description))"
        case let (.failure(error), .success):
            return "the quick build failed, the full one succeeded: \(error.diagnostics.errors.map(\.description))"
        }
    }
}

extension URL {
    /// This file's URL, once its folder exists.
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
