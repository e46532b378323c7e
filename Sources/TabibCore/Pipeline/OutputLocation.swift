import Foundation

/// Where a build may write: never into the folders it reads, nor over the site itself.
public enum OutputLocation {
    /// What is wrong with writing the site into `output`, as a sentence for `--output`, or nil. Both
    /// folders are compared as the real paths they lead to, through symbolic links.
    public static func problem(_ output: URL, root: URL) -> String? {
        let target = realPath(output), site = realPath(root)
        if isInside(site, target) {
            return "--output '\(output.path)' is the site's folder or holds it; a build would replace the site with its pages: choose a folder of its own, such as \(root.appendingPathComponent("public").path)."
        }
        for folder in ["content", "templates"] where isInside(target, realPath(root.appendingPathComponent(folder))) {
            return "--output '\(output.path)' is inside the site's \(folder)/ folder; tabib would read its own pages as input (or, in templates/assets/, copy them into themselves on every build): choose a folder outside content/ and templates/, such as \(root.appendingPathComponent("public").path)."
        }
        return nil
    }

    /// Whether `path` is `folder` or lies below it.
    private static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// The real path of `url`: its nearest existing ancestor with symbolic links resolved, and the rest as written.
    static func realPath(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for component in rest { path += (path.hasSuffix("/") ? "" : "/") + component }
        return path
    }
}
