import Foundation

/// Whole-file reads and writes through file descriptors, retrying interrupted calls: what
/// `OutputDirectory` does to tens of thousands of files a build, without the costs Foundation adds to
/// each (`Data.write(to:)` forces every file to the disk).
enum FileBytes {
    /// Writes all of `bytes` at `offset` of `fd`; the `errno` of a failure, or nil.
    static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32, at offset: Int) -> Int32? {
        var done = 0
        while done < bytes.count {
            let written = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            done += written
        }
        return nil
    }

    /// Reads from `offset` of `fd` until `buffer` is full or the file ends: how many bytes, or -1.
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        var done = 0
        while done < buffer.count {
            let count = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if count < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if count == 0 { break }
            done += count
        }
        return done
    }

    /// Creates the file at `path` (or empties it) and writes `bytes` into it.
    static func create(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw error(path, errno) }
        defer { close(fd) }
        if let code = bytes.withUnsafeBytes({ write($0, to: fd, at: 0) }) { throw error(path, code) }
    }

    /// Writes `bytes` into a new file at `path`: never into a file that is there (it may be a hard
    /// link that another release shares), which is unlinked first.
    static func createNew(_ path: String, _ bytes: [UInt8]) throws {
        var fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        if fd < 0, errno == EEXIST, unlink(path) == 0 {
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        }
        guard fd >= 0 else { throw error(path, errno) }
        defer { close(fd) }
        if let code = bytes.withUnsafeBytes({ write($0, to: fd, at: 0) }) { throw error(path, code) }
    }

    /// Whether the regular file open as `fd` holds exactly `bytes`.
    static func holds(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        // One byte more than expected: a file that grew since fstat reads longer, and differs.
        return withUnsafeTemporaryAllocation(byteCount: bytes.count + 1, alignment: 1) { existing in
            read(fd, into: existing, at: 0) == bytes.count
                && bytes.withUnsafeBytes { memcmp(existing.baseAddress!, $0.baseAddress!, bytes.count) == 0 }
        }
    }

    /// Whether the regular file at `path` (not a link) holds exactly `bytes`.
    static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return holds(fd, bytes)
    }

    /// Swaps the folders at `a` and `b` in one step where the system can (Linux's `renameat2`), so that
    /// `b` is never missing; elsewhere renames `b` aside, `a` to `b`, and the old `b` to `a`. What went
    /// wrong, or nil.
    static func exchange(_ a: String, _ b: String) -> String? {
        if let renameat2 {
            if renameat2(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0 { return nil }
            if errno != EINVAL, errno != ENOSYS { return String(cString: strerror(errno)) }
        }
        // Named as the next build's clean-up looks for it (`OutputDirectory.oldOutput`), should this one be cut short.
        let aside = OutputDirectory.oldOutput(of: URL(fileURLWithPath: b), pid: getpid()).path
        guard rename(b, aside) == 0 else { return String(cString: strerror(errno)) }
        guard rename(a, b) == 0 else {
            let problem = String(cString: strerror(errno))
            rename(aside, b)
            return problem
        }
        return rename(aside, a) == 0 ? nil : String(cString: strerror(errno))
    }

    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    /// glibc's `renameat2`, which Swift's Glibc module does not show; nil elsewhere.
    static let renameat2: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }

    /// The error `Data.write(to:)` throws for the same `errno`.
    static func error(_ path: String, _ code: Int32) -> CocoaError {
        let kind: CocoaError.Code = switch code {
        case EACCES, EPERM: .fileWriteNoPermission
        case ENOSPC, EDQUOT: .fileWriteOutOfSpace
        case EROFS: .fileWriteVolumeReadOnly
        case ENAMETOOLONG: .fileWriteInvalidFileName
        default: .fileWriteUnknown
        }
        var info: [String: Any] = [NSFilePathErrorKey: path]
        if let posix = POSIXErrorCode(rawValue: code) { info[NSUnderlyingErrorKey] = POSIXError(posix) }
        return CocoaError(kind, userInfo: info)
    }

    /// The parent folders of a relative `path`, outermost first: `a/b/c` → `a`, `a/b`.
    static func folders(of path: Substring) -> [Substring] {
        path.indices.filter { path[$0] == "/" }.map { path[..<$0] }
    }

    /// Every file (not folder) under `folder`, relative to it; a link is listed, never followed. Read
    /// with `readdir` and its entry types (FileManager's enumerator looks up each file's attributes,
    /// owner names included: seconds for a site's 60,000 entries).
    static func files(in folder: URL) -> [String] {
        var files: [String] = []
        func walk(_ fd: Int32, _ prefix: String) {
            guard let stream = fdopendir(fd) else {
                close(fd)
                return
            }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) {
                    String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
                }
                if name == "." || name == ".." { continue }
                var isFolder = Int(entry.pointee.d_type) == Int(DT_DIR)
                if Int(entry.pointee.d_type) == Int(DT_UNKNOWN) {
                    var info = stat()
                    isFolder = fstatat(dirfd(stream), name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                }
                guard isFolder else {
                    files.append(prefix + name)
                    continue
                }
                let inner = openat(dirfd(stream), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if inner >= 0 { walk(inner, prefix + name + "/") }
            }
        }
        let root = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if root >= 0 { walk(root, "") }
        return files
    }
}
