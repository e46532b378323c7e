import Foundation
import TabibCore
import Testing

/// Quick rebuilds of the shipped site after every kind of edit a writer makes: each must leave the
/// served files exactly as a full build of the same sources writes them, and render only what the
/// edit touched.
@Suite struct IncrementalBuilderTests {
    /// A copy of the repository's content/ and templates/ that the tests edit, and the files a
    /// preview would serve, kept up to date from each build's written and removed files.
    final class Preview {
        let root: URL
        let builder: IncrementalBuilder
        let options: BuildOptions
        var served: [String: [UInt8]] = [:]
        /// The paths written or removed since the last build, as a file watcher reports them; nil when
        /// the builder is to find changes by looking at every file.
        var touched: Set<String>?

        init(watching: Bool = true) async throws {
            touched = watching ? [] : nil
            root = FileManager.default.temporaryDirectory.appendingPathComponent("tabib-incremental-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for folder in ["content", "templates"] {
                try FileManager.default.copyItem(at: TestSite.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
            }
            options = BuildOptions(root: root, preview: true, baseURL: "http://127.0.0.1:1313/")
            builder = IncrementalBuilder(options: options)
            let first = try await rebuild()
            #expect(first.isFull)
        }

        func read(_ path: String) throws -> String {
            String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
        }

        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            touched?.insert(path)
        }

        func replace(_ old: String, with new: String, in path: String) throws {
            let text = try read(path)
            #expect(text.contains(old), "\(path) has no '\(old)'")
            try write(path, text.replacingOccurrences(of: old, with: new))
        }

        func remove(_ path: String) throws {
            try FileManager.default.removeItem(at: root.appendingPathComponent(path))
            touched?.insert(path)
        }

        /// Builds quickly and updates the served files as `tabib serve` does.
        func rebuild() async throws -> IncrementalBuilder.Build {
            let output = MemoryOutput()
            let build = try await builder.build(into: output, changed: touched)
            if touched != nil { touched = [] }
            if build.isFull { served = [:] }
            for path in build.removed { served[path] = nil }
            served.merge(output.files) { $1 }
            return build
        }

        /// Builds quickly, then fully, and reports every served file that differs from the full build.
        func rebuildAndCompare(sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> IncrementalBuilder.Build {
            let build = try await rebuild()
            let full = MemoryOutput()
            _ = try await SiteBuilder(options: options).build(into: full)
            let expected = full.files
            let missing = Set(expected.keys).subtracting(served.keys).sorted()
            let extra = Set(served.keys).subtracting(expected.keys).sorted()
            let differing = expected.keys.filter { served[$0] != nil && served[$0] != expected[$0] }.sorted()
            #expect(missing.isEmpty, "missing from the quick build: \(missing)", sourceLocation: sourceLocation)
            #expect(extra.isEmpty, "left over by the quick build: \(extra)", sourceLocation: sourceLocation)
            #expect(differing.isEmpty, "different from the full build: \(differing)", sourceLocation: sourceLocation)
            return build
        }

        deinit { try? FileManager.default.removeItem(at: root) }
    }

    static let article = "content/id/articles/kram-betis-saat-berjalan.md"
    static let english = "content/en/articles/kram-betis-saat-berjalan.md"

    @Test func editingAnArticleBodyRendersOnlyItsPageAndHandout() async throws {
        let preview = try await Preview()
        try preview.write(Self.article, try preview.read(Self.article) + "\nSatu kalimat baru tentang dehidrasi.\n")
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        #expect(build.rendered == 2)
        #expect(build.written.contains("id/artikel/kram-betis-saat-berjalan/index.html"))
        #expect(build.removed.isEmpty)
    }

    @Test func withoutAWatcherEveryFileIsCheckedOnDisk() async throws {
        let preview = try await Preview(watching: false)
        try preview.write(Self.article, try preview.read(Self.article) + "\nSatu kalimat baru tentang dehidrasi.\n")
        try preview.remove(Self.english)
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        #expect(build.removed.contains("en/articles/calf-cramps-when-walking/index.html"))
    }

    @Test func aChangedFolderIsListedAgain() async throws {
        let preview = try await Preview()
        try preview.write("content/id/pages/tentang.md", "---\ntitle: Tentang\n---\n\nTentang situs ini.\n")
        preview.touched = ["content/id/pages"]
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        #expect(build.written.contains("id/tentang/index.html"))
    }

