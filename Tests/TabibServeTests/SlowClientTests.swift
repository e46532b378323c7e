import Foundation
import Hummingbird
import Testing
@testable import TabibServe

/// A client that opens connections and sends its request head slowly, or never whole (a slowloris),
/// cannot hold them open: the server closes each after the header timeout, and serves others meanwhile.
@Suite struct SlowClientTests {
    @Test func aConnectionThatNeverSendsAWholeRequestHeadIsClosedWhileOthersAreServed() async throws {
        try await RunningPreview.with(try SiteFixture(), headerTimeout: .seconds(3)) { preview in
            let slow = try TestSocket(port: preview.port, timeoutSeconds: 15)
            try slow.send("GET /id/artikel/kram-betis/ HTTP/1.1\r\nHost: 127.0.0.1")
            let page = try await preview.get("/id/artikel/kram-betis/")
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1>Kram Betis</h1>"))
            // Closed without an answer; a server that kept the connection open makes this throw after 15 s.
            let received = try await OffPool.run { try slow.readToEnd() }
            #expect(received == [])
        }
    }

    @Test func sendingTheHeadOneByteAtATimeDoesNotKeepTheConnectionOpen() async throws {
        try await RunningPreview.with(try SiteFixture(), headerTimeout: .seconds(3)) { preview in
            let slow = try TestSocket(port: preview.port)
            // 60 bytes, one every 250 ms: 15 s in all, if the server let it; it closes the connection after 3 s.
            let head = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + String(repeating: "a", count: 19)
            #expect(head.utf8.count == 60)
            let sent = try await OffPool.run { try slow.trickle(head, every: .milliseconds(250)) }
            #expect(sent != nil, "the server read a request head one byte at a time for 15 s")
        }
    }

    @Test func anOpenEventStreamOutlivesTheHeaderTimeout() async throws {
        try await RunningPreview.with(try SiteFixture(), headerTimeout: .seconds(3)) { preview in
            let stream = try await preview.listen("/id/artikel/kram-betis/")
            try await Task.sleep(for: .seconds(6))
            let article = "content/id/articles/kram-betis.md"
            try preview.fixture.write(article, try preview.fixture.read(article) + "\nParagraf baru.\n")
            #expect(try await stream.next() == EventStreamClient.Event(name: "reload", data: "{}"))
        }
    }
}
