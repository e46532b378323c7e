import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TabibCore

/// Input written to break tabib (issue #13): deep nesting, huge files, YAML bombs and tags, text that
/// could end a script or break XML, symbolic links out of the site. Each gives a diagnostic and leaves
/// the previous output as it was, or builds safely.
@Suite struct HostileInputTests {
    static let frontMatter = "---\ntitle: Kram\nsummary: Ringkasan.\ndate: 2026-11-20\nreviewed: 2026-11-20\n---\n"

    static func article(_ body: String) throws -> TestSite {
        let site = try TestSite("")
        try site.write("content/id/articles/a.md", frontMatter + body)
        return site
    }

    static let tooDeep = "the Markdown here is nested more than 100 levels deep (lists, block quotes, emphasis or links inside one another); no reader can follow that: flatten it into fewer levels."

    // MARK: Deep nesting: reported where it passes the limit, never a stack overflow

    @Test func listNestedTenThousandDeepIsReportedWhereItPassesTheLimit() async throws {
        let site = try Self.article(String(repeating: "- ", count: 10_000) + "a\n")
        #expect(await site.errors() == "content/id/articles/a.md:7:101: error: \(Self.tooDeep)")
    }

    @Test func blockQuotesNestedThirtyThousandDeepAreReported() async throws {
        let site = try Self.article(String(repeating: ">", count: 30_000) + " a\n")
        #expect(await site.errors() == "content/id/articles/a.md:7:101: error: \(Self.tooDeep)")
    }

    @Test func emphasisNestedTenThousandDeepIsReported() async throws {
        let site = try Self.article(String(repeating: "*", count: 20_000) + "a" + String(repeating: "*", count: 20_000) + "\n")
        #expect(await site.errors() == "content/id/articles/a.md:7:1: error: \(Self.tooDeep)")
    }

    @Test func imagesInsideLinksNestedDeepAreReported() async throws {
        let site = try Self.article(String(repeating: "[![", count: 5_000) + "a" + String(repeating: "](b)](c)", count: 5_000) + "\n")
        // The 100th link: paragraph, then link and image by turns.
        #expect(await site.errors() == "content/id/articles/a.md:7:298: error: \(Self.tooDeep)")
    }

    @Test func tableInsideBlockQuotesNestedDeepIsReported() async throws {
        let quotes = String(repeating: "> ", count: 200)
        let site = try Self.article("\(quotes)| a | b |\n\(quotes)|---|---|\n\(quotes)| 1 | 2 |\n")
        #expect(await site.errors() == "content/id/articles/a.md:7:201: error: \(Self.tooDeep)")
    }

    @Test func nestingWithinTheLimitRenders() async throws {
        let list = (0..<20).map { String(repeating: "  ", count: $0) + "- \($0)" }.joined(separator: "\n")
        let site = try Self.article(list + "\n\n" + String(repeating: ">", count: 40) + " kutipan\n")
        let output = try #require(await site.build().output)
        let prose = try proseOf(output.text("id/artikel/a/index.html") ?? "")
        #expect(prose.components(separatedBy: "<ul>").count - 1 == 20)
        #expect(prose.components(separatedBy: "<blockquote>").count - 1 == 40)
    }

    // MARK: Huge files

