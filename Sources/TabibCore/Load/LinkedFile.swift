import Foundation

/// Files of the site reached through symbolic links: one that leads outside the site's folder is
/// never read, since it could publish any file of the machine (a partial linked to /etc/passwd).
enum LinkedFile {
    /// The real path of the site's folder, which every file read must lie below.
    static func realRoot(_ root: URL) -> String {
        let path = root.resolvingSymlinksInPath().path
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// The error for the file at `absolutePath` (shown as `path`) when it leads outside `realRoot`, else nil.
    static func outside(_ absolutePath: String, path: String, realRoot: String) -> Diagnostic? {
        let target = URL(fileURLWithPath: absolutePath).resolvingSymlinksInPath().path
        guard !target.hasPrefix(realRoot) else { return nil }
        return .error("link-outside-site",
            "this file leads to \(target) through a symbolic link, outside the site's folder; tabib reads only files inside the site: copy the file in instead of linking to it.",
            at: SourceLocation(path: path))
    }
}
