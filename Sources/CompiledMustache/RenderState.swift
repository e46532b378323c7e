/// What rendering writes to: the page's bytes, and how deep dynamic recursion has gone.
struct RenderState {
    var bytes: [UInt8]
    var depth = 0
    var recursions = 0

    @inline(__always)
    mutating func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// `text` with & < > " ' written as &amp; &lt; &gt; &quot; &#39;, byte for byte.
    mutating func writeEscaped(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let replacement: StaticString
                switch utf8[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
                replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                start = index + 1
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
    }

    mutating func write(_ text: String, escaped: Bool) {
        if escaped { writeEscaped(text) } else { write(text) }
    }
}

/// A compiled piece of template: writes what it shows for the context stack `S`.
typealias Render<S> = @Sendable (S, inout RenderState) -> Void
