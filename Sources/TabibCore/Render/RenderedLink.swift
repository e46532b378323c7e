import Mustache

/// A link already rendered through `partials/link`, as `{{{link}}}` shows it. Being custom-renderable,
/// swift-mustache takes its text at the first type check instead of trying every other kind of value
/// and then describing a string.
struct RenderedLink: MustacheCustomRenderable {
    let renderText: String
    var isNull: Bool { false }
}
