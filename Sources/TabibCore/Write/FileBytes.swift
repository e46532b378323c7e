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

    /// Whether the regular file at `path` (not a link) holds exactly `bytes`.
    static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        // One byte more than expected: a file that grew since fstat reads longer, and differs.
        return withUnsafeTemporaryAllocation(byteCount: bytes.count + 1, alignment: 1) { existing in
            read(fd, into: existing, at: 0) == bytes.count
                && bytes.withUnsafeBytes { memcmp(existing.baseAddress!, $0.baseAddress!, bytes.count) == 0 }
        }
    }

    /// Puts `bytes` at `target`; what went wrong, or nil. An existing file is overwritten in place (and
    /// cut to length), not replaced: replacing it would free its blocks, which on a disk mounted with
    /// `discard` (as here) waits for the device, about a millisecond a file. A missing file is created.
    /// A file with other hard links, or a symbolic link, is replaced by a new file renamed over it, so
    /// that the other names keep what they show.
    static func replace(_ target: String, with bytes: UnsafeRawBufferPointer) -> String? {
        func failed(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }
        func writeAll(_ fd: Int32) -> Int32? {
            if let code = write(bytes, to: fd, at: 0) { return code }
            return ftruncate(fd, off_t(bytes.count)) == 0 ? nil : errno
        }
        var fd = open(target, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0, errno == ENOENT { fd = open(target, O_WRONLY | O_CREAT | O_CLOEXEC, 0o666) }
        if fd >= 0 {
            defer { close(fd) }
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink == 1 { return writeAll(fd).map { failed($0) } }
        }
        let temporary = target + ".tabib-new"
        let out = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard out >= 0 else { return failed() }
        let code = writeAll(out)
        close(out)
        if let code {
            unlink(temporary)
            return failed(code)
        }
        guard rename(temporary, target) == 0 else {
            let problem = failed()
            unlink(temporary)
            return problem
        }
        return nil
    }

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

    /// Every file (not folder) under `folder`, relative to it.
    static func files(in folder: URL) -> [String] {
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            if enumerator?.fileAttributes?[.type] as? FileAttributeType != .typeDirectory { files.append(path) }
        }
        return files
    }
}
