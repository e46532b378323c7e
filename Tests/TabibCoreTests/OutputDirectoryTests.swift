import Foundation
import Testing
@testable import TabibCore

/// The output folder: a new output is staged and swapped in; an earlier build's output is updated in
/// place, file by file, leaving unchanged files and files tabib did not write alone.
@Suite struct OutputDirectoryTests {
    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("tabib-output-\(UUID().uuidString)").appendingPathComponent("public")
    }

    /// Writes `files` as one build and commits it.
    @discardableResult
    static func build(_ files: [String: String], into destination: URL) throws -> (OutputDirectory, OutputDirectory.Changes) {
        let output = try OutputDirectory(destination: destination)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) { try output.write(OutputFile(path: path, text: text)) }
        return (output, try output.commit())
    }

    static func stamp(_ url: URL) throws -> (inode: UInt64, modified: Date) {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return ((attributes[.systemFileNumber] as! NSNumber).uint64Value, attributes[.modificationDate] as! Date)
    }

    static func manifest(_ destination: URL) throws -> [String] {
        try String(contentsOf: destination.appendingPathComponent(OutputDirectory.manifestName), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func writesPagesIntoNestedFolders() throws {
        let destination = Self.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        let files = ["index.html": "root", "id/artikel/a/index.html": "a", "id/artikel/b/index.html": "b", "id/index.html": "id",
                     "assets/style.css": "css"]
        let (output, changes) = try Self.build(files, into: destination)
        #expect(!output.updating)
        #expect(changes == .init(written: 5, removed: 0, anew: true))
        var expected = files.mapValues { Array($0.utf8) }
        expected[OutputDirectory.markerName] = Array(OutputDirectory.markerText.utf8)
        expected[OutputDirectory.manifestName] = Array((files.keys.sorted().joined(separator: "\n") + "\n").utf8)
        #expect(TestSite.files(in: destination) == expected)
    }

    @Test func fileInTheWayOfAFolderFailsTheWrite() throws {
        let destination = Self.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        let output = try OutputDirectory(destination: destination)
        try output.write(OutputFile(path: "id/artikel", text: "a file where a folder should be"))
        #expect(throws: CocoaError.self) { try output.write(OutputFile(path: "id/artikel/a/index.html", text: "a")) }
        output.discard()
    }

    @Test func rebuildLeavesUnchangedFilesUntouchedAndReplacesChangedOnes() throws {
        let destination = Self.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Self.build(["index.html": "home", "id/artikel/a/index.html": "a", "id/artikel/b/index.html": "b"], into: destination)
        let a = destination.appendingPathComponent("id/artikel/a/index.html"), b = destination.appendingPathComponent("id/artikel/b/index.html")
        let before = try Self.stamp(a)
        Thread.sleep(forTimeInterval: 0.02)
        let (output, changes) = try Self.build(["index.html": "home", "id/artikel/a/index.html": "a", "id/artikel/b/index.html": "b, edited"], into: destination)
        #expect(output.updating)
        #expect(changes == .init(written: 1, removed: 0))
        let after = try Self.stamp(a)
        #expect(after.inode == before.inode && after.modified == before.modified)
        #expect(try String(contentsOf: b, encoding: .utf8) == "b, edited")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: destination.deletingLastPathComponent().path).filter { $0.contains(".tabib-") }
        #expect(leftovers == [])
    }

    @Test func changedFileWithAnotherHardLinkIsReplacedSoTheOtherNameKeepsTheOldBytes() throws {
        let destination = Self.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Self.build(["index.html": "home"], into: destination)
        let backup = destination.deletingLastPathComponent().appendingPathComponent("backup.html")
        try FileManager.default.linkItem(at: destination.appendingPathComponent("index.html"), to: backup)
        try Self.build(["index.html": "home, edited"], into: destination)
        #expect(try String(contentsOf: destination.appendingPathComponent("index.html"), encoding: .utf8) == "home, edited")
        #expect(try String(contentsOf: backup, encoding: .utf8) == "home")
    }

    /// The id of a process that has ended.
    static func deadProcess() throws -> Int32 {
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        return dead.processIdentifier
    }

    /// A staging folder as a build whose process is gone leaves it after writing its journal: `staged`
    /// are the staged files 0, 1, … (nil: already renamed into place).
    static func interruptedCommit(beside destination: URL, staged: [String?], journal: String, manifest: [String]) throws -> URL {
        let staging = destination.deletingLastPathComponent().appendingPathComponent(".public.tabib-staging-\(try deadProcess())")
        let files = staging.appendingPathComponent(OutputDirectory.stagedFiles)
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        try Data(OutputDirectory.markerText.utf8).write(to: staging.appendingPathComponent(OutputDirectory.markerName))
        for (number, text) in staged.enumerated() {
            if let text { try Data(text.utf8).write(to: files.appendingPathComponent("\(number)")) }
        }
        try Data((manifest.joined(separator: "\n") + "\n").utf8).write(to: staging.appendingPathComponent(OutputDirectory.manifestName))
        try Data(journal.utf8).write(to: staging.appendingPathComponent(OutputDirectory.journalName))
        return staging
    }

    @Test func commitInterruptedHalfwayIsFinishedByTheNextBuild() throws {
        let destination = Self.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Self.build(["a.html": "old a", "b.html": "old b", "c.html": "old c"], into: destination)
        // The commit renamed a into place and never reached b and c.
        try Data("new a".utf8).write(to: destination.appendingPathComponent("a.html"))
        let staging = try Self.interruptedCommit(beside: destination, staged: [nil, "new b", "new c"],
                                                  journal: "move\t0\ta.html\nmove\t1\tb.html\nmove\t2\tc.html\n",
                                                  manifest: ["a.html", "b.html", "c.html"])
        let output = try OutputDirectory(destination: destination)
        #expect(output.notes.map(\.description) == [
            "warning: an earlier build was cut short while updating \(destination.path); this build finished its update first (2 of 3 changed files written, 0 of 0 removed).",
        ])
        output.discard()
        #expect(!FileManager.default.fileExists(atPath: staging.path))
        for name in ["a", "b", "c"] {
            #expect(try String(contentsOf: destination.appendingPathComponent("\(name).html"), encoding: .utf8) == "new \(name)")
        }
    }

    @Test func changedFileIsReplacedByANewFileNotOverwrittenInPlace() throws {
        let destination = Self.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Self.build(["index.html": String(repeating: "long page ", count: 20_000)], into: destination)
        let before = try Self.stamp(destination.appendingPathComponent("index.html"))
        let reader = try FileHandle(forReadingFrom: destination.appendingPathComponent("index.html"))
        defer { try? reader.close() }
        try Self.build(["index.html": "short"], into: destination)
        #expect(try String(contentsOf: destination.appendingPathComponent("index.html"), encoding: .utf8) == "short")
        #expect(try Self.stamp(destination.appendingPathComponent("index.html")).inode != before.inode, "a new file")
        // A reader that opened the old page reads the whole old page.
        #expect(String(decoding: try reader.readToEnd() ?? Data(), as: UTF8.self) == String(repeating: "long page ", count: 20_000))
    }

    @Test func rebuildRemovesWhatTheLastBuildWroteAndNoLongerMakesButKeepsOtherFiles() throws {
        let destination = Self.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Self.build(["index.html": "home", "id/artikel/old/index.html": "old", "id/artikel/kept/index.html": "kept"], into: destination)
        try Data("google-site-verification".utf8).write(to: destination.appendingPathComponent("google123.html"))
        let (_, changes) = try Self.build(["index.html": "home", "id/artikel/kept/index.html": "kept", "id/artikel/new/index.html": "new"], into: destination)
        #expect(changes == .init(written: 1, removed: 1))
        let fm = FileManager.default
        #expect(!fm.fileExists(atPath: destination.appendingPathComponent("id/artikel/old").path), "the emptied folder goes too")
        #expect(fm.fileExists(atPath: destination.appendingPathComponent("id/artikel/new/index.html").path))
        #expect(try String(contentsOf: destination.appendingPathComponent("google123.html"), encoding: .utf8) == "google-site-verification")
        #expect(try Self.manifest(destination) == ["id/artikel/kept/index.html", "id/artikel/new/index.html", "index.html"])
    }

    @Test func outputOfAnOlderTabibWithoutManifestKeepsEveryFileTabibCannotProveItWrote() throws {
        let destination = Self.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        let fm = FileManager.default
        try fm.createDirectory(at: destination.appendingPathComponent("id/artikel/gone"), withIntermediateDirectories: true)
        try Data("This folder is written by tabib build and is replaced on every build.\n".utf8).write(to: destination.appendingPathComponent(OutputDirectory.markerName))
        try Data("gone".utf8).write(to: destination.appendingPathComponent("id/artikel/gone/index.html"))
        try Data("home".utf8).write(to: destination.appendingPathComponent("index.html"))
        let (_, changes) = try Self.build(["index.html": "home"], into: destination)
        #expect(changes == .init(written: 0, removed: 0))
        #expect(TestSite.files(in: destination) == [
            "index.html": Array("home".utf8),
            "id/artikel/gone/index.html": Array("gone".utf8),
            OutputDirectory.markerName: Array(OutputDirectory.markerText.utf8),
            OutputDirectory.manifestName: Array("index.html\n".utf8),
        ])
    }

    @Test func newOutputOverAnEarlierOneKeepsTheFilesTabibDidNotWrite() throws {
        let destination = Self.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Self.build(["index.html": "home", "id/artikel/old/index.html": "old"], into: destination)
        try FileManager.default.createDirectory(at: destination.appendingPathComponent("verify"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: destination.appendingPathComponent("verify/google123.html"))
        // A build that prints PDFs writes a whole new output.
        let output = try OutputDirectory(destination: destination, updating: false)
        try output.write(OutputFile(path: "index.html", text: "home"))
        #expect(try output.commit() == .init(written: 1, removed: 1, anew: true))
        #expect(TestSite.files(in: destination) == [
            "index.html": Array("home".utf8),
            "verify/google123.html": Array("mine".utf8),
            OutputDirectory.markerName: Array(OutputDirectory.markerText.utf8),
            OutputDirectory.manifestName: Array("index.html\n".utf8),
        ])
    }

    @Test func previousOutputPutAsideByAnInterruptedCommitGoesBackInPlace() throws {
        let destination = Self.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Self.build(["index.html": "home"], into: destination)
        let before = TestSite.files(in: destination)
        // The build that put it aside died before renaming its own output into place.
        let old = OutputDirectory.oldOutput(of: destination, pid: try Self.deadProcess())
        try FileManager.default.moveItem(at: destination, to: old)
        let output = try OutputDirectory(destination: destination)
        output.discard()
        #expect(TestSite.files(in: destination) == before)
        #expect(!FileManager.default.fileExists(atPath: old.path))
    }

    @Test func folderWhereAPageGoesFailsTheCommitAndChangesNothing() throws {
        let destination = Self.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Self.build(["index.html": "home", "about.html": "about"], into: destination)
        try FileManager.default.createDirectory(at: destination.appendingPathComponent("id/artikel/a/index.html"), withIntermediateDirectories: true)
        let before = TestSite.files(in: destination)
        let output = try OutputDirectory(destination: destination)
        try output.write(OutputFile(path: "index.html", text: "home, edited"))
        try output.write(OutputFile(path: "id/artikel/a/index.html", text: "a"))
        do {
            try output.commit()
            Issue.record("the commit replaced a folder")
        } catch {
            #expect(error.description == """
            error: the output folder \(destination.path) has a folder id/artikel/a/index.html where the new site writes a file; move it away and build again. The output was not changed.
            """)
        }
        output.discard()
        #expect(TestSite.files(in: destination) == before)
    }

    @Test func commitInterruptedAfterItsJournalIsFinishedByTheNextBuild() throws {
        let destination = Self.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Self.build(["index.html": "home", "id/artikel/old/index.html": "old"], into: destination)
        // A build whose process is gone left a staging folder with its journal and its staged file, before renaming.
        let staging = try Self.interruptedCommit(beside: destination, staged: ["new"],
                                                  journal: "remove\tid/artikel/old/index.html\nmove\t0\tid/artikel/new/index.html\n",
                                                  manifest: ["id/artikel/new/index.html", "index.html"])

        let output = try OutputDirectory(destination: destination)
        #expect(!FileManager.default.fileExists(atPath: staging.path))
        #expect(try String(contentsOf: destination.appendingPathComponent("id/artikel/new/index.html"), encoding: .utf8) == "new")
        #expect(!FileManager.default.fileExists(atPath: destination.appendingPathComponent("id/artikel/old").path))
        #expect(try Self.manifest(destination) == ["id/artikel/new/index.html", "index.html"])
        output.discard()
    }

    @Test func stagingWithoutJournalIsThrownAwayAndTheOutputKept() throws {
        let destination = Self.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Self.build(["index.html": "home"], into: destination)
        let before = TestSite.files(in: destination)
        // A build that died before its commit: staged files, no journal.
        let staging = try Self.interruptedCommit(beside: destination, staged: ["half of a failed build"], journal: "", manifest: [])
        try FileManager.default.removeItem(at: staging.appendingPathComponent(OutputDirectory.journalName))
        let next = try OutputDirectory(destination: destination)
        #expect(next.notes == [])
        #expect(!FileManager.default.fileExists(atPath: staging.path))
        #expect(TestSite.files(in: destination) == before)
        next.discard()
    }
}
