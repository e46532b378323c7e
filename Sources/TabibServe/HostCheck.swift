#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which `Host` a request may name. The preview answers only requests addressed to it — by an IP
/// address, as `localhost`, or by the name given to `--host` — on its own port. A web page on another
/// site cannot read the preview by rebinding its own name to this machine's address (DNS rebinding):
/// the browser would still send that name, which is refused here.
///
/// Any IP address is accepted, since no DNS answer stands behind it to rebind; that is also how a
/// preview exposed with `--host 0.0.0.0` is reached from another device. A `Host` without a port is
/// accepted: browsers leave out only port 80, and the name is what a rebinding page cannot fake.
struct HostCheck: Sendable {
    /// The names accepted besides IP addresses, in lower case.
    let names: Set<String>
    let port: Int
    /// Where the preview is opened, for the refusal's explanation.
    let url: String

    init(host: String, port: Int) {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        names = ["localhost", bare.lowercased()]
        self.port = port
        url = ServeOptions.baseURL(host: Self.isAnyAddress(bare) ? "127.0.0.1" : bare, port: port)
    }

    /// Whether a request whose `Host` is `authority` (nil when it sent none) is answered.
    func allows(_ authority: String?) -> Bool {
        guard let authority, let (name, port) = Self.split(authority) else { return false }
        if let port, port != self.port { return false }
        return names.contains(name) || Self.isIPAddress(name)
    }

    /// The body of the refusal: what happened and where the preview is opened instead.
    func refusal(_ authority: String?) -> String {
        let named = authority.map { "'\($0.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? String($0) : "?" }.joined())'" } ?? "no host"
        return "This preview answers only requests addressed to it, and this one named \(named). A web page on another "
            + "site could otherwise read the preview by pointing its own name at this computer (DNS rebinding). "
            + "Open \(url) instead.\n"
    }

    /// The host name, in lower case and without brackets, and the port when one is given; nil when malformed.
    static func split(_ authority: String) -> (name: String, port: Int?)? {
        let name: Substring
        let rest: Substring
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            name = authority[authority.index(after: authority.startIndex)..<close]
            rest = authority[authority.index(after: close)...]
        } else if let colon = authority.firstIndex(of: ":") {
            name = authority[..<colon]
            rest = authority[colon...]
        } else {
            name = authority[...]
            rest = ""
        }
        guard !name.isEmpty else { return nil }
        if rest.isEmpty { return (name.lowercased(), nil) }
        let digits = rest.dropFirst()
        guard rest.first == ":", !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let port = Int(digits), port <= 65535 else { return nil }
        return (name.lowercased(), port)
    }

    /// Whether `name` is an IPv4 address in dotted form or an IPv6 address (without brackets).
    static func isIPAddress(_ name: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, name, &v4) == 1 || inet_pton(AF_INET6, name, &v6) == 1
    }

    private static func isAnyAddress(_ host: String) -> Bool { host == "0.0.0.0" || host == "::" }
}
