import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A raw, blocking TCP connection to the preview on 127.0.0.1, for what no HTTP client does on
/// purpose: sending part of a request and then nothing, or one byte at a time (a slow client). It has
/// a read timeout, so that a test that waits for a close that never comes fails instead of hanging.
final class TestSocket: @unchecked Sendable {
    private let descriptor: Int32

    init(port: Int, timeoutSeconds: Int = 20) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestFailure(description: "socket() failed") }
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
            throw TestFailure(description: "cannot connect to 127.0.0.1:\(port) (errno \(errno))")
        }
    }

    deinit { close(descriptor) }

    /// Sends all of `text`; false when the server has closed the connection.
    @discardableResult
    func send(_ text: String) throws -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0, errno == EPIPE || errno == ECONNRESET { return false }
            guard sent > 0 else { throw TestFailure(description: "send failed (errno \(errno))") }
            bytes = bytes.dropFirst(sent)
        }
        return true
    }

    /// Everything the server sends until it closes the connection; throws when it keeps the
    /// connection open past the read timeout.
    func readToEnd() throws -> [UInt8] {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { return received }
            if count < 0, errno == ECONNRESET { return received }
            if count < 0 { throw TestFailure(description: errno == EAGAIN ? "the server kept the connection open" : "recv failed (errno \(errno))") }
            received += chunk[0..<count]
        }
    }

    /// Sends `text` one byte every `interval`, as a slow client does, until the server closes the
    /// connection; how many bytes went out before it did, or nil when all of them did.
    func trickle(_ text: String, every interval: Duration) throws -> Int? {
        let milliseconds = Int32(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)
        for (index, byte) in text.utf8.enumerated() {
            guard try send(String(decoding: [byte], as: UTF8.self)) else { return index }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            if poll(&poller, 1, milliseconds) > 0 {
                var probe: UInt8 = 0
                let count = recv(descriptor, &probe, 1, 0)
                if count == 0 || (count < 0 && errno == ECONNRESET) { return index + 1 }
                throw TestFailure(description: "the server answered a request it had not received whole")
            }
        }
        return nil
    }
}
