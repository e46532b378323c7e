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
    /// The images of `content/images/` it shows, in order: a body is rendered again when one changes.
    public let images: [ImageUse]
    /// The HTML of its figures as a handout prints them, in order, without the screen-only ones.
    public let printedFigures: [String]

    public init(html: String, anchors: Set<String>, links: [PageLink], redFlags: [String], mentions: [ContentKey], diagnostics: [Diagnostic],
                reviewPassages: [ReviewPassage] = [], linkedAliases: [String] = [], images: [ImageUse] = [], printedFigures: [String] = []) {
        self.html = html
        self.anchors = anchors
        self.links = links
        self.redFlags = redFlags
        self.mentions = mentions
        self.diagnostics = diagnostics
        self.reviewPassages = reviewPassages
        self.linkedAliases = linkedAliases
        self.images = images
        self.printedFigures = printedFigures
    }
}

/// An image a body shows, with the fingerprint of what it read of it (nil: the image was missing).
public struct ImageUse: Sendable, Hashable {
    public var name: String
    public var fingerprint: String?
}
