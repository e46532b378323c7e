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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        write(value, into: &bytes)
        return String(decoding: scriptSafe(bytes), as: UTF8.self)
    }

    /// JSON that can sit in a `<script>` whatever its strings hold: `<`, `>` and `&` (which could end
    /// the script or open a comment, `</script`, `<!--`) and U+2028, U+2029 written as `\u` escapes.
    /// They occur in JSON only inside strings, where the escape means the same character.
    private static func scriptSafe(_ utf8: [UInt8]) -> [UInt8] {
        guard utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") || $0 == 0xE2 })
        else { return utf8 }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            switch byte {
            case UInt8(ascii: "<"): bytes += "\\u003c".utf8
            case UInt8(ascii: ">"): bytes += "\\u003e".utf8
            case UInt8(ascii: "&"): bytes += "\\u0026".utf8
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8; other characters pass byte for byte.
            case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                bytes += (utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8
                i += 3
                continue
            default: bytes.append(byte)
            }
            i += 1
        }
        return bytes
    }

    private static func write(_ value: Value, into bytes: inout [UInt8]) {
        switch value {
        case let .string(string):
            append(string, to: &bytes)
        case let .bool(bool):
            bytes += (bool ? "true" : "false").utf8
        case let .integer(integer):
            bytes += String(integer).utf8
        case let .array(array):
            bytes.append(UInt8(ascii: "["))
            for (i, element) in array.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                write(element, into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case let .object(members):
            assert(zip(members, members.dropFirst()).allSatisfy { precedes($0.key, $1.key) },
                   "JSON-LD keys out of .sortedKeys order: \(members.map(\.key))")
            bytes.append(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                append(member.key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                write(member.value, into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string literal as `JSONString` writes it: the bytes as they are when nothing needs escaping.
    private static func append(_ string: String, to bytes: inout [UInt8]) {
        var string = string
        let plain = string.withUTF8 { utf8 in
            utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        }
        if plain {
            bytes.append(UInt8(ascii: "\""))
            string.withUTF8 { bytes.append(contentsOf: $0) }
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes += JSONString.quoted(string).utf8
        }
    }

    /// The order JSONSerialization's .sortedKeys uses on Linux.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.numeric, .caseInsensitive, .forcedOrdering], range: a.startIndex..<a.endIndex,
                  locale: NSLocale.system) == .orderedAscending
    }
}
