/// A template compiled for one root type: rendering only calls the tables' accessors and appends bytes.
public struct CompiledTemplate<Root>: Sendable {
    let body: Render<Frame<Root>>

    /// Appends the rendered UTF-8 bytes. No string splitting, dictionary lookup or dynamic cast per tag
    /// (except lookups by name inside `TemplateValue`s). Templates recursing over dynamic data stop
    /// expanding 200 nesting levels deep, and after 10 000 expansions in one render.
    public func render(_ root: Root, into buffer: inout [UInt8]) {
        var state = RenderState(bytes: [])
        swap(&state.bytes, &buffer)
        body(Frame(top: root, rest: StackBottom.shared, index: 0, count: -1), &state)
        swap(&state.bytes, &buffer)
    }

    public func render(_ root: Root) -> [UInt8] {
        var bytes: [UInt8] = []
        render(root, into: &bytes)
        return bytes
    }
}
