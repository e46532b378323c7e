import Foundation

/// `.tabib-cache/` under the site's root, where builds keep what spares the next one work (QR codes,
/// rendered bodies, parsed files, resized images). Only ever a speed-up: whatever is missing or
/// unreadable there is made again.
enum CacheFolder {
    static let name = ".tabib-cache"

    /// `root/.tabib-cache`, unless it is anything but a real folder (a link could lead outside the site).
    static func usable(root: URL, create: Bool) -> URL? {
        let folder = root.appendingPathComponent(name)
        var info = stat()
        if lstat(folder.path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR ? folder : nil }
        guard create, mkdir(folder.path, 0o755) == 0 else { return nil }
        return folder
    }

    /// The running tabib binary's identity (device, inode, size and times), for the header of the
    /// files whose layout or content another build of tabib may make differently; nil when it cannot
    /// be told (then such files are neither read nor written).
    static let binary: String? = FileStamp(path: "/proc/self/exe").map { binary in
        "binary \(binary.device) \(binary.inode) \(binary.size) \(binary.modified.tv_sec).\(binary.modified.tv_nsec) "
            + "\(binary.changed.tv_sec).\(binary.changed.tv_nsec)"
    }
}
