import Foundation

/// A request target turned into a key of the built site (`id/artikel/x/index.html`), or rejected.
///
/// The site is served from memory, so no key can name a file outside the output; the checks here
/// make the rejection explicit: a `..` or `.` segment (also percent-encoded, also behind an encoded
/// `%2f`), a backslash, a control character, an empty segment, a malformed escape or invalid UTF-8
/// is refused instead of being normalised into some other page.
struct RequestPath: Equatable {
    /// The decoded segments, none empty, none `.` or `..`.
    let segments: [String]
    /// Whether the path ends in `/` (or is the root).
    let isFolder: Bool

    init?(target: String) {
        let path = target.prefix { $0 != "?" && $0 != "#" }
        guard path.first == "/", let bytes = Self.percentDecoded(path.utf8.dropFirst()) else { return nil }
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }),
              let decoded = String(bytes: bytes, encoding: .utf8) else { return nil }
        var parts = decoded.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        isFolder = parts.last == ""
        if isFolder { parts.removeLast() }
        guard !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return nil }
        segments = parts
    }

    /// The output key for this path: a folder means its `index.html`.
    var key: String {
        let joined = segments.joined(separator: "/")
        if isFolder { return joined.isEmpty ? "index.html" : joined + "/index.html" }
        return joined
    }

    /// The key of the folder's index, for redirecting `/x` to `/x/`.
    var folderIndexKey: String? {
        isFolder ? nil : segments.joined(separator: "/") + "/index.html"
    }

    /// The path of the folder form, percent-encoded again, for a `Location` header.
    var folderLocation: String {
        "/" + segments.map(Self.percentEncoded).joined(separator: "/") + "/"
    }

    static func percentDecoded(_ input: some Collection<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var iterator = input.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { output.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            output.append(high << 4 | low)
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Keeps RFC 3986's unreserved characters and the sub-delimiters allowed in a segment.
    static func percentEncoded(_ segment: String) -> String {
        var result = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }
}
