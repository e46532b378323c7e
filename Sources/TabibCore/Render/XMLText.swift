/// Escaping for the text tabib writes into XML (the sitemap and the feeds): well-formed for every
/// string. Markup characters are escaped as in HTML; characters XML 1.0 cannot hold at all (control
/// characters other than tab and line breaks, U+FFFE, U+FFFF) become U+FFFD, the replacement character.
enum XMLText {
    static func escape(_ text: String) -> String {
        let escaped = HTML.escape(text)
        guard escaped.unicodeScalars.contains(where: { !isAllowed($0) }) else { return escaped }
        var result = ""
        result.reserveCapacity(escaped.utf8.count)
        for scalar in escaped.unicodeScalars {
            result.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
        }
        return result
    }

    /// `escape(text)`'s UTF-8 bytes, appended to `bytes`: copied as they are when nothing needs escaping,
    /// which a byte tells: markup characters, control characters, and the lead byte of U+FFFE and U+FFFF.
    static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        let plain = text.withUTF8 { utf8 in
            !utf8.contains { byte in
                byte < 0x20 || byte == 0xEF || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                    || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            }
        }
        if plain { bytes += text.utf8 } else { bytes += escape(text).utf8 }
    }

    /// `escape(text)`'s UTF-8 bytes.
    static func escaped(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        return bytes
    }

    /// Whether XML 1.0 allows the scalar in a document (its `Char` production).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