    @Test func savingAFileUnchangedRendersNothing() async throws {
        let preview = try await Preview()
        try preview.write(Self.article, try preview.read(Self.article))
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        #expect(build.rendered == 0)
    }

    /// The auto-link warnings of a quick build, and of a full build of the same sources.
    static func autoLinkWarnings(_ preview: Preview) async throws -> (quick: [String], full: [String]) {
        let quick = try await preview.rebuildAndCompare()
        let full = try await SiteBuilder(options: preview.options).build(into: MemoryOutput())
        func texts(_ warnings: [Diagnostic]) -> [String] {
            warnings.filter { $0.code == "common-word-alias" || $0.code == "frequent-alias" }.map(\.description).sorted()
        }
        return (texts(quick.warnings), texts(full.warnings))
    }

    @Test func autoLinkWarningsCountTheBodiesOfEveryQuickBuild() async throws {
        let preview = try await Preview()
        let cause = "content/id/causes/dehidrasi.md"
        try preview.replace("  - \"dehidrasi\"\n", with: "  - \"dehidrasi\"\n  - \"otot\"\n", in: cause)
        var warnings = try await Self.autoLinkWarnings(preview)
        #expect(warnings.quick.count == 1)
        #expect(warnings.quick == warnings.full)
        let before = warnings.quick
        // A body that mentions the alias.
        try preview.write(Self.article, try preview.read(Self.article) + "\nOtot betis terasa tegang.\n")
        warnings = try await Self.autoLinkWarnings(preview)
        #expect(warnings.quick == warnings.full)
        // A line written above the alias moves its warning.
        try preview.replace("title: \"Dehidrasi\"", with: "title: \"Dehidrasi\"\n# kekurangan cairan", in: cause)
        warnings = try await Self.autoLinkWarnings(preview)
        #expect(warnings.quick == warnings.full)
        #expect(warnings.quick != before)
        // Confirming the alias ends the warning.
        try preview.replace("  - \"otot\"\n", with: "  - {text: \"otot\", confirmed: true}\n", in: cause)
        warnings = try await Self.autoLinkWarnings(preview)
        #expect(warnings.quick == [])
        #expect(warnings.full == [])
    }

    @Test func retitlingAnArticleRendersThePagesThatShowItsTitle() async throws {
        let preview = try await Preview()
        try preview.replace("title: Penyebab Kram Otot di Betis saat Berjalan", with: "title: Kram Betis saat Berjalan", in: Self.article)
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        #expect(build.rendered > 2 && build.rendered < build.pages)
        #expect(build.written.contains("id/index.html"))
        #expect(build.written.contains("id/penyebab/dehidrasi/index.html"))
        // The feed shows titles; the sitemap does not.
        #expect(build.written.contains("id/atom.xml"))
        #expect(!build.written.contains("sitemap.xml"))
    }

    @Test func changingTheSummaryOfATranslation() async throws {
        let preview = try await Preview()
        try preview.replace("summary: \"Calf muscle cramps", with: "summary: \"Cramps in the calf muscles", in: Self.english)
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        #expect(build.written.contains("en/articles/index.html"))
    }

    @Test func droppingACauseFromAnArticle() async throws {
        let preview = try await Preview()
        // A translation states what its source states: both lose the cause.
        try preview.replace("  - diabetes: [neuropati-perifer]\n", with: "", in: Self.article)
        try preview.replace("  - diabetes: [neuropati-perifer]\n", with: "", in: Self.english)
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        #expect(build.written.contains("id/penyebab/diabetes/index.html"))
        #expect(build.written.contains("id/kondisi/neuropati-perifer/index.html"))
    }

    @Test func addingACauseToAnArticle() async throws {
        let preview = try await Preview()
        try preview.replace("  - diabetes: [neuropati-perifer]\n", with: "  - diabetes: [neuropati-perifer]\n  - statin: [kram-otot]\n", in: Self.article)
        try preview.replace("  - diabetes: [neuropati-perifer]\n", with: "  - diabetes: [neuropati-perifer]\n  - statin: [kram-otot]\n", in: Self.english)
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        #expect(build.written.contains("id/penyebab/statin/index.html"))
    }

    @Test func givingAnArticleANewSlugMovesItsPages() async throws {
        let preview = try await Preview()
        try preview.replace("title: Penyebab Kram", with: "slug: kram-betis\ntitle: Penyebab Kram", in: Self.article)
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        #expect(build.removed.contains("id/artikel/kram-betis-saat-berjalan/index.html"))
        #expect(build.removed.contains("id/selebaran/kram-betis-saat-berjalan/index.html"))
        #expect(build.written.contains("id/artikel/kram-betis/index.html"))
    }

