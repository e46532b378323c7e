import Foundation

/// A cache file written through a buffer, as `CacheFileReader` reads it back.
final class CacheFileWriter {
    private let descriptor: Int32
    var bytes: [UInt8] = []
    private var failed = false

    init?(path: String) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        bytes.reserveCapacity(1 << 21)
    }

    /// Writes what is buffered, at the latest when the buffer holds a megabyte.
    func flush(over limit: Int = 1 << 20) {
        guard bytes.count > limit else { return }
        var done = 0
        while !failed, done < bytes.count {
            let written = bytes.withUnsafeBytes { raw in Glibc.write(descriptor, raw.baseAddress! + done, raw.count - done) }
            if written > 0 { done += written } else { failed = true }
        }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes the rest and closes the file; false when anything could not be written.
    func close() -> Bool {
        flush(over: 0)
        return Glibc.close(descriptor) == 0 && !failed
    }

    func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    func int(_ value: Int) {
        var value = UInt(value)
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Eight bytes, least significant first.
    func uint64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    func string(_ text: String) {
        int(text.utf8.count)
        bytes += text.utf8
    }

    func optional<T>(_ value: T?, _ write: (T) -> Void) {
        bool(value != nil)
        if let value { write(value) }
    }

    func array<T>(_ items: some Collection<T>, _ write: (T) -> Void) {
        int(items.count)
        for item in items { write(item) }
    }

    func key(_ key: ContentKey) {
        string(key.kind.rawValue)
        string(key.id)
    }

    func location(_ location: SourceLocation) {
        string(location.path)
        optional(location.line, int)
        optional(location.column, int)
    }

    func diagnostic(_ diagnostic: Diagnostic) {
        string(diagnostic.severity.rawValue)
        string(diagnostic.code)
        string(diagnostic.message)
        optional(diagnostic.location, location)
        array(diagnostic.notes, string)
        optional(diagnostic.sourceLine, string)
    }

    func day(_ day: Day) {
        int(day.year)
        int(day.month)
        int(day.day)
    }
}
