#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a port the preview can listen on before the site is built with it, since the build needs
/// the final URL: it binds a socket briefly to each candidate.
enum PortProbe {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The first free port from `first` on (at most `attempts` tried); `0` asks the system for any free one.
    static func freePort(host: String, from first: Int, attempts: Int = 100) throws(Failure) -> Int {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_PASSIVE
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let address = list else {
            throw Failure(description: "the host '\(host)' cannot be resolved; pass an address such as 127.0.0.1 or 0.0.0.0 to --host.")
        }
        defer { freeaddrinfo(list) }
        let candidates = first == 0 ? [0] : Array(first..<min(first + attempts, 65536))
        for port in candidates {
            if let bound = tryBind(address.pointee, port: port) { return bound }
        }
        throw Failure(description: "ports \(first) to \(candidates.last ?? first) on \(host) are all in use; pass another --port.")
    }

    /// Binds a socket to the address and port and closes it again; the port it got, or nil when it is taken.
    private static func tryBind(_ info: addrinfo, port: Int) -> Int? {
        let descriptor = socket(info.ai_family, info.ai_socktype, info.ai_protocol)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var reuse: Int32 = 1
        _ = setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { raw in
            raw.copyMemory(from: UnsafeRawBufferPointer(start: info.ai_addr, count: Int(info.ai_addrlen)))
        }
        let network = UInt16(port).bigEndian
        if info.ai_family == AF_INET6 {
            withUnsafeMutablePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_port = network } }
        } else {
            withUnsafeMutablePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_port = network } }
        }
        let result = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, info.ai_addrlen) }
        }
        guard result == 0, listen(descriptor, 1) == 0 else { return nil }
        var bound = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &bound) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) } }
        let portBytes = withUnsafePointer(to: &bound) { pointer in
            info.ai_family == AF_INET6
                ? pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_port }
                : pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_port }
        }
        return Int(UInt16(bigEndian: portBytes))
    }
}