    @Test func linkingToAnotherArticleListsItUnderWhatLinksHere() async throws {
        let preview = try await Preview()
        try preview.write(Self.article, try preview.read(Self.article) + "\nBaca juga [mati rasa](@/articles/kaki-mati-rasa-setelah-latihan.md).\n")
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        #expect(build.written.contains("id/artikel/kaki-mati-rasa-setelah-latihan/index.html"))
    }

    @Test func droppingALinkTakesTheArticleOffWhatLinksHere() async throws {
        let preview = try await Preview()
        try preview.replace(" dan [Otot Kaki Berkedut Setelah Berjalan](@/articles/kedutan-kaki-setelah-berjalan.md)", with: "", in: Self.article)
        // While the English translation links there, what links here stays the same.
        let first = try await preview.rebuildAndCompare()
        #expect(!first.written.contains("id/artikel/kedutan-kaki-setelah-berjalan/index.html"))
        let english = try preview.read(Self.english)
        try preview.write(Self.english, english.replacingOccurrences(of: #"\[([^\]]*)\]\(@/articles/kedutan-kaki-setelah-berjalan\.md[^)]*\)"#,
                                                                     with: "$1", options: .regularExpression))
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        #expect(build.written.contains("id/artikel/kedutan-kaki-setelah-berjalan/index.html"))
    }

    @Test func renamingAHeadingALinkLeadsToFailsUntilTheLinkIsFixed() async throws {
        let preview = try await Preview()
        let target = "content/id/articles/kedutan-kaki-setelah-berjalan.md"
        try preview.replace("(@/articles/kedutan-kaki-setelah-berjalan.md)", with: "(@/articles/kedutan-kaki-setelah-berjalan.md#faktor-penyebab-kedutan)", in: Self.article)
        _ = try await preview.rebuildAndCompare()
        try preview.replace("## Faktor Penyebab Kedutan", with: "## Penyebab Kedutan", in: target)
        do {
            _ = try await preview.rebuild()
            Issue.record("the quick build should fail on the broken anchor")
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.map(\.code) == ["broken-anchor"])
        }
        try preview.replace("#faktor-penyebab-kedutan)", with: "#penyebab-kedutan)", in: Self.article)
        let build = try await preview.rebuildAndCompare()
        #expect(build.isFull)
    }

    @Test func deletingATranslationRemovesItsPagesAndUpdatesTheSwitchers() async throws {
        let preview = try await Preview()
        try preview.remove(Self.english)
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        #expect(build.removed.contains("en/articles/calf-cramps-when-walking/index.html"))
        #expect(build.written.contains("id/artikel/kram-betis-saat-berjalan/index.html"))
    }

    @Test func addingAnArticle() async throws {
        let preview = try await Preview()
        try preview.write("content/id/articles/kram-malam.md", """
            ---
            title: Kram Malam Hari
            summary: Kram yang datang saat tidur.
            date: 2026-11-20
            reviewed: 2026-11-20
            conditions: [kram-otot]
            causes: [dehidrasi, posisi-tidur]
            ---

            Kram malam hari sering terkait dehidrasi. Lihat [kram betis](@/articles/kram-betis-saat-berjalan.md).
            """)
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        #expect(build.written.contains("id/artikel/kram-malam/index.html"))
        #expect(build.written.contains("id/penyebab/posisi-tidur/index.html"))
    }

    @Test func markingAnArticleAsDraftUnpublishesIt() async throws {
        let preview = try await Preview()
        // With its translation: a translation without its source is an error.
        try preview.replace("title: Penyebab Kram", with: "draft: true\ntitle: Penyebab Kram", in: Self.article)
        try preview.replace("title: Causes", with: "draft: true\ntitle: Causes", in: Self.english)
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        #expect(build.removed.contains("id/artikel/kram-betis-saat-berjalan/index.html"))
    }

    @Test func retitlingACause() async throws {
        let preview = try await Preview()
        try preview.replace("title: \"Dehidrasi\"", with: "title: \"Dehidrasi (kekurangan cairan)\"", in: "content/id/causes/dehidrasi.md")
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        #expect(build.written.contains("id/artikel/kram-betis-saat-berjalan/index.html"))
        #expect(build.written.contains("id/penyebab/index.html"))
    }

