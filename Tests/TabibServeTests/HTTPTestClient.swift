import Foundation

/// One HTTP/1.1 exchange over a raw socket: the target is sent exactly as given, so that paths such
/// as `/../` or `/%2e%2e/` reach the server unnormalised, which URLSession would not allow.
struct HTTPTestClient {
    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    let port: Int

    func get(_ target: String, method: String = "GET", headers: [String: String] = [:]) async throws -> Response {
        let port = port
        return try await OffPool.run { try Self.exchange(port: port, method: method, target: target, headers: headers) }
    }

    static func exchange(port: Int, method: String, target: String, headers: [String: String]) throws -> Response {
        let socket = try TestSocket(port: port)
        var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        try socket.send(request + "\r\n")
        guard let head = try socket.read(until: "\r\n\r\n") else { throw TestSocket.Failure(description: "no response head") }
        let (status, fields) = try parseHead(head)
        var body: [UInt8] = []
        if method != "HEAD", status != 304 {
            if let length = fields["content-length"].flatMap(Int.init) {
                body = try socket.read(count: length)
            } else if fields["transfer-encoding"] == "chunked" {
                body = try ChunkedBody(socket: socket).readAll()
            } else {
                body = try socket.readToEnd()
            }
        }
        return Response(status: status, headers: fields, body: body)
    }

    static func parseHead(_ head: [UInt8]) throws -> (Int, [String: String]) {
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw TestSocket.Failure(description: "bad status line '\(lines[0])'")
        }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, fields)
    }
}
