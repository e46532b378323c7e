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
        // One `M x yh n v1h-n z` per run of dark modules in a row, written as bytes: this is most of a handout's work.
        var path: [UInt8] = []
        path.reserveCapacity(width * width * 2)
        for y in 0..<width {
            var x = 0
            while x < width {
                guard data[y * width + x] & 1 == 1 else { x += 1; continue }
                var run = 1
                while x + run < width, data[y * width + x + run] & 1 == 1 { run += 1 }
                path.append(UInt8(ascii: "M"))
                appendDecimal(x + quiet, to: &path)
                path.append(UInt8(ascii: " "))
                appendDecimal(y + quiet, to: &path)
                path.append(UInt8(ascii: "h"))
                appendDecimal(run, to: &path)
                path += "v1h-".utf8
                appendDecimal(run, to: &path)
                path.append(UInt8(ascii: "z"))
                x += run
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(size) \(size)\" class=\"qr\" role=\"img\" aria-label=\"\(HTML.escape(label))\" shape-rendering=\"crispEdges\"><rect width=\"\(size)\" height=\"\(size)\" fill=\"#fff\"/><path d=\"\(String(decoding: path, as: UTF8.self))\" fill=\"#000\"/></svg>"
    }

    /// `value` (not negative) in decimal digits, as `"\(value)"` writes it.
    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &bytes) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
