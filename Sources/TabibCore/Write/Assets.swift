import Foundation

/// Copies `templates/assets/` (CSS, images) to `assets/` in the output.
enum Assets {
    static func copy(from root: URL, into sink: some OutputSink) throws -> Int {
        let folder = root.appendingPathComponent("templates/assets")
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return 0 }
        var count = 0
        while let relative = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            // A symbolic link that leads out of the site is never published: it could expose any file of the machine.
            guard url.resolvingSymlinksInPath().path.hasPrefix(root.resolvingSymlinksInPath().path + "/") else { continue }
            try sink.write(OutputFile(path: "assets/\(relative)", contents: [UInt8](try Data(contentsOf: url))))
            count += 1
        }
        return count
    }
}
