import Foundation
import Testing

/// The `tabib` binary itself: exit 0 on success, 1 on content errors, 2 on usage errors.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var out: String
        var err: String
    }

    /// The `tabib` executable built next to this test bundle.
    static var binary: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("tabib").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("tabib")
    }

    /// Runs `tabib` with `arguments`; or `executable` with the arguments `wrapping` makes of tabib's command line.
    static func run(_ arguments: [String], executable: String? = nil, wrapping: (([String]) -> [String])? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable.map(URL.init(fileURLWithPath:)) ?? binary
        process.arguments = wrapping.map { $0([binary.path] + arguments) } ?? arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self))
    }

    @Test func successfulBuildPrintsOneSummaryLineAndExitsZero() throws {
        let site = try TestSite("-- content/id/articles/a.md --\n\(BadInputTests.article)")
        let run = try Self.run(["build", "--root", site.root.path])
        #expect(run.status == 0)
        let lines = run.out.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Built ") == true && lines.first?.contains(" pages (") == true)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public/id/artikel/a/index.html").path))
    }

    @Test func rebuildSaysHowManyFilesChanged() throws {
        let site = try TestSite("-- content/id/articles/a.md --\n\(BadInputTests.article)")
        #expect(try Self.run(["build", "--root", site.root.path]).status == 0)
        let unchanged = try Self.run(["build", "--root", site.root.path])
        #expect(unchanged.out.contains(" s; 0 files changed, 0 removed.\n"))
        try site.write("content/id/articles/a.md", BadInputTests.article + "\nSatu kalimat lagi.\n")
        let edited = try Self.run(["build", "--root", site.root.path])
        #expect(edited.out.contains(" s; 1 file changed, 0 removed.\n"), "\(edited.out)")
    }

    @Test func contentErrorExitsOneWithItsLocation() throws {
        let site = try TestSite("-- content/id/articles/a.md --\n---\ntitle: A\n")
        let run = try Self.run(["build", "--root", site.root.path])
        #expect(run.status == 1)
        #expect(run.err.contains("content/id/articles/a.md:1:1: error: the front matter that starts here has no closing '---'"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Self.run(["build", "--no-such-option"]).status == 2)
        #expect(try Self.run(["build", "--root", "/no/such/folder"]).status == 2)
        #expect(try Self.run(["build", "--base-url", "example.org"]).status == 2)
        #expect(try Self.run(["check", "--format", "yaml"]).status == 2)
    }

    @Test func checkPrintsJSONAndStrictFailsOnWarnings() throws {
        let site = try TestSite("-- content/id/articles/a.md --\n\(BadInputTests.article)")
        let lenient = try Self.run(["check", "--root", site.root.path, "--format", "json"])
        #expect(lenient.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(lenient.out.utf8)) as? [String: Any]
        #expect(object?["errors"] as? Int == 0)
        #expect((object?["warnings"] as? Int ?? 0) > 0)
        #expect(try Self.run(["check", "--root", site.root.path, "--strict"]).status == 1)
    }
}

/// The editor's side of the command line: `tabib new`, suggestions, lines under messages, CI annotations.
@Suite struct EditorCommandLineTests {
    typealias CLI = CommandLineTests

