import Foundation
import Testing
@testable import TabibCore

/// The staging folder: pages land in nested folders made once, and a write that cannot happen says why.
@Suite struct OutputDirectoryTests {
    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("tabib-output-\(UUID().uuidString)").appendingPathComponent("public")
    }

    @Test func writesPagesIntoNestedFolders() throws {
        let destination = Self.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        let output = try OutputDirectory(destination: destination)
        let files = ["index.html": "root", "id/artikel/a/index.html": "a", "id/artikel/b/index.html": "b", "id/index.html": "id",
                     "assets/style.css": "css"]
        for (path, text) in files.sorted(by: { $0.key < $1.key }) { try output.write(OutputFile(path: path, text: text)) }
        try output.commit()
        var expected = files.mapValues { Array($0.utf8) }
        expected[OutputDirectory.markerName] = Array(OutputDirectory.markerText.utf8)
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
}
