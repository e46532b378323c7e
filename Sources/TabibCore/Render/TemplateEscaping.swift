import Mustache

/// How `{{name}}` escapes text in tabib's templates: byte for byte what swift-mustache's own HTML
/// content type writes, without its dictionary lookup for every character, which made escaping a
/// tenth of a build. `TemplateSet` puts it in force at the top of every template.
struct TemplateEscaping: MustacheContentType {
    static let name = "TABIB_HTML"
    /// The tag that puts it in force, on a line of its own so that the template's first line stays first.
    static let pragma = "{{%CONTENT_TYPE:\(name)}}\n"
    static let registered: Void = MustacheContentTypes.register(TemplateEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        var special = false, ascii = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): special = true
            case 0x80...: ascii = false
            default: break
            }
        }
        guard special else { return text }
        if ascii {
            // Every ASCII byte is a character of its own here (only "\r\n" is not, and it is never escaped).
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count + 32)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "&"): bytes += "&amp;".utf8
                case UInt8(ascii: "<"): bytes += "&lt;".utf8
                case UInt8(ascii: ">"): bytes += "&gt;".utf8
                case UInt8(ascii: "\""): bytes += "&quot;".utf8
                case UInt8(ascii: "'"): bytes += "&#39;".utf8
                default: bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        // Whole characters, as swift-mustache compares them: "<" followed by a combining mark is another
        // character and stays as it is.
        var result = ""
        result.reserveCapacity(text.utf8.count + 32)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
