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
    /// Its headings in order (not the callouts' titles), as the page shows them. They follow from
    /// `html`, so a page that shows them reads the body (`PageInput.body`) and nothing more.
    public let headings: [BodyHeading]

    public init(html: String, anchors: Set<String>, links: [PageLink], redFlags: [String], mentions: [ContentKey], diagnostics: [Diagnostic],
                reviewPassages: [ReviewPassage] = [], linkedAliases: [String] = [], images: [ImageUse] = [], printedFigures: [String] = [],
                headings: [BodyHeading] = []) {
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
        self.headings = headings
    }
}

/// An image a body shows, with the fingerprint of what it read of it (nil: the image was missing).
public struct ImageUse: Sendable, Hashable {
    public var name: String
    public var fingerprint: String?
}

/// A heading of a body: its level on the page (`2` for `<h2>`; body headings start at h2), the `id`
/// the body gives it, and its text without markup, for a table of contents.
public struct BodyHeading: Sendable, Hashable {
    public var level: Int
    public var anchor: String
    public var text: String
}
