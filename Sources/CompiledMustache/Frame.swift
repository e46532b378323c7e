/// A value on the context stack, seen from a field table that only knows its type.
@usableFromInline
class StackValue<Top> {
    @usableFromInline let top: Top
    @usableFromInline init(top: Top) { self.top = top }
}

/// One context of the stack: the innermost value `top` on the stack `rest`. A list section pushes
/// each item with its `index` and the list's `count` (what `first()`, `last()` and `index()` read);
/// other frames have a count of -1. A class, so that reading an outer context copies a reference,
/// never the models. The compiler knows the type of `rest` (the stack type it compiled the outer
/// contexts for) and reads it back with `unsafeBitCast`, which costs nothing: no dynamic cast.
@usableFromInline
final class Frame<Top>: StackValue<Top> {
    let rest: AnyObject
    let index: Int
    let count: Int

    @usableFromInline init(top: Top, rest: AnyObject, index: Int, count: Int) {
        self.rest = rest
        self.index = index
        self.count = count
        super.init(top: top)
    }
}

/// Makes the frame of a pushed value: made where `Top` is concrete, so that making a frame does not
/// look up generic metadata.
@usableFromInline
typealias PushFrame<Top> = @Sendable (Top, AnyObject, Int, Int) -> Frame<Top>

/// What the root frame stands on.
final class StackBottom: Sendable {
    static let shared = StackBottom()
}

/// Dynamic values pushed on a typed stack, innermost last: a section over a `TemplateValue` pushes
/// here without changing the stack's type, so templates can recurse over JSON-like data.
final class DynamicFrames {
    let entries: [DynamicEntry]
    let rest: AnyObject

    init(entries: [DynamicEntry], rest: AnyObject) {
        self.entries = entries
        self.rest = rest
    }

    func pushing(_ entry: DynamicEntry) -> DynamicFrames {
        DynamicFrames(entries: entries + [entry], rest: rest)
    }
}

/// A stack (always a class) as the untyped reference a frame keeps.
@inline(__always)
func erased<S>(_ stack: S) -> AnyObject { unsafeBitCast(stack, to: AnyObject.self) }

/// A frame's `rest` as the stack type the compiler knows it has.
@inline(__always)
func restored<S>(_ rest: AnyObject, as type: S.Type) -> S { unsafeBitCast(rest, to: S.self) }

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
