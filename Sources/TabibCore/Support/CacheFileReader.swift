import Foundation

/// A cache file read a piece at a time, so that a large one is never all in memory at once. Every
/// read throws when the file ends early or holds what tabib never writes.
final class CacheFileReader {
    struct Damaged: Error {}

    private let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 1 << 20)
    /// The bytes read from the file and not yet taken.
    private var start = 0, end = 0

    init?(path: String) {
        descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }

    /// Makes `count` bytes available from `start`.
    private func fill(_ count: Int) throws {
        guard end - start < count else { return }
        if start > 0 {
            buffer.withUnsafeMutableBytes { raw in _ = memmove(raw.baseAddress!, raw.baseAddress! + start, end - start) }
            end -= start
            start = 0
        }
        if buffer.count < count { buffer += repeatElement(0, count: count - buffer.count) }
        while end < count {
            let read = buffer.withUnsafeMutableBytes { raw in Glibc.read(descriptor, raw.baseAddress! + end, raw.count - end) }
            guard read > 0 else { throw Damaged() }
            end += read
        }
    }

    var isAtEnd: Bool { (try? fill(1)) == nil }

    func byte() throws -> UInt8 {
        try fill(1)
        defer { start += 1 }
        return buffer[start]
    }

    func bool() throws -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw Damaged()
        }
    }

    /// An unsigned LEB128 number, at most 2⁴⁰.
    func int() throws -> Int {
        var value = 0, shift = 0
        while true {
            let b = try byte()
            value |= Int(b & 0x7F) << shift
            if b & 0x80 == 0 { return value }
            shift += 7
            guard shift < 40 else { throw Damaged() }
        }
    }

    /// A number written in eight bytes, least significant first: a file's inode, device or times.
    func uint64() throws -> UInt64 {
        try fill(8)
        defer { start += 8 }
        var value: UInt64 = 0
        for index in (start..<(start + 8)).reversed() { value = value << 8 | UInt64(buffer[index]) }
        return value
    }

    /// A count of items or bytes, bounded so that a damaged file never asks for a huge allocation.
    func count() throws -> Int {
        let count = try int()
        guard count <= 1 << 28 else { throw Damaged() }
        return count
    }

    func bytes(_ count: Int) throws -> [UInt8] {
        try fill(count)
        defer { start += count }
        return Array(buffer[start..<(start + count)])
    }

    func string() throws -> String {
        let count = try count()
        try fill(count)
        defer { start += count }
        return buffer.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<(start + count)]), as: UTF8.self) }
    }

    /// Reads a string: `known` itself when the stored bytes are its (so that the many places that name
    /// one file share one string in memory), else a new one.
    func string(sharing known: String) throws -> String {
        let count = try count()
        try fill(count)
        defer { start += count }
        var known = known
        let same = known.withUTF8 { utf8 in
            utf8.count == count && buffer.withUnsafeBufferPointer { count == 0 || memcmp(utf8.baseAddress!, $0.baseAddress! + start, count) == 0 }
        }
        if same { return known }
        return buffer.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<(start + count)]), as: UTF8.self) }
    }

    /// Strings read by `sharedString()`, each kept once.
    private var shared: Set<String> = []

    /// Reads a string that many entries repeat (an address): one string in memory for all of them.
    func sharedString() throws -> String {
        let text = try string()
        if text.utf8.count <= 15 { return text }  // stored inline, nothing to share
        return shared.insert(text).memberAfterInsert
    }

    /// Reads a string and tells whether it is `text`, without making a `String` of it.
    func matches(_ text: String) throws -> Bool {
        let count = try count()
        try fill(count)
        defer { start += count }
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { utf8 in
            utf8.count == count && buffer.withUnsafeBufferPointer { stored in
                count == 0 || memcmp(utf8.baseAddress!, stored.baseAddress! + start, count) == 0
            }
        } ?? false
    }

    func skip(_ count: Int) throws {
        try fill(count)
        start += count
    }

    func optional<T>(_ read: () throws -> T) throws -> T? { try bool() ? read() : nil }

    func array<T>(_ read: () throws -> T) throws -> [T] {
        let count = try count()
        var items: [T] = []
        items.reserveCapacity(Swift.min(count, 1 << 16))
        for _ in 0..<count { items.append(try read()) }
        return items
    }

    func key() throws -> ContentKey {
        guard let kind = ContentKind(rawValue: try string()) else { throw Damaged() }
        return ContentKey(kind: kind, id: try string())
    }

    func location() throws -> SourceLocation {
        SourceLocation(path: try string(), line: try optional(int), column: try optional(int))
    }

    /// A location, its path shared with `path` when it is the same.
    func location(sharing path: String) throws -> SourceLocation {
        SourceLocation(path: try string(sharing: path), line: try optional(int), column: try optional(int))
    }

    func diagnostic() throws -> Diagnostic {
        guard let severity = Diagnostic.Severity(rawValue: try string()) else { throw Damaged() }
        return Diagnostic(severity, try string(), try string(), at: try optional(location), notes: try array(string),
                          sourceLine: try optional(string))
    }

    func day() throws -> Day {
        guard let day = Day(year: try int(), month: try int(), day: try int()) else { throw Damaged() }
        return day
    }
}
