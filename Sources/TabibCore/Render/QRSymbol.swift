/// A QR code's square of modules, dark or light, row by row: what libqrencode computes, kept so it can
/// be cached (`QRCodeCache`) and drawn as SVG without the library.
struct QRSymbol: Sendable, Equatable {
    /// Modules per side: 21 to 177.
    let width: Int
    /// One bit per module, row-major, dark = 1.
    private(set) var bits: [UInt8]

    init(width: Int) {
        self.width = width
        bits = [UInt8](repeating: 0, count: Self.byteCount(width: width))
    }

    /// From stored bytes; nil when they cannot be a symbol of that width.
    init?(width: Int, bits: [UInt8]) {
        guard (21...177).contains(width), (width - 17) % 4 == 0, bits.count == Self.byteCount(width: width) else { return nil }
        self.width = width
        self.bits = bits
    }

    static func byteCount(width: Int) -> Int { (width * width + 7) / 8 }

    mutating func setDark(_ index: Int) { bits[index >> 3] |= 1 << UInt8(index & 7) }

    func isDark(_ x: Int, _ y: Int) -> Bool {
        let index = y * width + x
        return bits[index >> 3] & (1 << UInt8(index & 7)) != 0
    }

    /// Inline SVG: one path of dark modules, with the quiet zone of four modules the standard asks for.
    func svg(label: String) -> String {
        let quiet = 4
        let size = width + 2 * quiet
        // One `M x yh n v1h-n z` per run of dark modules in a row, written as bytes.
        var path: [UInt8] = []
        path.reserveCapacity(width * width * 2)
        for y in 0..<width {
            var x = 0
            while x < width {
                guard isDark(x, y) else { x += 1; continue }
                var run = 1
                while x + run < width, isDark(x + run, y) { run += 1 }
                path.append(UInt8(ascii: "M"))
                Self.appendDecimal(x + quiet, to: &path)
                path.append(UInt8(ascii: " "))
                Self.appendDecimal(y + quiet, to: &path)
                path.append(UInt8(ascii: "h"))
                Self.appendDecimal(run, to: &path)
                path += "v1h-".utf8
                Self.appendDecimal(run, to: &path)
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
