import Foundation

/// What the loader parsed in an earlier build, by file, with the file's size and times on disk: a
/// rebuild parses again only the files whose stamp changed, and tells which those were.
public struct LoadCache: Sendable {
    struct Entry: Sendable {
        var stamp: FileStamp
        var file: ContentFile?
        var diagnostics: [Diagnostic]
    }

    /// By path relative to the site root.
    var entries: [String: Entry] = [:]

    public init() {}

    func reusable(_ path: String, stamp: FileStamp?) -> Entry? {
        guard let stamp, let entry = entries[path], entry.stamp == stamp else { return nil }
        return entry
    }
}

/// A file's identity and last change as the file system reports them. Two equal stamps mean the
/// file was not written in between: editors that save by rename get a new inode, the others a new
/// modification time (nanoseconds) and change time.
struct FileStamp: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec
    var changed: timespec

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = info.st_mtim
        changed = info.st_ctim
    }

    static func == (a: FileStamp, b: FileStamp) -> Bool {
        a.device == b.device && a.inode == b.inode && a.size == b.size
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(inode)
        hasher.combine(size)
        hasher.combine(modified.tv_nsec)
    }
}
