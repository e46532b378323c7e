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
