import Foundation

/// An open page's live-reload connection, as a browser's EventSource holds it.
final class EventStreamClient: @unchecked Sendable {
    struct Event: Sendable, Equatable {
        var name: String
        var data: String
    }

    private let socket: TestSocket
    private var pending = ""
    private var chunks: ChunkedBody

    /// Connects to the event stream of `page`, which shows `shown` (the token in the page's script).
    init(port: Int, page: String, shown: String) async throws {
        let target = "/_tabib/live?page=\(Self.encode(page))&shown=\(Self.encode(shown))"
        let socket = try await OffPool.run {
            let socket = try TestSocket(port: port)
            try socket.send("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
            guard let head = try socket.read(until: "\r\n\r\n") else { throw TestSocket.Failure(description: "no response head") }
            let (status, fields) = try HTTPTestClient.parseHead(head)
            guard status == 200, fields["content-type"]?.hasPrefix("text/event-stream") == true else {
                throw TestSocket.Failure(description: "not an event stream: \(status) \(fields)")
            }
            return socket
        }
        self.socket = socket
        self.chunks = ChunkedBody(socket: socket)
    }

    /// The next named event (comments and the `retry:` field are skipped); nil when the server ended the
    /// stream. Gives up after a minute, so that a missing event fails the test instead of hanging it.
    func next() async throws -> Event? {
        try await OffPool.run { try self.readEvent(giveUpAt: Date().addingTimeInterval(60)) }
    }

    private func readEvent(giveUpAt deadline: Date) throws -> Event? {
        while true {
            guard Date() < deadline else { throw TestSocket.Failure(description: "no event came within a minute") }
            while let end = pending.range(of: "\n\n") {
                let block = pending[..<end.lowerBound]
                pending.removeSubrange(..<end.upperBound)
                var name: String?
                var data: [String] = []
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
                }
                if let name { return Event(name: name, data: data.joined(separator: "\n")) }
            }
            guard let chunk = try chunks.next() else { return nil }
            pending += String(decoding: chunk, as: UTF8.self)
        }
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
