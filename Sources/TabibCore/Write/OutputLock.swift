import Foundation
import Synchronization

/// One build at a time per output folder: a lock file beside the output (`.public.tabib-lock`), held
/// with `flock` for as long as the build may change the output, and holding the process id, host and
/// start time of the build that holds it. A second build fails at once, naming the first. The kernel
/// lets go of a `flock` when its process ends, however it ends: a lock file left by a build that was
/// killed is taken over, with a note.
final class OutputLock: Sendable {
    let path: String
    private let fd: Mutex<Int32>

    /// Who holds a lock, as its file says: `pid 123`, `host name`, `started 2026-11-29T09:30:00Z`.
    struct Holder: Sendable, Equatable {
        var pid: String?
        var host: String?
        var started: String?

        init(_ text: String) {
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                switch parts[0] {
                case "pid": pid = parts[1]
                case "host": host = parts[1]
                case "started": started = parts[1]
                default: continue
                }
            }
        }

        /// `pid 123 on host h, started …`, or nil when the file said nothing.
        var description: String? {
            var parts: [String] = []
            if let pid { parts.append(host.map { "pid \(pid) on \($0)" } ?? "pid \(pid)") }
            if let started { parts.append("started \(started)") }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
    }

    /// The lock file of the output `destination`.
    static func path(for destination: URL) -> String {
        destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).tabib-lock").path
    }

    /// Takes the lock of `destination`, or fails naming the build that holds it. `notes` gets a
    /// warning when a lock left by a build that is gone was taken over.
    init(for destination: URL, notes: inout [Diagnostic]) throws(BuildFailure) {
        path = Self.path(for: destination)
        let output = destination.path
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard fd >= 0 else {
                throw BuildFailure([.error("output-unwritable", "tabib cannot make its lock file \(path) (\(String(cString: strerror(errno)))); check that the folder holding the output is writable.")])
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                var holder = Holder(Self.contents(of: fd))
                // The build that holds it writes who it is just after taking it: give it up to 0.2 s to.
                var waits = 0
                while code == EWOULDBLOCK, holder.description == nil, waits < 40 {
                    usleep(5_000)
                    waits += 1
                    holder = Holder(Self.contents(of: fd))
                }
                close(fd)
                guard code == EWOULDBLOCK else {
                    throw BuildFailure([.error("output-unwritable", "tabib cannot lock \(path) (\(String(cString: strerror(code)))); it locks the output so that two builds never write to it at once. Build into a folder on a disk that supports locks.")])
                }
                let who = holder.description.map { "another tabib build (\($0))" } ?? "another tabib build"
                throw BuildFailure([.error("output-locked", "\(who) is writing to \(output); wait for it to finish or stop it, then build again. The output was not changed.")])
            }
            // The file may have been removed by the build that held it between our open and flock: then
            // the lock is on a file nobody else will find, and we try again with the one at `path`.
            var held = stat(), current = stat()
            guard fstat(fd, &held) == 0, stat(path, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev else {
                close(fd)
                continue
            }
            let left = Self.contents(of: fd)
            if let earlier = Holder(left).description {
                notes.append(.warning("output-lock-taken-over", "an earlier tabib build (\(earlier)) stopped without unlocking \(output), and is no longer running; this build took its lock over."))
            }
            let text = "pid \(getpid())\nhost \(Self.hostName)\nstarted \(Date().formatted(.iso8601))\n"
            _ = ftruncate(fd, 0)
            _ = text.utf8CString.withUnsafeBytes { FileBytes.write(UnsafeRawBufferPointer(rebasing: $0.dropLast()), to: fd, at: 0) }
            self.fd = Mutex(fd)
            return
        }
    }

    /// This machine's name, from `gethostname` (Foundation's `hostName` may ask the DNS).
    static var hostName: String {
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count - 1) == 0 else { return "?" }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func contents(of fd: Int32) -> String {
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = bytes.withUnsafeMutableBytes { FileBytes.read(fd, into: $0, at: 0) }
        return String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self)
    }

    /// Removes the lock file and lets the lock go. Called once the output is final; safe to call again.
    func release() {
        fd.withLock { fd in
            guard fd >= 0 else { return }
            // Removed while still held: a build that opened it meanwhile sees it is gone and tries again.
            unlink(path)
            close(fd)
            fd = -1
        }
    }

    deinit { release() }
}