    @Test func aMistypedCommandGetsADidYouMean() throws {
        let run = try CLI.run(["bild"])
        #expect(run.status == 2)
        #expect(run.err == """
        Error: 'bild' is not a tabib command. Did you mean 'build'?
        Usage: tabib <subcommand>
          See 'tabib --help' for more information.

        """)
        let unknown = try CLI.run(["publish"])
        #expect(unknown.status == 2)
        #expect(unknown.err.hasPrefix("Error: 'publish' is not a tabib command; the commands are build, check, serve, new.\n"))
    }

    @Test func aMistypedOptionOrKindGetsADidYouMean() throws {
        let option = try CLI.run(["build", "--drfats"])
        #expect(option.status == 2)
        #expect(option.err.hasPrefix("Error: Unknown option '--drfats'. Did you mean '--drafts'?\n"))
        let site = try TestSite("")
        let kind = try CLI.run(["new", "articel", "x", "--root", site.root.path])
        #expect(kind.status == 2)
        #expect(kind.err.hasPrefix("Error: 'articel' is not a kind of content; use one of article, cause, condition, page. Did you mean 'article'?\n"))
    }

    @Test func newThenBuildLeavesTheDraftOutUntilDraftsAreAsked() throws {
        let site = try TestSite("-- content/id/articles/a.md --\n\(BadInputTests.article)")
        let new = try CLI.run(["new", "article", "kram-malam", "--root", site.root.path])
        #expect(new.status == 0)
        #expect(new.out == "Wrote content/id/articles/kram-malam.md (a draft: fill in each TODO, then remove 'draft: true' to publish it).\n")
        let page = site.root.appendingPathComponent("public/id/artikel/kram-malam/index.html").path
        #expect(try CLI.run(["build", "--root", site.root.path]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: page))
        #expect(try CLI.run(["build", "--root", site.root.path, "--drafts"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: page))
        let again = try CLI.run(["new", "article", "kram-malam", "--root", site.root.path])
        #expect(again.status == 1)
        #expect(again.err == """
        content/id/articles/kram-malam.md: error: this file already exists; edit it, or pick another id.
        1 error, 0 warnings.

        """)
    }

    @Test func anErrorShowsItsLineWithACaret() throws {
        let site = try TestSite("-- content/id/articles/a.md --\n---\ntitle: Kram\nsummary: Ringkasan.\ndate: 2026-11-20\nreviewd: 2026-11-20\n---\nIsi.\n")
        let run = try CLI.run(["build", "--root", site.root.path])
        #expect(run.status == 1)
        // Not a terminal: no colour.
        #expect(run.err == """
        content/id/articles/a.md:1:1: error: the required key 'reviewed' is missing; add 'reviewed: …' to the front matter.
          1 | ---
            | ^
        content/id/articles/a.md:5:1: error: unknown key 'reviewd' in the front matter of an article; fix its spelling or remove it.
          5 | reviewd: 2026-11-20
            | ^
          note: did you mean 'reviewed'?
          note: known keys here: title, summary, date, reviewed, nextReview, clinicalReview, conditions, causes, sources, review, handout, translation, draft, slug.
        2 errors, 0 warnings.
        The build failed; \(site.root.appendingPathComponent("public").path) was left as it was.

        """)
    }

    /// On a terminal (util-linux `script` gives the command one), messages are in colour, unless `NO_COLOR` is set.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        let site = try TestSite("-- content/id/articles/a.md --\n---\ntitle: Kram\nsummary:Ringkasan.\ndate: 2026-11-20\nreviewed: 2026-11-20\n---\nIsi.\n")
        func onTerminal(_ environment: String) throws -> String {
            let run = try CLI.run(["build", "--root", site.root.path], executable: "/usr/bin/script",
                                  wrapping: { ["-qec", "\(environment) \($0.joined(separator: " "))", "/dev/null"] })
            return run.out.replacingOccurrences(of: "\r\n", with: "\n")
        }
        let e = "\u{1B}["
        #expect(try onTerminal("env -u NO_COLOR TERM=xterm").hasPrefix(
            "\(e)1mcontent/id/articles/a.md:3:8:\(e)0m \(e)1;31merror:\(e)0m \(e)1m'summary:' needs a space after the ':'; write 'summary: Ringkasan.'.\(e)0m\n"
            + "  \(e)1;34m3 |\(e)0m summary:Ringkasan.\n"
            + "  \(e)1;34m  |\(e)0m \(e)1;31m       ^\(e)0m\n"
            + "1 error, 0 warnings.\n"))
        #expect(try onTerminal("env NO_COLOR=1 TERM=xterm").hasPrefix("""
        content/id/articles/a.md:3:8: error: 'summary:' needs a space after the ':'; write 'summary: Ringkasan.'.
          3 | summary:Ringkasan.
            |        ^
        1 error, 0 warnings.

        """))
    }

    @Test func checkPrintsGitHubAnnotations() throws {
        let site = try TestSite("-- content/id/articles/a.md --\n---\ntitle: Kram\nsummary: Penyebab: dehidrasi\ndate: 2026-11-20\nreviewed: 2026-11-20\n---\nIsi.\n")
        let run = try CLI.run(["check", "--root", site.root.path, "--format", "github"])
        #expect(run.status == 1)
        #expect(run.out == """
        ::error file=content/id/articles/a.md,line=3,col=18,title=tabib%3A yaml-unquoted-colon::the value of 'summary' contains ': ', which YAML reads as the start of another key; put the whole value in double quotes: summary: "Penyebab: dehidrasi"
        1 error, 0 warnings.

        """)
    }

    @Test func checkJSONCarriesTheSourceLine() throws {
        let site = try TestSite("-- content/id/articles/a.md --\n---\ntitle: Kram\nsummary: Ringkasan.\ndate: kemarin\nreviewed: 2026-11-20\n---\nIsi.\n")
        let run = try CLI.run(["check", "--root", site.root.path, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any]
        let first = (object?["diagnostics"] as? [[String: Any]])?.first
        #expect(first?["sourceLine"] as? String == "date: kemarin")
    }
}
