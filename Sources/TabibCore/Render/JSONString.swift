/// A JSON string literal, written the way `JSONSerialization` writes it; `forScript` also escapes
/// `<`, U+2028 and U+2029 so the literal can sit inside a `<script>` or on one event-stream line.
public enum JSONString {
    public static func quoted(_ string: String, forScript: Bool = false) -> String {
        var text = ""
        append(string, to: &text, forScript: forScript)
        return text
    }

    public static func append(_ string: String, to text: inout String, forScript: Bool = false) {
        text += "\""
        var bytes = string
        let plain = bytes.withUTF8 { $0.allSatisfy { byte in
            byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
                && !(forScript && (byte == UInt8(ascii: "<") || byte == 0xE2))
        } }
        if plain {
            text += string
            text += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\u{8}": text += "\\b"
            case "\u{c}": text += "\\f"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{0}"..."\u{1f}":
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case "<" where forScript: text += "\\u003c"
            case "\u{2028}" where forScript: text += "\\u2028"
            case "\u{2029}" where forScript: text += "\\u2029"
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
