import TabibCore
/// What the server tells an open page over its Server-Sent Events stream.
enum LiveEvent: Sendable, Equatable {
    /// What the page shows has changed: load it again.
    case reload
    /// The last rebuild failed: show this overlay (HTML, already escaped) over the page.
    case failure(overlay: String)
    /// Nothing happened; keeps idle connections from being dropped and finds closed ones.
    case ping

    /// The event in the `text/event-stream` format.
    var text: String {
        switch self {
        case .reload: "event: reload\ndata: {}\n\n"
        case let .failure(overlay): "event: failure\ndata: {\"html\":\(Self.jsonString(overlay))}\n\n"
        case .ping: ": ping\n\n"
        }
    }

    /// A JSON string literal; it never holds a line break, so it fits on one `data:` line.
    static func jsonString(_ text: String) -> String { JSONString.quoted(text, forScript: true) }
}
