/// Escaping for text that tabib itself writes into HTML and XML.
public enum HTML {
    public static func escape(_ text: String) -> String {
        // Most text has nothing to escape: hand it back without copying it scalar by scalar.
        var bytes = text
        guard bytes.withUTF8({ $0.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                                             || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") } }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
