import Foundation
import Testing
@testable import TabibCore

/// A copy of the repository's content/ and templates/ in a folder of its own, built into folders next
/// to it: the site the tests of `.tabib-cache/` edit and build, with and without the cache.
class CacheTestSite {
    let folder: URL
    let root: URL
    private var builds = 0

    /// `name` starts the temporary folder's name.
    init(named name: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        root = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in ["content", "templates"] {
            try FileManager.default.copyItem(at: TestSite.repository.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    var cacheFolder: URL { root.appendingPathComponent(".tabib-cache") }

    /// A new output folder for the next build.
    func nextOutput() -> URL {
        builds += 1
        return folder.appendingPathComponent("public-\(builds)")
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
    }

    func replace(_ old: String, with new: String, in path: String) throws {
        let text = try read(path)
        #expect(text.contains(old), "\(path) has no '\(old)'")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: root.appendingPathComponent(path))
    }
}
