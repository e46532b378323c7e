import Foundation

/// Turns the bytes of a content or template file into text: UTF-8 only, a byte-order mark dropped,
/// CRLF and lone CR read as LF. Invalid UTF-8 is reported at the line and column of the first bad byte.
enum SourceText {
    /// The largest file read: some 300 times the longest article shipped. cmark-gfm slows down more
    /// than linearly on some inputs (long tables), so a bound keeps every build and rebuild short.
    static let maximumBytes = 2 << 20

    static func decode(_ data: Data, path: String) -> Result<String, Diagnostic> {
        if data.count > maximumBytes {
            let size = data.count >= 10 << 20 ? "\(data.count >> 20) MB" : String(format: "%.1f MB", Double(data.count) / Double(1 << 20))
            return .failure(.error("file-too-large",
                "the file is \(size); tabib reads files of up to \(maximumBytes >> 20) MB: split it into smaller ones (an article is rarely over 100 KB).",
                at: SourceLocation(path: path)))
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // Valid text, as nearly every file is, is checked once, by the standard library.
        if var text = String(validating: bytes, as: UTF8.self) {
            if bytes.contains(UInt8(ascii: "\r")) {
                text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            }
            return .success(text)
        }
        if let bad = firstInvalidUTF8(bytes) {
            var line = 1
            var lineStart = 0
            for (i, b) in bytes[..<bad].enumerated() where b == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
            }
            let column = (String(decoding: bytes[lineStart..<bad], as: UTF8.self).unicodeScalars.count) + 1
            return .failure(.error("invalid-utf8",
                "the file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) here); save it as UTF-8 in your editor.",
                at: SourceLocation(path: path, line: line, column: column)))
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if bytes.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(text)
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b & 0x07)
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }
}
