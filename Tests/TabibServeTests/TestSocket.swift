import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP connection to the preview on 127.0.0.1, with a read timeout so that a test that
/// waits for something that never comes fails instead of hanging.
final class TestSocket: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible { var description: String }

    private let descriptor: Int32
    private var buffer: [UInt8] = []

    init(port: Int, timeoutSeconds: Int = 20) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(descriptor)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port) (errno \(errno))")
        }
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure(description: "send failed (errno \(errno))") }
            bytes = bytes.dropFirst(sent)
        }
    }

    /// Reads more bytes into the buffer; false at the end of the stream.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 { throw Failure(description: errno == EAGAIN ? "timed out waiting for the server" : "recv failed (errno \(errno))") }
        if count == 0 { return false }
        buffer += chunk[0..<count]
        return true
    }

    /// The bytes up to and without `delimiter`, consuming both; nil when the stream ends first.
    func read(until delimiter: String) throws -> [UInt8]? {
        let mark = Array(delimiter.utf8)
        while true {
            if let range = Self.firstRange(of: mark, in: buffer) {
                let result = Array(buffer[..<range.lowerBound])
                buffer.removeFirst(range.upperBound)
                return result
            }
            guard try fill() else { return nil }
        }
    }

    func read(count: Int) throws -> [UInt8] {
        while buffer.count < count {
            guard try fill() else { throw Failure(description: "the stream ended early") }
        }
        defer { buffer.removeFirst(count) }
        return Array(buffer[..<count])
    }

    func readToEnd() throws -> [UInt8] {
        while try fill() {}
        defer { buffer = [] }
        return buffer
    }

    private static func firstRange(of mark: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
        guard bytes.count >= mark.count else { return nil }
        for start in 0...(bytes.count - mark.count) where bytes[start] == mark[0] {
            if Array(bytes[start..<(start + mark.count)]) == mark { return start..<(start + mark.count) }
        }
        return nil
    }
}
