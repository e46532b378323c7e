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

/// A value on the context stack, seen from a field table that only knows its type.
@usableFromInline
class StackValue<Top> {
    @usableFromInline let top: Top
    init(top: Top) { self.top = top }
}

/// The context stack, as a type: the innermost value `top` on the stack `rest`. A list section pushes
/// each item with its `index` and the list's `count` (what `first()`, `last()` and `index()` read);
/// other frames have a count of -1. A class, so that reading an outer context copies a reference,
/// never the models.
final class Frame<Top, Rest>: StackValue<Top> {
    let rest: Rest
    let index: Int
    let count: Int

    init(top: Top, rest: Rest, index: Int, count: Int) {
        self.rest = rest
        self.index = index
        self.count = count
        super.init(top: top)
    }
}

/// Dynamic values pushed on a typed stack `Rest`, innermost last: a section over a `TemplateValue`
/// pushes here without changing the stack's type, so templates can recurse over JSON-like data.
final class DynamicFrames<Rest> {
    let entries: [DynamicEntry]
    let rest: Rest

    init(entries: [DynamicEntry], rest: Rest) {
        self.entries = entries
        self.rest = rest
    }

    func pushing(_ entry: DynamicEntry) -> DynamicFrames<Rest> {
        DynamicFrames(entries: entries + [entry], rest: rest)
    }
}

struct DynamicEntry {
    let value: TemplateValue
    let index: Int
    /// The list's count for a list item, -1 otherwise.
    let count: Int
}

/// Where the innermost list is: the item's index and the list's count.
struct ListPosition {
    let index: Int
    let count: Int
}

/// A render box filled after compiling: how a template that recurses over dynamic data refers to itself.
final class RenderBox<S>: @unchecked Sendable {
    // Written only while compiling, before any render can read it.
    var render: Render<S>?
}
