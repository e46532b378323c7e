import Foundation

/// Structured data as a `<script type="application/ld+json">` body that cannot end the script early.
enum JSONLD {
    static func encode(_ object: [String: Any]) -> String {
        var text = ""
        if !write(object, into: &text) {
            // A value of a type the writer does not know: Foundation's serializer decides.
            guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
                  let serialized = String(data: data, encoding: .utf8) else { return "{}" }
            text = serialized
        }
        guard text.utf8.contains(UInt8(ascii: "<")) else { return text }
        return text.replacingOccurrences(of: "</", with: "<\\/").replacingOccurrences(of: "<!--", with: "<\\!--")
    }

    /// Writes what `JSONSerialization` writes with `[.sortedKeys, .withoutEscapingSlashes]`, byte for
    /// byte, for strings, booleans, arrays and string-keyed dictionaries, several times faster; false
    /// for any other value.
    static func write(_ value: Any, into text: inout String) -> Bool {
        switch value {
        case let string as String:
            writeString(string, into: &text)
        case let bool as Bool:
            text += bool ? "true" : "false"
        case let dictionary as [String: Any]:
            text += "{"
            // The order JSONSerialization's .sortedKeys uses on Linux.
            let keys = dictionary.keys.sorted {
                $0.compare($1, options: [.numeric, .caseInsensitive, .forcedOrdering], range: $0.startIndex..<$0.endIndex,
                           locale: NSLocale.system) == .orderedAscending
            }
            for (i, key) in keys.enumerated() {
                if i > 0 { text += "," }
                writeString(key, into: &text)
                text += ":"
                guard write(dictionary[key]!, into: &text) else { return false }
            }
            text += "}"
        case let array as [Any]:
            text += "["
            for (i, element) in array.enumerated() {
                if i > 0 { text += "," }
                guard write(element, into: &text) else { return false }
            }
            text += "]"
        default:
            return false
        }
        return true
    }

    private static func writeString(_ string: String, into text: inout String) {
        JSONString.append(string, to: &text)
    }
}
