import AsyncHTTPClient
import Foundation
import NIOCore

/// An open page's live-reload connection, as a browser's EventSource holds it, read by AsyncHTTPClient
/// as the bytes arrive. (HummingbirdTesting's client hands over a response only once it has ended,
/// and an event stream ends only with the server.)
final class EventStreamClient: @unchecked Sendable {
    struct Event: Sendable, Equatable {
        var name: String
        var data: String
    }

    private let reader: Task<Void, Never>
    private var events: AsyncThrowingStream<Event, any Error>.Iterator

    /// Connects to the event stream of `page`, which shows `shown` (the token in the page's script).
    init(port: Int, page: String, shown: String) async throws {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/_tabib/live?page=\(Self.encode(page))&shown=\(Self.encode(shown))")
        request.headers.add(name: "Accept", value: "text/event-stream")
        // Tried again, up to four times, when the connection fails: the server closes connections that have
        // not sent a request head within its header timeout, which on a busy machine can be this one.
        var attempt = 1
        var response: HTTPClientResponse
        while true {
            do {
                response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
                break
            } catch where attempt < 4 {
                attempt += 1
            }
        }
        guard response.status == .ok, response.headers.first(name: "Content-Type")?.hasPrefix("text/event-stream") == true else {
            throw TestFailure(description: "not an event stream: \(response.status) \(response.headers)")
        }
        let (stream, sink) = AsyncThrowingStream.makeStream(of: Event.self)
        events = stream.makeAsyncIterator()
        reader = Task {
            do {
                var pending: [UInt8] = []
                for try await buffer in response.body {
                    pending += buffer.readableBytesView
                    while let end = Self.blockEnd(in: pending) {
                        if let event = Self.event(in: pending[..<end]) { sink.yield(event) }
                        pending.removeFirst(end + 2)
                    }
                }
                sink.finish()
            } catch {
                sink.finish(throwing: Task.isCancelled ? TestFailure(description: "no event came within a minute") : error)
            }
        }
    }

    deinit { reader.cancel() }

    /// The next named event (comments and the `retry:` field are skipped); nil when the server ended the
    /// stream. Gives up after a minute, so that a missing event fails the test instead of hanging it.
    func next() async throws -> Event? {
        let watchdog = Task { [reader] in
            try await Task.sleep(for: .seconds(60))
            reader.cancel()
        }
        defer { watchdog.cancel() }
        return try await events.next()
    }

    /// Where the first event block ends: the first empty line.
    private static func blockEnd(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        return (0..<(bytes.count - 1)).first { bytes[$0] == 10 && bytes[$0 + 1] == 10 }
    }

    /// The block's event, when it names one.
    private static func event(in block: ArraySlice<UInt8>) -> Event? {
        var name: String?
        var data: [String] = []
        for line in String(decoding: block, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
            if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
        }
        return name.map { Event(name: $0, data: data.joined(separator: "\n")) }
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
