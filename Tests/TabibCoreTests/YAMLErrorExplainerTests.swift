import Foundation
import Testing
@testable import TabibCore

/// Each YAML mistake an editor makes gets a sentence in plain words, at the place the problem starts,
/// with the line shown under it.
@Suite struct YAMLErrorExplainerTests {
    /// The article's front matter with `lines` in place of the line `summary: Ringkasan.`, built; the
    /// errors as the terminal prints them (without colour).
    static func report(_ frontMatter: String) async throws -> String {
        let site = try TestSite("-- content/id/articles/a.md --\n---\n\(frontMatter)\n---\nIsi.\n")
        guard case let .failure(failure) = await site.build() else { return "(the build succeeded)" }
        return DiagnosticPrinter().report(failure.diagnostics)
    }

    @Test func tabInIndentationSaysToUseSpaces() async throws {
        #expect(try await Self.report("title: Kram\nsummary: Ringkasan.\ndate: 2026-11-20\nreviewed: 2026-11-20\nconditions:\n\t- kram-otot") == """
        content/id/articles/a.md:7:1: error: this line is indented with a tab, and YAML indents with spaces only; replace the tab with spaces.
          7 |     - kram-otot
            | ^
        1 error, 0 warnings.
        """)
    }

    @Test func unquotedColonInAValueSaysToQuoteIt() async throws {
        #expect(try await Self.report("title: Kram\nsummary: Penyebab utama: dehidrasi\ndate: 2026-11-20\nreviewed: 2026-11-20") == """
        content/id/articles/a.md:3:24: error: the value of 'summary' contains ': ', which YAML reads as the start of another key; put the whole value in double quotes: summary: "Penyebab utama: dehidrasi"
          3 | summary: Penyebab utama: dehidrasi
            |                        ^
        1 error, 0 warnings.
        """)
    }

    @Test func unclosedDoubleQuoteIsReportedWhereItOpened() async throws {
        #expect(try await Self.report("title: \"Kram otot\nsummary: Ringkasan.\ndate: 2026-11-20\nreviewed: 2026-11-20") == """
        content/id/articles/a.md:2:8: error: the quote opened here is never closed; add a closing " at the end of the value, on this line.
          2 | title: "Kram otot
            |        ^
        1 error, 0 warnings.
        """)
    }

    @Test func unclosedQuoteThatMeetsALaterQuoteIsReportedWhereItOpened() async throws {
        #expect(try await Self.report("title: 'Kram otot\nsummary: 'Ringkasan.'\ndate: 2026-11-20\nreviewed: 2026-11-20") == """
        content/id/articles/a.md:2:8: error: the quote opened here is never closed; add a closing ' at the end of the value, on this line.
          2 | title: 'Kram otot
            |        ^
        1 error, 0 warnings.
        """)
    }

    @Test func unclosedBracketIsReportedWhereItOpened() async throws {
        #expect(try await Self.report("title: Kram\nsummary: Ringkasan.\nconditions: [kram-otot, kejang\ndate: 2026-11-20\nreviewed: 2026-11-20") == """
        content/id/articles/a.md:4:13: error: the list opened here with '[' is never closed; add ']' after its last item, such as [a, b].
          4 | conditions: [kram-otot, kejang
            |             ^
        1 error, 0 warnings.
        """)
    }

    @Test func listItemAtTheWrongDepthSaysToLineItUp() async throws {
        #expect(try await Self.report("title: Kram\nsummary: Ringkasan.\ndate: 2026-11-20\nreviewed: 2026-11-20\nconditions:\n  - kram-otot\n - kejang") == """
        content/id/articles/a.md:8:2: error: this list item starts in column 2, but the one above it in column 3; put the '- ' of every item of one list in the same column.
          8 |  - kejang
            |  ^
        1 error, 0 warnings.
        """)
    }

    @Test func missingSpaceAfterColonSaysWhereToPutIt() async throws {
        #expect(try await Self.report("title: Kram\nsummary:Ringkasan.\ndate: 2026-11-20\nreviewed: 2026-11-20") == """
        content/id/articles/a.md:3:8: error: 'summary:' needs a space after the ':'; write 'summary: Ringkasan.'.
          3 | summary:Ringkasan.
            |        ^
        1 error, 0 warnings.
        """)
    }

    @Test func strayFenceInFrontMatterIsReportedOnce() async throws {
        #expect(try await Self.report("title: Kram\n---\nsummary: Ringkasan.\ndate: 2026-11-20\nreviewed: 2026-11-20") == """
        content/id/articles/a.md:3:1: error: this '---' ends the front matter, but the lines after it, up to line 7, hold keys too ('summary', 'date', 'reviewed'); remove this '---' so that the front matter ends at line 7.
          3 | ---
            | ^
        1 error, 0 warnings.
        """)
    }

    @Test func strayFenceInSiteYAMLStartsASecondDocument() async throws {
        let site = try TestSite("-- content/site.yaml --\n\(TestSite.siteYAML.replacingOccurrences(of: "languages:\n", with: "---\nlanguages:\n"))")
        guard case let .failure(failure) = await site.build() else { Issue.record("the build succeeded"); return }
        #expect(DiagnosticPrinter().report(failure.diagnostics) == """
        content/site.yaml:3:1: error: this '---' starts a second YAML document, but the file holds one; remove the line.
          3 | ---
            | ^
        1 error, 0 warnings.
        """)
    }
}

extension YAMLErrorExplainerTests {
    @Test func aValueStartingWithAStarSaysToQuoteIt() async throws {
        #expect(try await Self.report("title: Kram\nsummary: *Penting* minum air\ndate: 2026-11-20\nreviewed: 2026-11-20") == """
        content/id/articles/a.md:3:10: error: YAML gives '*' at the start of a value a meaning of its own; put the whole value in double quotes: summary: "*Penting* minum air"
          3 | summary: *Penting* minum air
            |          ^
        1 error, 0 warnings.
        """)
    }

    @Test func aKeyIndentedUnderAValueSaysWhereToStartIt() async throws {
        #expect(try await Self.report("title: Kram\nsummary: Ringkasan.\n  date: 2026-11-20\nreviewed: 2026-11-20") == """
        content/id/articles/a.md:4:3: error: 'date' is indented more than 'summary' above it, so YAML reads it as part of the value of 'summary'; start 'date' in column 1, like 'summary'.
          4 |   date: 2026-11-20
            |   ^
        1 error, 0 warnings.
        """)
    }

    @Test func aListItemUnderAKeyWithAValueSaysItBelongsToNoKey() async throws {
        #expect(try await Self.report("title: Kram\nsummary: Ringkasan.\ndate: 2026-11-20\nreviewed: 2026-11-20\n- kram-otot") == """
        content/id/articles/a.md:6:1: error: this list item belongs to no key: 'reviewed' above it already has a value; put the item under the key it belongs to (a line such as 'conditions:'), or remove the '- '.
          6 | - kram-otot
            | ^
        1 error, 0 warnings.
        """)
    }

    @Test func aMistakeWithoutPlainWordsKeepsLibyamlsWithAdvice() async throws {
        #expect(try await Self.report("title: Kram\nsummary: [a, b]]\ndate: 2026-11-20\nreviewed: 2026-11-20") == """
        content/id/articles/a.md:3:16: error: the YAML cannot be read here (did not find expected key); check that this line is indented like the lines it belongs with, with spaces, and put values that contain ': ' or start with a special character in double quotes.
          3 | summary: [a, b]]
            |                ^
        1 error, 0 warnings.
        """)
    }
}

extension YAMLErrorExplainerTests {
    /// Every one-character slip at every place of a real front matter: nothing crashes, and every
    /// failure is one diagnostic on a line of the text.
    @Test func everySlipAnywhereGivesOneDiagnosticOnALineOfTheText() {
        let yaml = """
        title: "Kram: otot"
        summary: Ringkasan.
        date: 2026-11-20
        conditions: [kram-otot, kejang]
        causes:
          - dehidrasi
          - diabetes: [neuropati]
        reviewer: {name: 'Dr. A', credential: Sp.S}
        """
        let scalars = Array(yaml.unicodeScalars)
        let lineCount = yaml.split(separator: "\n", omittingEmptySubsequences: false).count
        var failures = 0
        for position in 0...scalars.count {
            for slip in ["\t", ":", "\"", "'", "[", "{", "]", "-", "\n", "#", "*", " ", "\n---\n"] {
                var text = String.UnicodeScalarView(scalars[..<position])
                text.append(contentsOf: slip.unicodeScalars)
                text.append(contentsOf: scalars[position...])
                var reader = YAMLValueReader(path: "a.md", lineOffset: 1)
                if reader.compose(String(text)) == nil {
                    failures += 1
                    #expect(reader.diagnostics.count == 1)
                    let line = reader.diagnostics.first?.location?.line ?? 0
                    #expect((2...lineCount + 4).contains(line), "\(String(text)): \(reader.diagnostics)")
                }
            }
        }
        #expect(failures > 100)
    }
}
