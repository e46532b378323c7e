import Foundation
import Testing
@testable import TabibCore

/// Every kind of bad input gives `path:line:col: error: …` with what to do, all errors at once.
@Suite struct BadInputTests {
    static let article = """
    ---
    title: Kram
    summary: Ringkasan.
    date: 2026-11-20
    reviewed: 2026-11-20
    ---
    Isi.
    """

    @Test func unknownKeySuggestsTheKnownOne() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: Kram
        summary: Ringkasan.
        date: 2026-11-20
        reviewd: 2026-11-20
        ---
        Isi.
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md:1:1: error: the required key 'reviewed' is missing; add 'reviewed: …' to the front matter.
        content/id/articles/a.md:5:1: error: unknown key 'reviewd' in the front matter of an article; fix its spelling or remove it.
          note: did you mean 'reviewed'?
          note: known keys here: title, summary, date, reviewed, nextReview, clinicalReview, conditions, causes, sources, review, handout, translation, draft, slug.
        """)
    }

    @Test func dateInWordsIsAWrongType() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: Kram
        summary: Ringkasan.
        date: kemarin
        reviewed: 2026-11-20
        ---
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md:4:7: error: 'date' must be a date written as YYYY-MM-DD, such as 2026-11-20; 'kemarin' is not one.
        """)
    }

    @Test func malformedYAMLNamesWhereTheProblemStarts() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: Kram
        summary: [tidak ditutup
        date: 2026-11-20
        ---
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md:3:10: error: the list opened here with '[' is never closed; add ']' after its last item, such as [a, b].
        """)
    }

    @Test func plainAndQuotedKeyOfOtherTypesAreTwoKeys() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: Kram
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        1: a
        "1": b
        ---
        Isi.
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md:6:1: error: unknown key '1' in the front matter of an article; fix its spelling or remove it.
          note: known keys here: title, summary, date, reviewed, nextReview, clinicalReview, conditions, causes, sources, review, handout, translation, draft, slug.
        content/id/articles/a.md:7:1: error: '1' is written twice in the front matter of an article; keep one of them.
        """)
    }

    @Test func explicitlyTaggedKeyWrittenTwiceIsADuplicate() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: Kram
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        !!int 2: a
        2: b
        ---
        Isi.
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md:6:1: error: the key '2' is written twice; keep one of them.
        """)
    }

    @Test func blankQuotedValueIsEmpty() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: "  Kram  "
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        clinicalReview: {name: " ", credential: dr, date: 2026-11-20}
        ---
        Isi.
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md:6:24: error: 'clinicalReview.name' is empty; write a value or remove the key.
        """)
    }

    @Test func frontMatterWithoutClosingLine() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: Kram
        Isi tanpa penutup.
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md:1:1: error: the front matter that starts here has no closing '---'; add a line '---' after its last key.
        """)
    }

    @Test func emptyFile() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md:1:1: error: the file is empty; start it with front matter between two '---' lines (title, summary, date, reviewed are required) or delete it.
        """)
    }

    @Test func invalidUTF8NamesTheByte() async throws {
        let site = try TestSite("")
        try site.write("content/id/articles/a.md", bytes: Array("---\ntitle: Kr".utf8) + [0xFF] + Array("am\n---\n".utf8))
        #expect(await site.errors() == """
        content/id/articles/a.md:2:10: error: the file is not valid UTF-8 (byte 0xFF here); save it as UTF-8 in your editor.
        """)
    }

    @Test func byteOrderMarkAndCRLFAreNormalInput() async throws {
        let site = try TestSite("")
        let text = Self.article.replacingOccurrences(of: "\n", with: "\r\n")
        try site.write("content/id/articles/a.md", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let output = try #require(await site.build().output)
        let page = try #require(output.text("id/artikel/a/index.html"))
        #expect(page.contains("<h1>Kram</h1>"))
        #expect(page.contains("<p>Isi.</p>"))
    }

    @Test func twoPagesOnOneURL() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        \(Self.article)
        -- content/id/articles/b.md --
        ---
        slug: a
        title: Kram B
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        ---
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md: error: this page would be written to /id/artikel/a/, like content/id/articles/b.md; give one of them another 'slug'.
        content/id/articles/b.md: error: this page would be written to /id/artikel/a/, like content/id/articles/a.md; give one of them another 'slug'.
        """)
    }

    @Test func slugWithSlashOrDots() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        slug: ../etc
        title: Kram
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        ---
        -- content/id/articles/b.md --
        ---
        slug: x/y
        title: Kram
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        ---
        """)
        #expect(await site.errors() == """
        content/id/articles/a.md:2:7: error: the slug '../etc' contains '/'; use lowercase letters, digits and '-' only, such as 'kram-otot'.
        content/id/articles/b.md:2:7: error: the slug 'x/y' contains '/'; use lowercase letters, digits and '-' only, such as 'kram-otot'.
        """)
    }

    @Test func templateSyntaxError() async throws {
        let site = try TestSite("")
        try site.write("templates/page.mustache", "{{<layout}}{{$main}}\n<h1>{{#page}}{{title}}</h1>\n{{/main}}{{/layout}}\n")
        #expect(await site.errors() == """
        templates/page.mustache:3:1: error: '{{/main}}' does not close 'page', opened at line 2, column 5; close 'page' first.
        """)
    }

    @Test func missingPartialIsAnError() async throws {
        let site = try TestSite("")
        try site.write("templates/page.mustache", "{{<layout}}{{$main}}\n  {{> partials/notise}}\n{{/main}}{{/layout}}\n")
        #expect(await site.errors() == """
        templates/page.mustache:2:3: error: the template 'page' uses the partial 'partials/notise', but there is no templates/partials/notise.mustache; create it or fix the name.
          note: did you mean 'partials/notices'?
        """)
    }

    @Test func linkWithoutItsPartialReportsEveryUse() async throws {
        let site = try TestSite("")
        try site.remove("templates/partials/link.mustache")
        #expect(await site.errors() == """
        templates/home.mustache:10:32: error: the template 'home' shows '{{{link}}}', which tabib renders with templates/partials/link.mustache, but there is no such file; restore it from tabib's default templates.
        templates/list.mustache:15:159: error: the template 'list' shows '{{{link}}}', which tabib renders with templates/partials/link.mustache, but there is no such file; restore it from tabib's default templates.
        templates/list.mustache:15:215: error: the template 'list' shows '{{{link}}}', which tabib renders with templates/partials/link.mustache, but there is no such file; restore it from tabib's default templates.
        templates/list.mustache:15:310: error: the template 'list' shows '{{{link}}}', which tabib renders with templates/partials/link.mustache, but there is no such file; restore it from tabib's default templates.
        templates/partials/entity-list.mustache:2:15: error: the template 'partials/entity-list' shows '{{{link}}}', which tabib renders with templates/partials/link.mustache, but there is no such file; restore it from tabib's default templates.
        templates/partials/entity-list.mustache:2:93: error: the template 'partials/entity-list' shows '{{{link}}}', which tabib renders with templates/partials/link.mustache, but there is no such file; restore it from tabib's default templates.
        """)
    }

    @Test func missingTemplateIsAnError() async throws {
        let site = try TestSite("")
        try site.remove("templates/article.mustache")
        #expect(await site.errors() == """
        templates/article.mustache: error: the template templates/article.mustache is missing; every site needs it, so restore it from tabib's default templates.
        """)
    }

    @Test func everyErrorOfAStageIsReportedAtOnce() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: Kram
        summary: Ringkasan.
        date: 2026-13-01
        reviewed: 2026-11-20
        ---
        -- content/id/articles/b.md --
        ---
        title: Kedutan
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        draf: true
        ---
        """)
        try site.write("templates/home.mustache", "{{#x}}\n")
        let errors = await site.errors().split(separator: "\n").filter { !$0.hasPrefix("  note:") }
        #expect(errors == [
            "content/id/articles/a.md:4:7: error: 'date' is 2026-13-01, but there is no month 13: months run from 01 to 12; correct the day.",
            "content/id/articles/b.md:6:1: error: unknown key 'draf' in the front matter of an article; fix its spelling or remove it.",
            "templates/home.mustache:1:1: error: '{{#x}}' is never closed; add {{/x}} where it should end.",
        ])
    }

    @Test func failedBuildLeavesThePreviousOutputExactlyAsItWas() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        \(Self.article)
        """)
        let output = site.root.appendingPathComponent("public")
        _ = try await SiteBuilder(options: site.options).build(toDirectory: output)
        let before = try Self.snapshot(output)
        try site.write("content/id/articles/a.md", "---\ntitle: Kram\n")
        await #expect(throws: BuildFailure.self) { try await SiteBuilder(options: site.options).build(toDirectory: output) }
        #expect(try Self.snapshot(output) == before)
        // The QR-code cache (.tabib-cache) is kept between builds on purpose; staging folders must not be.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("tabib-") && $0 != ".tabib-cache" }
        #expect(leftovers.isEmpty)
    }

    @Test func refusesToReplaceAFolderItDidNotCreate() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        \(Self.article)
        """)
        let output = site.root.appendingPathComponent("mine")
        try site.write("mine/notes.txt", "keep me")
        do {
            _ = try await SiteBuilder(options: site.options).build(toDirectory: output)
            Issue.record("the build replaced a folder it did not create")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["error: the output folder \(output.path) exists and was not created by tabib (it has no .tabib-output file); tabib will not replace it. Choose another --output, or empty or remove that folder yourself."])
        }
        #expect(try String(contentsOf: output.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me")
    }

    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try Data(contentsOf: url)
            }
        }
        return result
    }
}
