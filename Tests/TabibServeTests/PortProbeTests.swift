import Testing
@testable import TabibServe
#if canImport(Glibc)
import Glibc
#endif

@Suite struct PortProbeTests {
    @Test func aBusyPortIsSkippedForTheNextFreeOne() throws {
        // Hold a listening socket on a port the system picks, then ask for that port.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        #expect(listen(listener, 1) == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        let busy = Int(UInt16(bigEndian: address.sin_port))

        let chosen = try PortProbe.freePort(host: "127.0.0.1", from: busy)
        #expect(chosen > busy)
    }

    @Test func portZeroAsksTheSystemForAnyFreePort() throws {
        #expect(try PortProbe.freePort(host: "127.0.0.1", from: 0) > 0)
    }

    @Test func anUnknownHostIsReportedWithWhatToDo() {
        #expect(throws: PortProbe.Failure.self) { try PortProbe.freePort(host: "no-such-host.invalid", from: 1313) }
    }
}
