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

    static func run(_ arguments: [String], executable: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? binary
        process.arguments = arguments
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
