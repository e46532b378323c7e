import Foundation

/// Structured data as a `<script type="application/ld+json">` body that cannot end the script early.
enum JSONLD {
    /// A JSON value whose object members are written in the order given. Pages build their objects
    /// with the keys already in the order `JSONSerialization`'s `.sortedKeys` puts them, so that no
    /// page sorts keys (debug builds check the order).
    enum Value {
        case string(String)
        case bool(Bool)
        case integer(Int)
        case array([Value])
        case object([(key: String, value: Value)])
    }

    static func encode(_ value: Value) -> String {
        var text = ""
        write(value, into: &text)
        return scriptSafe(text)
    }

    /// JSON that can sit in a `<script>` whatever its strings hold: `<`, `>` and `&` (which could end
    /// the script or open a comment, `</script`, `<!--`) and U+2028, U+2029 written as `\u` escapes.
    /// They occur in JSON only inside strings, where the escape means the same character.
    private static func scriptSafe(_ text: String) -> String {
        var bytes = text
        guard bytes.withUTF8({ $0.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") || $0 == 0xE2 } })
        else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func write(_ value: Value, into text: inout String) {
        switch value {
        case let .string(string):
            JSONString.append(string, to: &text)
        case let .bool(bool):
            text += bool ? "true" : "false"
        case let .integer(integer):
            text += String(integer)
        case let .array(array):
            text += "["
            for (i, element) in array.enumerated() {
                if i > 0 { text += "," }
                write(element, into: &text)
            }
            text += "]"
        case let .object(members):
            assert(zip(members, members.dropFirst()).allSatisfy { precedes($0.key, $1.key) },
                   "JSON-LD keys out of .sortedKeys order: \(members.map(\.key))")
            text += "{"
            for (i, member) in members.enumerated() {
                if i > 0 { text += "," }
                JSONString.append(member.key, to: &text)
                text += ":"
                write(member.value, into: &text)
            }
            text += "}"
        }
    }

    /// The order JSONSerialization's .sortedKeys uses on Linux.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.numeric, .caseInsensitive, .forcedOrdering], range: a.startIndex..<a.endIndex,
                  locale: NSLocale.system) == .orderedAscending
    }
}
