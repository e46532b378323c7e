import AsyncHTTPClient
import Foundation
import Hummingbird
import NIOHTTP1
import Testing
@testable import TabibServe

/// DNS rebinding: the preview answers only requests addressed to it, so that a page on another site
/// whose name now points at this computer cannot read it.
@Suite struct HostCheckTests {
    let check = HostCheck(host: "127.0.0.1", port: 1313)

    @Test(arguments: ["127.0.0.1:1313", "localhost:1313", "LocalHost:1313", "[::1]:1313", "localhost", "127.0.0.1",
                      "192.168.1.20:1313", "[fe80::1]:1313"])
    func theServedAddressLocalhostAndIPAddressesAreAnswered(host: String) {
        #expect(check.allows(host))
    }

    @Test(arguments: ["evil.example:1313", "evil.example", "127.0.0.1.nip.io:1313", "localhost.evil.example:1313",
                      "localhost:1314", "127.0.0.1:80", "[::1]:1314", "", ":1313", "localhost:", "localhost:abc",
                      "localhost:1313:1313", "[::1", "[::1]x", "[evil.example]:1313", "localhost:99999"])
    func anyOtherNameOrPortIsRefused(host: String) {
        #expect(!check.allows(host))
    }

    @Test func aRequestWithoutHostIsRefused() {
        #expect(!check.allows(nil))
    }

    @Test func theNameGivenToHostIsAnswered() {
        let named = HostCheck(host: "preview.lan", port: 8080)
        #expect(named.allows("preview.lan:8080"))
        #expect(named.allows("PREVIEW.lan:8080"))
        #expect(!named.allows("other.lan:8080"))
        #expect(HostCheck(host: "::1", port: 8080).allows("[::1]:8080"))
    }

    @Test func theRefusalSaysWhyAndWhereToOpenThePreview() {
        #expect(check.refusal("evil.example:1313") == "This preview answers only requests addressed to it, and this one named "
            + "'evil.example:1313'. A web page on another site could otherwise read the preview by pointing its own name at "
            + "this computer (DNS rebinding). Open http://127.0.0.1:1313/ instead.\n")
        #expect(HostCheck(host: "0.0.0.0", port: 80).refusal(nil) == "This preview answers only requests addressed to it, and "
            + "this one named no host. A web page on another site could otherwise read the preview by pointing its own name "
            + "at this computer (DNS rebinding). Open http://127.0.0.1:80/ instead.\n")
    }

    @Test func aRequestForAnotherHostIsRefusedWithTheReason() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            let foreign = "evil.example:\(preview.port)"
            let response = try await preview.get("/id/artikel/kram-betis/", host: .named(foreign))
            #expect(response.status == .forbidden)
            #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(response.text == "This preview answers only requests addressed to it, and this one named '\(foreign)'. "
                + "A web page on another site could otherwise read the preview by pointing its own name at this computer "
                + "(DNS rebinding). Open http://127.0.0.1:\(preview.port)/ instead.\n")
        }
    }

    @Test func everyKindOfRequestIsRefusedToAnotherHost() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            let (_, page, shown) = try await preview.open("/id/artikel/kram-betis/")
            let live = "/_tabib/live?page=\(page)&shown=\(shown.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            for (target, method) in [(live, HTTPMethod.GET), (live, .HEAD), ("/assets/style.css", .GET), ("/", .HEAD),
                                     ("/nothing/", .GET), ("/", .POST)] {
                // AsyncHTTPClient returns once the head has come, so an event stream answered by mistake fails the test instead of hanging it.
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(preview.port)\(target)")
                request.method = method
                request.headers.replaceOrAdd(name: "Host", value: "rebound.example:\(preview.port)")
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
                #expect(response.status == .forbidden, "\(method) \(target)")
                #expect(response.headers.first(name: "Content-Type") == "text/plain; charset=utf-8", "\(method) \(target)")
            }
            #expect(try await preview.get("/../etc/passwd", host: .named("rebound.example")).status == .forbidden)
            #expect(try await preview.get("/", host: .absent).status == .forbidden)
            #expect(try await preview.get("/", host: .named("localhost:\(preview.port + 1)")).status == .forbidden)
        }
    }

    @Test func theServedAddressLocalhostAndTheIPv6LoopbackAreAnswered() async throws {
        try await RunningPreview.with(try SiteFixture()) { preview in
            for host in ["127.0.0.1:\(preview.port)", "localhost:\(preview.port)", "[::1]:\(preview.port)", "localhost"] {
                let response = try await preview.get("/id/artikel/kram-betis/", host: .named(host))
                #expect(response.status == .ok, "\(host)")
                #expect(response.text.contains("<h1>Kram Betis</h1>"), "\(host)")
            }
        }
    }
}
