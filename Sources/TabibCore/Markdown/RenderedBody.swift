/// A Markdown body turned into HTML, with what the rest of the build needs to know about it. Never
/// changed once rendered, and shared (not copied) by the pages and the cache between builds.
public final class RenderedBody: Sendable {
    public let html: String
    /// The ids of its headings, for `#anchor` links.
    public let anchors: Set<String>
    public let links: [PageLink]
    /// The HTML of its see-a-doctor and emergency callouts, in order: printed on handouts.
    public let redFlags: [String]
    /// The entities it auto-linked, in order of first mention.
    public let mentions: [ContentKey]
    public let diagnostics: [Diagnostic]
    /// Its passages awaiting clinical review, in order (left out of the HTML unless it is a preview).
    public let reviewPassages: [ReviewPassage]
    /// The aliases (lowercased) that made its auto-links, in order.
    public let linkedAliases: [String]

    public init(html: String, anchors: Set<String>, links: [PageLink], redFlags: [String], mentions: [ContentKey], diagnostics: [Diagnostic],
                reviewPassages: [ReviewPassage] = [], linkedAliases: [String] = []) {
        self.html = html
        self.anchors = anchors
        self.links = links
        self.redFlags = redFlags
        self.mentions = mentions
        self.diagnostics = diagnostics
        self.reviewPassages = reviewPassages
        self.linkedAliases = linkedAliases
    }
}
