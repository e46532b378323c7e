import Foundation
import Testing
@testable import TabibCore

/// One build at a time per output folder: a second fails at once naming the first; a lock left by a
/// build that is gone is taken over, with a note.
@Suite struct OutputLockTests {
    @Test func secondBuildIntoTheSameOutputFailsNamingTheFirstAndChangesNothing() throws {
        let destination = OutputDirectoryTests.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try OutputDirectoryTests.build(["index.html": "home"], into: destination)
        let before = TestSite.files(in: destination)
        let first = try OutputDirectory(destination: destination)
        try first.write(OutputFile(path: "index.html", text: "first"))
        let lockFile = OutputLock.path(for: destination)
        let holder = OutputLock.Holder(try String(contentsOfFile: lockFile, encoding: .utf8))
        #expect(holder.pid == "\(getpid())")
        #expect(holder.host == OutputLock.hostName)
        do {
            _ = try OutputDirectory(destination: destination)
            Issue.record("a second build took the lock")
        } catch {
            #expect(error.description == """
            error: another tabib build (pid \(getpid()) on \(OutputLock.hostName), started \(holder.started ?? "?")) is writing to \(destination.path); wait for it to finish or stop it, then build again. The output was not changed.
            """)
        }
        #expect(TestSite.files(in: destination) == before)
        first.discard()
        #expect(!FileManager.default.fileExists(atPath: lockFile), "the lock file goes with the lock")
        let third = try OutputDirectory(destination: destination)
        third.discard()
    }

    @Test func lockOfABuildThatIsGoneIsTakenOverWithANote() throws {
        let destination = OutputDirectoryTests.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try OutputDirectoryTests.build(["index.html": "home"], into: destination)
        let lockFile = OutputLock.path(for: destination)
        let dead = try OutputDirectoryTests.deadProcess()
        try Data("pid \(dead)\nhost build-7\nstarted 2026-11-01T08:00:00Z\n".utf8).write(to: URL(fileURLWithPath: lockFile))
        let output = try OutputDirectory(destination: destination)
        #expect(output.notes.map(\.description) == [
            "warning: an earlier tabib build (pid \(dead) on build-7, started 2026-11-01T08:00:00Z) stopped without unlocking \(destination.path), and is no longer running; this build took its lock over.",
        ])
        #expect(OutputLock.Holder(try String(contentsOfFile: lockFile, encoding: .utf8)).pid == "\(getpid())")
        try output.write(OutputFile(path: "index.html", text: "home, edited"))
        #expect(try output.commit() == .init(written: 1, removed: 0))
        #expect(!FileManager.default.fileExists(atPath: lockFile))
    }
}