    @Test func addingAnAliasLinksItsMentionsAgain() async throws {
        let preview = try await Preview()
        try preview.replace("  - \"dehidrasi\"\n", with: "  - \"dehidrasi\"\n  - \"kekurangan cairan\"\n", in: "content/id/causes/dehidrasi.md")
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
    }

    @Test func editingTheDisclaimerRendersItsPageAndEveryHandout() async throws {
        let preview = try await Preview()
        let path = "content/id/pages/disclaimer.md"
        try preview.write(path, try preview.read(path) + "\nSatu kalimat tambahan.\n")
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        // Its page and the Indonesian handouts; English handouts print the English disclaimer.
        #expect(build.rendered == 1 + 5)
    }

    @Test func retitlingTheDisclaimerRendersItsPagesAndTheHandoutsThatPrintIt() async throws {
        let preview = try await Preview()
        try preview.replace("title: Penafian Medis", with: "title: Penafian", in: "content/id/pages/disclaimer.md")
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        #expect(build.rendered == 1 + 5)
    }

    @Test func changingSiteSettingsRendersEveryPage() async throws {
        let preview = try await Preview()
        try preview.replace("reviewIntervalMonths: 12", with: "reviewIntervalMonths: 6", in: "content/site.yaml")
        let build = try await preview.rebuildAndCompare()
        #expect(build.rendered == build.pages)
    }

    @Test func changingAUIStringRendersEveryPage() async throws {
        let preview = try await Preview()
        try preview.replace("navHome: Beranda", with: "navHome: Halaman utama", in: "templates/i18n/id.yaml")
        let build = try await preview.rebuildAndCompare()
        #expect(build.rendered == build.pages)
    }

    @Test func editingAPartialRendersThePagesThatUseIt() async throws {
        let preview = try await Preview()
        let path = "templates/partials/review-dates.mustache"
        try preview.write(path, "<!-- tanggal -->\n" + (try preview.read(path)))
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        #expect(build.rendered > 0 && build.rendered < build.pages)
    }

    @Test func editingTheLinkPartialRendersThePagesThatListLinks() async throws {
        let preview = try await Preview()
        try preview.replace("<a href=", with: "<a class=\"tautan\" href=", in: "templates/partials/link.mustache")
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        // Handouts, simple pages, the root page and 404 show no list of links.
        #expect(build.rendered > 0 && build.rendered < build.pages)
    }

    @Test func editingTheLayoutRendersEveryPage() async throws {
        let preview = try await Preview()
        try preview.replace("<body>", with: "<body class=\"pratinjau\">", in: "templates/layout.mustache")
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        // All but the 10 handouts and the root page, which have their own HTML.
        #expect(build.rendered == build.pages - 11)
    }

    @Test func changingAnAssetRendersNoPage() async throws {
        let preview = try await Preview()
        try preview.write("templates/assets/style.css", "body { color: navy; }\n")
        let build = try await preview.rebuildAndCompare()
        #expect(!build.isFull)
        #expect(build.rendered == 0)
        #expect(preview.served["assets/style.css"] == Array("body { color: navy; }\n".utf8))
    }

    @Test func aFailedBuildIsFollowedByAFullOne() async throws {
        let preview = try await Preview()
        let good = try preview.read(Self.article)
        try preview.write(Self.article, good.replacingOccurrences(of: "reviewed: 2026-11-21", with: "reviewed: [2026"))
        await #expect(throws: BuildFailure.self) { _ = try await preview.rebuild() }
        try preview.write(Self.article, good + "\nSetelah perbaikan.\n")
        let build = try await preview.rebuildAndCompare()
        #expect(build.isFull)
    }

    @Test func manyEditsInARowStayEqualToAFullBuild() async throws {
        let preview = try await Preview()
        try preview.write(Self.article, try preview.read(Self.article) + "\nKalimat pertama.\n")
        _ = try await preview.rebuildAndCompare()
        try preview.replace("title: \"Dehidrasi\"", with: "title: \"Kekurangan Cairan\"", in: "content/id/causes/dehidrasi.md")
        _ = try await preview.rebuildAndCompare()
        try preview.remove("content/en/articles/kejang-otot-di-kaki.md")
        _ = try await preview.rebuildAndCompare()
        try preview.replace("  - diabetes: [neuropati-perifer]\n", with: "", in: Self.article)
        try preview.replace("  - diabetes: [neuropati-perifer]\n", with: "", in: Self.english)
        let last = try await preview.rebuildAndCompare()
        #expect(!last.isFull)
    }
}
