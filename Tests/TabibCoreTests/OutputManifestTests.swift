import Foundation
import Testing
@testable import TabibCore

/// The manifest (`.tabib-files`) and the journal of an interrupted commit are read as untrusted text:
/// a path that is absolute, climbs out with `..` or goes through a link is an error, never followed,
/// and nothing outside the output is written or removed; without a manifest no file is tabib's.
@Suite struct OutputManifestTests {
    typealias Tests = OutputDirectoryTests

    /// A site built into `public/` beside a file of the user's, `victim.txt`.
    static func builtOutput() throws -> (destination: URL, victim: URL) {
        let destination = Tests.folder()
        try Tests.build(["index.html": "home", "id/artikel/a/index.html": "a"], into: destination)
        let victim = destination.deletingLastPathComponent().appendingPathComponent("victim.txt")
        try Data("the user's".utf8).write(to: victim)
        return (destination, victim)
    }

    /// The diagnostics of a build of `files` into `destination`, which must fail.
    static func failure(_ files: [String: String], into destination: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        do {
            try Tests.build(files, into: destination)
            Issue.record("the build succeeded", sourceLocation: sourceLocation)
            return ""
        } catch let failure as BuildFailure {
            return failure.description
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
            return ""
        }
    }

    @Test func manifestLinesOutsideTheOutputAreErrorsAtTheirLinesAndNothingIsRemoved() throws {
        let (destination, victim) = try Self.builtOutput()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        let manifest = destination.appendingPathComponent(OutputDirectory.manifestName)
        try Data("id/artikel/a/index.html\n../victim.txt\n/etc/hostname\nid//x.html\nindex.html\n".utf8).write(to: manifest)
        let before = TestSite.files(in: destination)
        let text = "tabib replaces and removes only files inside its output, so it stops here. Someone other than tabib changed this list: remove the line and build again."
        #expect(Self.failure(["index.html": "home"], into: destination) == """
        \(manifest.path):2:1: error: the list of files tabib wrote names '../victim.txt', a path that climbs out of the output with '..'; \(text)
        \(manifest.path):3:1: error: the list of files tabib wrote names '/etc/hostname', an absolute path, outside the output; \(text)
        \(manifest.path):4:1: error: the list of files tabib wrote names 'id//x.html', a path with an empty folder name; \(text)
        """)
        #expect(TestSite.files(in: destination) == before)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "the user's")
    }

    @Test func manifestEntryBehindALinkIsNotFollowed() throws {
        let (destination, _) = try Self.builtOutput()
        let elsewhere = destination.deletingLastPathComponent().appendingPathComponent("elsewhere")
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data("the user's".utf8).write(to: elsewhere.appendingPathComponent("page.html"))
        try FileManager.default.createSymbolicLink(at: destination.appendingPathComponent("en"), withDestinationURL: elsewhere)
        let manifest = destination.appendingPathComponent(OutputDirectory.manifestName)
        try Data("en/page.html\nid/artikel/a/index.html\nindex.html\n".utf8).write(to: manifest)
        let before = TestSite.files(in: destination)
        #expect(Self.failure(["index.html": "home", "id/artikel/a/index.html": "a, edited"], into: destination) == """
        error: the output folder \(destination.path) has a link en where the new site needs a folder (tabib does not follow links in its output); move it away and build again. The output was not changed.
        """)
        #expect(TestSite.files(in: destination) == before)
        #expect(try String(contentsOf: elsewhere.appendingPathComponent("page.html"), encoding: .utf8) == "the user's")
    }

    @Test func forgedJournalBesideTheOutputIsAnErrorAndWritesNothing() throws {
        let (destination, victim) = try Self.builtOutput()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        let staging = try Tests.interruptedCommit(beside: destination, staged: ["forged"],
                                                  journal: "move\t0\t../victim.txt\nremove\t../victim.txt\nwrite\t0\t5\tindex.html\nmove\tx\tindex.html\n",
                                                  manifest: ["index.html"])
        let before = TestSite.files(in: destination)
        let journal = staging.appendingPathComponent(OutputDirectory.journalName).path
        let text = "tabib does not carry it out, so it changes nothing outside its output. Someone other than tabib wrote this file: remove the folder \(staging.path) and build again (the build then rewrites every file that differs)."
        #expect(Self.failure(["index.html": "home"], into: destination) == """
        \(journal):1:1: error: the journal of an interrupted build has a path that climbs out of the output with '..'; \(text)
        \(journal):2:1: error: the journal of an interrupted build has a path that climbs out of the output with '..'; \(text)
        \(journal):3:1: error: the journal of an interrupted build has a line that is not 'remove<TAB>path' or 'move<TAB>number<TAB>path'; \(text)
        \(journal):4:1: error: the journal of an interrupted build has a staged file 'x' that is not a number; \(text)
        """)
        #expect(TestSite.files(in: destination) == before)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "the user's")
    }

    @Test func forgedJournalThroughALinkIsAnErrorAndWritesNothing() throws {
        let (destination, _) = try Self.builtOutput()
        let elsewhere = destination.deletingLastPathComponent().appendingPathComponent("elsewhere")
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: destination.appendingPathComponent("en"), withDestinationURL: elsewhere)
        let staging = try Tests.interruptedCommit(beside: destination, staged: ["forged"], journal: "move\t0\ten/evil.html\n",
                                                  manifest: ["en/evil.html", "id/artikel/a/index.html", "index.html"])
        let before = TestSite.files(in: destination)
        #expect(Self.failure(["index.html": "home"], into: destination) == """
        error: the journal of an interrupted build in \(staging.path) cannot be carried out: the output folder \(destination.path) has a link en where the new site needs a folder (tabib does not follow links in its output). Move what is in the way, or remove \(staging.path), and build again.
        """)
        #expect(TestSite.files(in: destination) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == [])
    }

    @Test func withoutManifestNoFileIsRemoved() throws {
        let (destination, _) = try Self.builtOutput()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: destination.appendingPathComponent(OutputDirectory.manifestName))
        try Data("my notes".utf8).write(to: destination.appendingPathComponent("notes.txt"))
        let (_, changes) = try Tests.build(["index.html": "home"], into: destination)
        #expect(changes == .init(written: 0, removed: 0))
        #expect(TestSite.files(in: destination) == [
            "index.html": Array("home".utf8),
            "id/artikel/a/index.html": Array("a".utf8),
            "notes.txt": Array("my notes".utf8),
            OutputDirectory.markerName: Array(OutputDirectory.markerText.utf8),
            OutputDirectory.manifestName: Array("index.html\n".utf8),
        ])
    }

    @Test func withoutManifestAFileThatDiffersWhereAPageGoesIsAConflict() throws {
        let (destination, _) = try Self.builtOutput()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: destination.appendingPathComponent(OutputDirectory.manifestName))
        let before = TestSite.files(in: destination)
        #expect(Self.failure(["index.html": "home, edited", "id/artikel/a/index.html": "a"], into: destination) == """
        error: the output folder \(destination.path) has a file index.html that tabib did not write where the new site writes one; tabib will not overwrite it; move it away and build again. The output was not changed.
          note: the output has no .tabib-files, the list of the files tabib wrote, so tabib treats every file in it as yours; if an earlier tabib build wrote these files, remove the output folder and build again.
        """)
        #expect(TestSite.files(in: destination) == before)
    }

    @Test func usersFileWhereANewPageGoesIsAConflict() throws {
        let (destination, _) = try Self.builtOutput()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Data("my about page".utf8).write(to: destination.appendingPathComponent("about.html"))
        let before = TestSite.files(in: destination)
        #expect(Self.failure(["index.html": "home", "id/artikel/a/index.html": "a", "about.html": "about"], into: destination) == """
        error: the output folder \(destination.path) has a file about.html that tabib did not write where the new site writes one; tabib will not overwrite it; move it away and build again. The output was not changed.
        """)
        #expect(TestSite.files(in: destination) == before)
    }

    @Test func usersFileWhereANewPageGoesIsAConflictForANewOutputToo() throws {
        let (destination, _) = try Self.builtOutput()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Data("my about page".utf8).write(to: destination.appendingPathComponent("about.html"))
        let before = TestSite.files(in: destination)
        let output = try OutputDirectory(destination: destination, updating: false)
        try output.write(OutputFile(path: "about.html", text: "about"))
        do {
            try output.commit()
            Issue.record("the commit overwrote the user's file")
        } catch {
            #expect(error.description == """
            error: the output folder \(destination.path) has a file about.html that tabib did not write where the new site writes one; tabib will not overwrite it; move it away and build again. The output was not changed.
            """)
        }
        output.discard()
        #expect(TestSite.files(in: destination) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: destination.deletingLastPathComponent().path).filter { $0.hasPrefix(".") }
        #expect(leftovers == [])
    }
}
