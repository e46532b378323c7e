#if canImport(Glibc)
import Glibc

/// Linux inotify: watches folders and reports what changed in them. This is the only file that calls
/// it; nothing C-typed leaves it.
final class Inotify {
    struct Kind: OptionSet, Sendable {
        let rawValue: UInt8
        /// A file's contents or attributes changed.
        static let changed = Kind(rawValue: 1 << 0)
        /// An entry was created or moved in.
        static let created = Kind(rawValue: 1 << 1)
        /// An entry was deleted or moved out.
        static let removed = Kind(rawValue: 1 << 2)
        /// The entry is a folder.
        static let folder = Kind(rawValue: 1 << 3)
        /// The watched folder itself is gone; the kernel dropped its watch.
        static let watchGone = Kind(rawValue: 1 << 4)
        /// The kernel's queue overflowed: events were lost, so everything must be looked at again.
        static let overflow = Kind(rawValue: 1 << 5)
    }

    struct Event: Sendable {
        /// The watch it belongs to, as returned by `watch(folder:)`; -1 for an overflow.
        var watch: Int32
        /// The entry's name inside the watched folder; empty for the folder itself.
        var name: String
        var kind: Kind
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let descriptor: Int32
    private let wakeReader: Int32
    private let wakeWriter: Int32

    init() throws(Failure) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw Failure(description: "inotify_init1 failed (\(String(cString: strerror(errno)))); raise fs.inotify.max_user_instances")
        }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            close(descriptor)
            throw Failure(description: "pipe failed (\(String(cString: strerror(errno))))")
        }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wakeReader = ends[0]
        wakeWriter = ends[1]
    }

    deinit {
        close(descriptor)
        close(wakeReader)
        close(wakeWriter)
    }

    /// Starts watching a folder (not following a symbolic link); nil when it cannot be watched.
    func watch(folder path: String) -> Int32? {
        let mask = UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
            | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)
        let watch = inotify_add_watch(descriptor, path, mask)
        return watch >= 0 ? watch : nil
    }

    func unwatch(_ watch: Int32) {
        _ = inotify_rm_watch(descriptor, watch)
    }

    /// Waits for events: `[]` after `milliseconds` without any (-1 waits for ever), nil once `wake()` was called.
    func wait(milliseconds: Int32) -> [Event]? {
        var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wakeReader, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 2, milliseconds)
        if ready < 0 { return errno == EINTR ? [] : nil }
        if fds[1].revents != 0 { return nil }
        return fds[0].revents != 0 ? readEvents() : []
    }

    /// Makes a `wait` in another thread return nil; safe to call from any thread.
    func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)
    }

    private func readEvents() -> [Event] {
        var events: [Event] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            // struct inotify_event: int wd; uint32_t mask, cookie, len; char name[len] (NUL-padded).
            while offset + 16 <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                events.append(Event(watch: watch, name: String(decoding: nameBytes, as: UTF8.self), kind: Self.kind(mask)))
                offset += 16 + length
            }
        }
        return events
    }

    private static func kind(_ mask: UInt32) -> Kind {
        var kind: Kind = []
        if mask & UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE) != 0 { kind.insert(.changed) }
        if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { kind.insert(.created) }
        if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 { kind.insert(.removed) }
        if mask & UInt32(IN_ISDIR) != 0 { kind.insert(.folder) }
        if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0 { kind.insert(.watchGone) }
        if mask & UInt32(IN_Q_OVERFLOW) != 0 { kind.insert(.overflow) }
        return kind
    }
}
#endif
