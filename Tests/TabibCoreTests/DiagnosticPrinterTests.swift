import Foundation
import Testing
@testable import TabibCore

/// What the terminal shows: the message, the line with a caret under the column, the notes; one
/// message per mistake; colour only when asked.
@Suite struct DiagnosticPrinterTests {
    @Test func theCaretStandsUnderTheColumnAfterTabsAndWideCharacters() {
        let diagnostic = Diagnostic.error("yaml-unclosed-quote", "the quote opened here is never closed.",
                                          at: TabibCore.SourceLocation(path: "content/site.yaml", line: 12, column: 6),
                                          sourceLine: "\tñ好: \"x")
        #expect(DiagnosticPrinter().report([diagnostic]) == """
        content/site.yaml:12:6: error: the quote opened here is never closed.
          12 |     ñ好: "x
             |          ^
        1 error, 0 warnings.
        """)
    }

    @Test func aCombiningMarkTakesNoColumnOnScreen() {
        let snippet = DiagnosticPrinter.snippet("e\u{301}: [a", column: 5)
        #expect(snippet.line == "e\u{301}: [a")
        #expect(snippet.caret == "   ^")
    }

    @Test func aColumnPastTheEndPointsJustAfterTheLine() {
        #expect(DiagnosticPrinter.snippet("title: x", column: 12).caret == "        ^")
    }

    @Test func aLineWithoutColumnIsShownWithoutCaret() {
        let diagnostic = Diagnostic.warning("no-sources", "this article cites no sources.", at: TabibCore.SourceLocation(path: "a.md", line: 1), sourceLine: "---")
        #expect(DiagnosticPrinter().report([diagnostic]) == """
        a.md:1: warning: this article cites no sources.
          1 | ---
        0 errors, 1 warning.
        """)
    }

    @Test func theSameMistakeInManyFilesIsOneMessageWithACount() {
        var diagnostics: [Diagnostic] = []
        for i in 1...2_000 {
            diagnostics.append(.error("missing-key", "the required key 'reviewed' is missing; add 'reviewed: …' to the front matter.",
                                      at: TabibCore.SourceLocation(path: "content/id/articles/a\(String(format: "%04d", i)).md", line: 1, column: 1),
                                      sourceLine: "---"))
        }
        diagnostics.append(.error("unknown-key", "unknown key 'titel'.", at: TabibCore.SourceLocation(path: "content/id/articles/a0002.md", line: 2, column: 1)))
        #expect(DiagnosticPrinter().report(diagnostics.reversed()) == """
        content/id/articles/a0001.md:1:1: error: the required key 'reviewed' is missing; add 'reviewed: …' to the front matter.
          1 | ---
            | ^
          note: also in content/id/articles/a0002.md:1:1, content/id/articles/a0003.md:1:1 and 1,997 other articles.
        content/id/articles/a0002.md:2:1: error: unknown key 'titel'.
        2,001 errors, 0 warnings.
        """)
    }

    @Test func theSameMistakeOnManyRenderedPagesNamesThePages() {
        let diagnostics = ["/id/selebaran/a/", "/id/selebaran/b/"].map {
            Diagnostic.error("handout-incomplete", "while rendering \($0): the handout does not show the review date.",
                             at: TabibCore.SourceLocation(path: "templates/handout.mustache"))
        }
        #expect(DiagnosticPrinter().report(diagnostics) == """
        templates/handout.mustache: error: while rendering /id/selebaran/a/: the handout does not show the review date.
          note: also in /id/selebaran/b/.
        2 errors, 0 warnings.
        """)
    }

    @Test func colourIsOnlyAddedWhenAsked() {
        let diagnostic = Diagnostic.error("x", "broken.", at: TabibCore.SourceLocation(path: "a.md", line: 3, column: 2), notes: ["fix it."], sourceLine: "ab")
        #expect(DiagnosticPrinter(colors: true).render(DiagnosticGroup(first: diagnostic, otherPlaces: [], placeNoun: ("place", "places"))) ==
            "\u{1B}[1ma.md:3:2:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m \u{1B}[1mbroken.\u{1B}[0m\n"
            + "  \u{1B}[1;34m3 |\u{1B}[0m ab\n"
            + "  \u{1B}[1;34m  |\u{1B}[0m \u{1B}[1;31m ^\u{1B}[0m\n"
            + "  \u{1B}[1;36mnote:\u{1B}[0m fix it.")
    }

    @Test func linesAreAttachedFromTheSiteFiles() throws {
        let site = try TestSite("-- content/id/articles/a.md --\n---\r\ntitle: Kram\r\n---\r\n")
        let attached = SourceLines.attach([
            .error("x", "a.", at: TabibCore.SourceLocation(path: "content/id/articles/a.md", line: 2, column: 1)),
            .error("x", "b.", at: TabibCore.SourceLocation(path: "content/id/articles/a.md", line: 99, column: 1)),
            .error("x", "c.", at: TabibCore.SourceLocation(path: "content/id/articles/none.md", line: 1, column: 1)),
            .error("x", "d.", at: TabibCore.SourceLocation(path: "content/id/articles/a.md", line: 1), sourceLine: "kept"),
        ], root: site.root)
        #expect(attached.map(\.sourceLine) == ["title: Kram", nil, nil, "kept"])
    }

    @Test func jsonCarriesTheSourceLine() {
        let json = DiagnosticJSON.encode([.error("yaml-tab", "a tab.", at: TabibCore.SourceLocation(path: "a.md", line: 2, column: 1), sourceLine: "\t- x")])
        #expect(json == """
        {
          "diagnostics" : [
            {
              "code" : "yaml-tab",
              "column" : 1,
              "file" : "a.md",
              "line" : 2,
              "message" : "a tab.",
              "notes" : [

              ],
              "severity" : "error",
              "sourceLine" : "\\t- x"
            }
          ],
          "errors" : 1,
          "warnings" : 0
        }
        """)
    }

    @Test func githubAnnotationsEscapeTheirPropertiesAndMessage() {
        let diagnostics: [Diagnostic] = [
            .error("unknown-key", "unknown key 'a,b: c' (100%); fix it.", at: TabibCore.SourceLocation(path: "content/id/articles/x,y:z.md", line: 5, column: 1),
                   notes: ["did you mean 'title'?"]),
            .warning("no-sources", "this article cites no sources.", at: TabibCore.SourceLocation(path: "content/id/articles/a.md", line: 1, column: 1)),
            .warning("no-sources", "this article cites no sources.", at: TabibCore.SourceLocation(path: "content/id/articles/b.md", line: 1, column: 1)),
            .error("missing-config", "there is no content/site.yaml\r\nanywhere."),
        ]
        #expect(GitHubAnnotations.encode(diagnostics) == """
        ::error title=tabib%3A missing-config::there is no content/site.yaml%0D%0Aanywhere.
        ::warning file=content/id/articles/a.md,line=1,col=1,title=tabib%3A no-sources::this article cites no sources.%0Anote: also in content/id/articles/b.md:1:1.
        ::error file=content/id/articles/x%2Cy%3Az.md,line=5,col=1,title=tabib%3A unknown-key::unknown key 'a,b: c' (100%25); fix it.%0Anote: did you mean 'title'?
        2 errors, 2 warnings.
        """)
    }

    @Test func githubAnnotationsNameFilesFromTheRepositorysRoot() {
        let diagnostic = Diagnostic.error("x", "broken.", at: TabibCore.SourceLocation(path: "content/id/articles/a.md", line: 2, column: 3))
        #expect(GitHubAnnotations.encode([diagnostic], folder: "site/") == """
        ::error file=site/content/id/articles/a.md,line=2,col=3,title=tabib%3A x::broken.
        1 error, 0 warnings.
        """)
    }
}