    @Test func fileOverTheSizeLimitIsRefused() async throws {
        let site = try TestSite("")
        try site.write("content/id/articles/a.md", Self.frontMatter + String(repeating: "Kalimat yang panjang sekali. ", count: 50 << 20 / 29))
        #expect(await site.errors() == """
        content/id/articles/a.md: error: the file is 50 MB; tabib reads files of up to 2 MB: split it into smaller ones (an article is rarely over 100 KB).
        """)
    }

    @Test func lineOfOneMegabyteRenders() async throws {
        let site = try Self.article(String(repeating: "kram ", count: 1 << 20 / 5) + "\n")
        let output = try #require(await site.build().output)
        #expect(try proseOf(output.text("id/artikel/a/index.html") ?? "").utf8.count > 1 << 20 / 5 * 5 - 10)
    }

    // MARK: tabib serve: a bad save fails that rebuild only

    @Test func rebuildAfterSavingADeepListFailsAndTheNextGoodSaveBuilds() async throws {
        let site = try Self.article("Isi.\n")
        let builder = IncrementalBuilder(options: site.options)
        let first = MemoryOutput()
        _ = try await builder.build(into: first)
        try site.write("content/id/articles/a.md", Self.frontMatter + String(repeating: "- ", count: 10_000) + "a\n")
        do {
            _ = try await builder.build(into: MemoryOutput(), changed: ["content/id/articles/a.md"])
            Issue.record("the rebuild of a 10,000-deep list succeeded")
        } catch {
            #expect(error.diagnostics.errors.map(\.description) == ["content/id/articles/a.md:7:101: error: \(Self.tooDeep)"])
        }
        try site.write("content/id/articles/a.md", Self.frontMatter + "Isi baru.\n")
        let fixed = MemoryOutput()
        _ = try await builder.build(into: fixed, changed: ["content/id/articles/a.md"])
        #expect(try proseOf(fixed.text("id/artikel/a/index.html") ?? "") == "<p>Isi baru.</p>")
    }

    // MARK: YAML

    @Test func anchorsAndAliasesAreRefused() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: &judul Kram
        summary: *judul
        date: 2026-11-20
        reviewed: 2026-11-20
        ---
        Isi.
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md:2:8: error: anchors and aliases ('&judul', '*judul') are not supported here; write the value out in full wherever it is needed.
        """)
    }

    /// Nine levels of ten aliases each: a billion nodes if expanded.
    @Test func nestedAliasesAreRefusedWithoutBeingExpanded() async throws {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        yaml += "bomb: {*a9: 1}\n"
        let site = try TestSite("")
        try site.write("content/id/articles/a.md", "---\n" + yaml + "---\nIsi.\n")
        #expect(await site.errors() == """
        content/id/articles/a.md:2:5: error: anchors and aliases ('&a0', '*a0') are not supported here; write the value out in full wherever it is needed.
        """)
    }

    @Test func binaryAndCustomTagsAreRefused() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: !!binary S3JhbQ==
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        ---
        Isi.
        -- content/id/articles/b.md --
        ---
        title: !obat Kram
        summary: !!str Ringkasan.
        date: !!str 2026-11-20
        reviewed: 2026-11-20
        ---
        Isi.
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md:2:8: error: the tag '!!binary' is not supported here; remove it and write the value as plain text, a list or a mapping.
        content/id/articles/b.md:2:8: error: the tag '!obat' is not supported here; remove it and write the value as plain text, a list or a mapping.
        """)
    }

    @Test func yamlNestedPastItsLimitIsASyntaxError() async throws {
        let site = try TestSite("")
        try site.write("content/id/articles/a.md", "---\ntitle: " + String(repeating: "[", count: 5_000) + "\n---\nIsi.\n")
        #expect(await site.errors() == """
        content/id/articles/a.md:2:9: error: the YAML is nested more than 1000 levels deep (lists or mappings inside one another); no value needs that: write it with fewer levels.
        """)
    }

    // MARK: Text that could break the JSON-LD, the feed or the sitemap

    @Test func titleThatCouldEndTheScriptStaysInsideTheJSONLD() async throws {
        let title = "Kram <!-- \u{2028} </script> & ]]>"
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: "Kram <!-- \\L </script> & ]]>"
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        ---
        Isi.
        """)
        let output = try #require(await site.build().output)
        let page = try #require(output.text("id/artikel/a/index.html"))
        let start = try #require(page.range(of: "<script type=\"application/ld+json\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = String(page[start.upperBound..<end.lowerBound])
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&") && !json.contains("\u{2028}"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["headline"] as? String == title)
    }

    @Test func feedAndSitemapStayWellFormedForEveryTitle() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: "Kram\\x01\\x1f ]]> <b> & \\uFFFE"
        summary: "Ringkasan\\0 <![CDATA[ x ]]>"
        date: 2026-11-20
        reviewed: 2026-11-20
        ---
        Isi.
        """)
        let output = try #require(await site.build().output)
        let feed = try #require(output.text("id/atom.xml"))
        #expect(feed.contains("""
            <title>Kram\u{FFFD}\u{FFFD} ]]&gt; &lt;b&gt; &amp; \u{FFFD}</title>
        """))
        #expect(feed.contains("""
            <summary>Ringkasan\u{FFFD} &lt;![CDATA[ x ]]&gt;</summary>
        """))
        for name in ["id/atom.xml", "en/atom.xml", "sitemap.xml"] {
            let parser = XMLParser(data: Data((output.text(name) ?? "").utf8))
            #expect(parser.parse(), "\(name) is not well-formed: \(String(describing: parser.parserError))")
        }
    }

    // MARK: Symbolic links out of the site

    static func outsideFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tabib-outside-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func contentFileLinkedFromOutsideTheSiteIsAnError() async throws {
        let outside = try Self.outsideFile(Self.frontMatter + "Rahasia.\n")
        let site = try TestSite("")
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/id/articles"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("content/id/articles/a.md"), withDestinationURL: outside)
        #expect(await site.errors() == """
        content/id/articles/a.md: error: this file leads to \(outside.resolvingSymlinksInPath().path) through a symbolic link, outside the site's folder; tabib reads only files inside the site: copy the file in instead of linking to it.
        """)
    }

    @Test func partialLinkedToAFileOutsideTheSiteIsAnError() async throws {
        let outside = try Self.outsideFile("root:x:0:0:root:/root:/bin/bash\n")
        let site = try TestSite("-- content/id/articles/a.md --\n\(BadInputTests.article)")
        let footer = site.root.appendingPathComponent("templates/partials/footer.mustache")
        try FileManager.default.removeItem(at: footer)
        try FileManager.default.createSymbolicLink(at: footer, withDestinationURL: outside)
        #expect(await site.errors() == """
        templates/partials/footer.mustache: error: this file leads to \(outside.resolvingSymlinksInPath().path) through a symbolic link, outside the site's folder; tabib reads only files inside the site: copy the file in instead of linking to it.
        """)
    }

    @Test func uiStringsLinkedFromOutsideTheSiteAreAnError() async throws {
        let outside = try Self.outsideFile(try String(contentsOf: TestSite.repository.appendingPathComponent("templates/i18n/en.yaml"), encoding: .utf8))
        let site = try TestSite("-- content/id/articles/a.md --\n\(BadInputTests.article)")
        let strings = site.root.appendingPathComponent("templates/i18n/en.yaml")
        try FileManager.default.removeItem(at: strings)
        try FileManager.default.createSymbolicLink(at: strings, withDestinationURL: outside)
        #expect(await site.errors() == """
        templates/i18n/en.yaml: error: this file leads to \(outside.resolvingSymlinksInPath().path) through a symbolic link, outside the site's folder; tabib reads only files inside the site: copy the file in instead of linking to it.
        """)
    }

    @Test func linkToAnotherFileInsideTheSiteIsRead() async throws {
        let site = try TestSite("-- shared/a.md --\n\(BadInputTests.article)")
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/id/articles"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/id/articles/a.md").path,
                                                   withDestinationPath: "../../../shared/a.md")
        let output = try #require(await site.build().output)
        #expect(try proseOf(output.text("id/artikel/a/index.html") ?? "") == "<p>Isi.</p>")
    }

    // MARK: UI strings

    /// Takes the lines of `keys` out of a UI strings file of `site`.
    static func removeStrings(_ keys: [String], from path: String, in site: TestSite) throws {
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        try site.write(path, text.split(separator: "\n").filter { line in !keys.contains { line.hasPrefix("\($0):") } }
            .joined(separator: "\n") + "\n")
    }

    @Test func requiredStringMissingFromTheDefaultLanguageIsAnError() async throws {
        let site = try TestSite("-- content/id/articles/a.md --\n\(BadInputTests.article)")
        try Self.removeStrings(["calloutEmergency", "sources"], from: "templates/i18n/id.yaml", in: site)
        #expect(await site.errors() == """
        templates/i18n/id.yaml: error: the key 'calloutEmergency' is missing; id is the default language, so its pages would show the text of another language or none: add 'calloutEmergency: …' with the id text.
          note: templates/i18n/en.yaml has it: 'Is this an emergency?'.
        templates/i18n/id.yaml: error: the key 'sources' is missing; id is the default language, so its pages would show the text of another language or none: add 'sources: …' with the id text.
          note: templates/i18n/en.yaml has it: 'Sources'.
        """)
    }

    @Test func stringTheCodeReadsMissingFromTheOnlyLanguageIsAnError() async throws {
        let oneLanguage = TestSite.siteYAML.components(separatedBy: "\n  - code: en")[0] + "\npublishBeforeClinicalReview: true\n"
        let site = try TestSite("-- content/site.yaml --\n\(oneLanguage)\n-- content/id/articles/a.md --\n\(BadInputTests.article)")
        try site.remove("templates/i18n/en.yaml")
        try Self.removeStrings(["navHome", "calloutWarning"], from: "templates/i18n/id.yaml", in: site)
        #expect(await site.errors() == """
        templates/i18n/id.yaml: error: the key 'calloutWarning' is missing; id is the default language, so its pages would show the text of another language or none: add 'calloutWarning: …' with the id text.
        templates/i18n/id.yaml: error: the key 'navHome' is missing; id is the default language, so its pages would show the text of another language or none: add 'navHome: …' with the id text.
        """)
    }

    @Test func stringMissingFromAnotherLanguageFallsBackWithAWarning() async throws {
        let site = try TestSite("-- content/id/articles/a.md --\n\(BadInputTests.article)")
        let path = site.root.appendingPathComponent("templates/i18n/en.yaml")
        let text = try String(contentsOf: path, encoding: .utf8)
        try site.write("templates/i18n/en.yaml", text.split(separator: "\n").filter { !$0.hasPrefix("sources:") }.joined(separator: "\n") + "\n")
        let report = try await SiteBuilder(options: site.options).build(into: MemoryOutput())
        #expect(report.warnings.map(\.description) == [
            "templates/i18n/en.yaml: warning: templates/i18n/en.yaml has no 'sources'; the id text is shown until you add it.",
        ])
    }
}
