import Foundation
import Synchronization

/// The files under one folder, reached one name at a time from a descriptor of that folder and never
/// through a symbolic link: whatever a path from a manifest or a journal says, and whatever stands in
/// the folder, nothing outside it is read, written or removed. Paths are relative and already checked
/// (`OutputManifest.problem(with:)`).
final class ConfinedFolder: Sendable {
    /// Why a file could not be reached, written or removed.
    struct Failure: Error, Equatable {
        var path: String
        var problem: String
        /// Nothing is at `path`, or a folder on its way is missing.
        var missing = false
        var description: String { "\(path): \(problem)" }

        init(path: some StringProtocol, problem: String, missing: Bool = false) {
            self.path = String(path)
            self.problem = problem
            self.missing = missing
        }

        init(path: some StringProtocol, code: Int32) {
            self.init(path: path, problem: String(cString: strerror(code)), missing: code == ENOENT)
        }
    }

    let path: String
    private let root: Int32
    /// Folders that hold folders of files (`id/artikel` holds `id/artikel/x/index.html`'s folder),
    /// kept open once reached, so that comparing a file walks one name fewer per level; at most `keptFolders`.
    private let kept = Mutex<[String: Int32]>([:])
    static let keptFolders = 64

    /// Opens `path` (which may itself be a link: the user chose it).
    init(_ path: String) throws(Failure) {
        self.path = path
        root = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { throw Failure(path: path, code: errno) }
    }

    deinit {
        close(root)
        kept.withLock { for folder in $0.values { close(folder) } }
    }

    /// The folder holding `path`'s last name, open (the caller closes it), and that name; missing
    /// folders are made when `create`. A link or a file where a folder should be is a failure.
    func parent(of path: Substring, create: Bool) throws(Failure) -> (folder: Int32, name: String) {
        let names = path.split(separator: "/")
        var folder = dup(root)
        guard folder >= 0 else { throw Failure(path: path, code: errno) }
        for (index, name) in names.dropLast().enumerated() {
            var next = openat(folder, String(name), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0, errno == ENOENT, create {
                if mkdirat(folder, String(name), 0o777) != 0, errno != EEXIST {
                    let failure = Failure(path: names[...index].joined(separator: "/"), code: errno)
                    close(folder)
                    throw failure
                }
                next = openat(folder, String(name), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            if next < 0 {
                let code = errno
                var info = stat()
                let isLink = fstatat(folder, String(name), &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
                close(folder)
                let folderPath = names[...index].joined(separator: "/")
                if isLink { throw Failure(path: folderPath, problem: "a link, which tabib does not follow in its output") }
                if code == ENOTDIR { throw Failure(path: folderPath, problem: "a file where a folder should be") }
                throw Failure(path: folderPath, code: code)
            }
            close(folder)
            folder = next
        }
        return (folder, String(names.last ?? ""))
    }

    /// Whether the regular file at `path` (not a link) holds exactly `bytes`.
    func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        let names = path.split(separator: "/")
        if names.count >= 3 {
            // `a/b/c/index.html`: from `a/b`, kept open, to `c`, then the file.
            let above = names.dropLast(2).joined(separator: "/")
            let held = kept.withLock { kept -> Int32? in
                if let folder = kept[above] { return folder }
                guard kept.count < Self.keptFolders, let (folder, _) = try? parent(of: "\(above)/-"[...], create: false) else { return nil }
                kept[above] = folder
                return folder
            }
            if let held {
                let folder = openat(held, String(names[names.count - 2]), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard folder >= 0 else { return false }
                defer { close(folder) }
                return holds(in: folder, String(names[names.count - 1]), bytes)
            }
        }
        guard let (folder, name) = try? parent(of: path[...], create: false) else { return false }
        defer { close(folder) }
        return holds(in: folder, name, bytes)
    }

    /// Whether the regular file `name` (not a link) in the open `folder` holds exactly `bytes`.
    private func holds(in folder: Int32, _ name: String, _ bytes: [UInt8]) -> Bool {
        let fd = openat(folder, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return FileBytes.holds(fd, bytes)
    }

    /// Makes `target` (a path outside, whose folder exists) a hard link to the regular file at `path`
    /// (not a link) when that file holds exactly `bytes`; whether it did.
    func link(_ path: String, holding bytes: [UInt8], to target: String) -> Bool {
        guard let (folder, name) = try? parent(of: path[...], create: false) else { return false }
        defer { close(folder) }
        let fd = openat(folder, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return FileBytes.holds(fd, bytes) && linkat(folder, name, AT_FDCWD, target, 0) == 0
    }

    /// Removes the regular file at `path`, and the folders that leaves empty; whether it removed one. A
    /// file that is missing, or is a folder or a link now, is left alone (it is not the file tabib
    /// wrote there); a link or a file where one of its folders should be is a failure.
    @discardableResult
    func remove(_ path: String) throws(Failure) -> Bool {
        let folder: Int32, name: String
        do {
            (folder, name) = try parent(of: path[...], create: false)
        } catch where error.missing {
            return false
        }
        var info = stat()
        let isFile = fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        if isFile, unlinkat(folder, name, 0) != 0, errno != ENOENT {
            let failure = Failure(path: path, code: errno)
            close(folder)
            throw failure
        }
        close(folder)
        guard isFile else { return false }
        // Folders the removal left empty go too, innermost first; the first that is not empty stops it.
        for emptied in FileBytes.folders(of: path[...]).reversed() {
            guard let (above, last) = try? parent(of: emptied, create: false) else { break }
            let removed = unlinkat(above, last, AT_REMOVEDIR) == 0
            close(above)
            if !removed { break }
        }
        return true
    }

    /// Renames `source` (a path outside, such as a file in the staging folder) over `path`: puts a
    /// finished file in place whole, so a reader (or a build killed at any instant) sees the old bytes
    /// or the new ones, never part of either. A link at `path` is replaced, not followed; another hard
    /// link to the old file keeps the old bytes. Missing folders are made.
    func move(from source: String, to path: String) throws(Failure) {
        let (folder, name) = try parent(of: path[...], create: true)
        defer { close(folder) }
        guard renameat(AT_FDCWD, source, folder, name) == 0 else { throw Failure(path: path, code: errno) }
    }
}
