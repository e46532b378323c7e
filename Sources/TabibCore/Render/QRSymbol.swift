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
        var svg: [UInt8] = []
        svg.reserveCapacity(width * width * 3 + 512)
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ".utf8
        Self.appendDecimal(size, to: &svg)
        svg.append(UInt8(ascii: " "))
        Self.appendDecimal(size, to: &svg)
        svg += "\" class=\"qr\" role=\"img\" aria-label=\"".utf8
        svg += HTML.escape(label).utf8
        svg += "\" shape-rendering=\"crispEdges\"><rect width=\"".utf8
        Self.appendDecimal(size, to: &svg)
        svg += "\" height=\"".utf8
        Self.appendDecimal(size, to: &svg)
        svg += "\" fill=\"#fff\"/><path d=\"".utf8
        // One `M x yh n v1h-n z` per run of dark modules in a row: at most 20 bytes a run (three digits
        // a number), at most (width + 1) / 2 runs a row.
        let runs = width * ((width + 1) / 2)
        let path = [UInt8](unsafeUninitializedCapacity: runs * 20) { out, count in
            var at = 0
            @inline(__always) func put(_ byte: UInt8) {
                out[at] = byte
                at += 1
            }
            @inline(__always) func decimal(_ value: Int) {
                if value >= 100 { put(UInt8(ascii: "0") + UInt8(value / 100)) }
                if value >= 10 { put(UInt8(ascii: "0") + UInt8(value / 10 % 10)) }
                put(UInt8(ascii: "0") + UInt8(value % 10))
            }
            bits.withUnsafeBufferPointer { bits in
                @inline(__always) func isDark(_ index: Int) -> Bool { bits[index &>> 3] & (1 &<< UInt8(index & 7)) != 0 }
                for y in 0..<width {
                    let row = y * width
                    var x = 0
                    while x < width {
                        guard isDark(row + x) else { x += 1; continue }
                        var run = 1
                        while x + run < width, isDark(row + x + run) { run += 1 }
                        put(UInt8(ascii: "M"))
                        decimal(x + quiet)
                        put(UInt8(ascii: " "))
                        decimal(y + quiet)
                        put(UInt8(ascii: "h"))
                        decimal(run)
                        put(UInt8(ascii: "v"))
                        put(UInt8(ascii: "1"))
                        put(UInt8(ascii: "h"))
                        put(UInt8(ascii: "-"))
                        decimal(run)
                        put(UInt8(ascii: "z"))
                        x += run
                    }
                }
            }
            count = at
        }
        svg += path
        svg += "\" fill=\"#000\"/></svg>".utf8
        return String(decoding: svg, as: UTF8.self)
    }

    /// `value` (0 to 999: a coordinate or a run) in decimal digits, as `"\(value)"` writes it.
    @inline(__always)
    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        let zero = UInt8(ascii: "0")
        if value >= 100 { bytes.append(zero + UInt8(value / 100)) }
        if value >= 10 { bytes.append(zero + UInt8(value / 10 % 10)) }
        bytes.append(zero + UInt8(value % 10))
    }
}
