// The only file that imports libqrencode.
import CQRencode

/// A QR code drawn as inline SVG: one path of dark modules, with the quiet zone the standard asks for.
enum QRCode {
    /// nil only when libqrencode cannot encode the text (far longer than any URL).
    static func svg(for text: String, label: String) -> String? {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let data = code.pointee.data!
        let quiet = 4
        let size = width + 2 * quiet
        var path = ""
        for y in 0..<width {
            var x = 0
            while x < width {
                guard data[y * width + x] & 1 == 1 else { x += 1; continue }
                var run = 1
                while x + run < width, data[y * width + x + run] & 1 == 1 { run += 1 }
                path += "M\(x + quiet) \(y + quiet)h\(run)v1h-\(run)z"
                x += run
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(size) \(size)\" class=\"qr\" role=\"img\" aria-label=\"\(HTML.escape(label))\" shape-rendering=\"crispEdges\"><rect width=\"\(size)\" height=\"\(size)\" fill=\"#fff\"/><path d=\"\(path)\" fill=\"#000\"/></svg>"
    }
}
