/// Reads an HTTP/1.1 chunked body, chunk by chunk.
struct ChunkedBody {
    let socket: TestSocket

    /// The next chunk's bytes; nil after the last one.
    func next() throws -> [UInt8]? {
        guard let sizeLine = try socket.read(until: "\r\n"),
              let size = Int(String(decoding: sizeLine, as: UTF8.self).split(separator: ";")[0], radix: 16) else { return nil }
        if size == 0 {
            _ = try socket.read(until: "\r\n")
            return nil
        }
        let bytes = try socket.read(count: size)
        _ = try socket.read(count: 2)
        return bytes
    }

    func readAll() throws -> [UInt8] {
        var body: [UInt8] = []
        while let chunk = try next() { body += chunk }
        return body
    }
}
