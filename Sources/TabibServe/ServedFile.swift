import NIOCore

/// One file of the built site as the server sends it: its bytes, entity tag and media type. The bytes
/// are held once, in the buffer responses are written from.
struct ServedFile: Sendable {
    let body: ByteBuffer
    let etag: String
    let contentType: String

    init(path: String, bytes: [UInt8]) {
        self.body = ByteBuffer(bytes: bytes)
        self.etag = ETag.of(bytes)
        self.contentType = ContentType.of(path)
    }

    /// A copy of the bytes, for pages that get the live-reload script.
    var bytes: [UInt8] { Array(body.readableBytesView) }

    var isHTML: Bool { contentType.hasPrefix("text/html") }
}
