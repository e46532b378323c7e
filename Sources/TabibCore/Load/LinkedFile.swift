import Foundation

/// Files of the site reached through symbolic links: one that leads outside the site's folder is
/// never read, since it could publish any file of the machine (a partial linked to /etc/passwd).
enum LinkedFile {
    /// The real path of the site's folder, which every file read must lie below.
    static func realRoot(_ root: URL) -> String {
        let path = root.resolvingSymlinksInPath().path
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// The real paths of `folders` (absolute), by their paths: resolved once for all the files read from them.
    static func realFolders(_ folders: Set<String>) -> [String: String] {
        Dictionary(uniqueKeysWithValues: folders.map { ($0, URL(fileURLWithPath: $0).resolvingSymlinksInPath().path) })
    }

    /// The error for the file at `absolutePath` (shown as `path`) when it leads outside `realRoot`, else nil.
    /// `realFolder`, the real path of the file's folder, spares resolving every folder above a file that
    /// is not itself a link (one `lstat` tells).
    static func outside(_ absolutePath: String, path: String, realRoot: String, realFolder: String? = nil) -> Diagnostic? {
        let target: String
        var info = stat()
        if let realFolder, let slash = absolutePath.utf8.lastIndex(of: UInt8(ascii: "/")),
           lstat(absolutePath, &info) == 0, info.st_mode & S_IFMT != S_IFLNK {
            let name = String(absolutePath[absolutePath.utf8.index(after: slash)...])
            target = realFolder.hasSuffix("/") ? realFolder + name : realFolder + "/" + name
        } else {
            target = URL(fileURLWithPath: absolutePath).resolvingSymlinksInPath().path
        }
        guard !target.hasPrefix(realRoot) else { return nil }
        return .error("link-outside-site",
            "this file leads to \(target) through a symbolic link, outside the site's folder; tabib reads only files inside the site: copy the file in instead of linking to it.",
            at: SourceLocation(path: path))
    }
}
