import NIOCore

/// One file of the built site as the server sends it: its bytes, entity tag and media type.
struct ServedFile: Sendable {
    let bytes: [UInt8]
    let body: ByteBuffer
    let etag: String
    let contentType: String

    init(path: String, bytes: [UInt8]) {
        self.bytes = bytes
        self.body = ByteBuffer(bytes: bytes)
        self.etag = ETag.of(bytes)
        self.contentType = ContentType.of(path)
    }

    var isHTML: Bool { contentType.hasPrefix("text/html") }
}
