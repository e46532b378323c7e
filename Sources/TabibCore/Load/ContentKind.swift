/// What a file under `content/<lang>/` is, from the folder it is in. What tabib knows of a kind is
/// its `KindDescription`; how its pages are rendered and listed is its `PageKind` (Render/).
public enum ContentKind: String, Sendable, CaseIterable, Hashable {
    case article, cause, condition, page

    /// Everything the loader and the graph know of this kind.
    public var described: KindDescription {
        switch self {
        case .article: .article
        case .cause: .cause
        case .condition: .condition
        case .page: .page
        }
    }

    /// The folder under `content/<lang>/`.
    public var folder: String { described.folder }
    /// The section whose URL segment (`site.yaml`'s `sections`) names it.
    public var section: Section { described.section }

    /// `articles, causes, conditions or pages`.
    static var folderList: String {
        let folders = allCases.map(\.folder)
        return folders.dropLast().joined(separator: ", ") + " or " + folders.last!
    }

    public init?(folder: String) {
        guard let kind = ContentKind.allCases.first(where: { $0.folder == folder }) else { return nil }
        self = kind
    }

    /// Causes and conditions: the nodes of the graph.
    public var isEntity: Bool { described.isEntity }
}

/// A kind of content, described once: its folder, its URL section, the front-matter keys it allows
/// and requires, and its part in the graph. A new kind is a new description here, a case of
/// `ContentKind`, and its `PageKind` and template.
public struct KindDescription: Sendable {
    /// The folder under `content/<lang>/`; also the key of its URL segment in `site.yaml`'s `sections`.
    public let folder: String
    /// Whether its pages live under its section's segment (`/id/artikel/x/`) or at the language's root (`/id/x/`).
    public let underSection: Bool
    /// The front-matter keys a file must have, and all those it may have (`FrontMatterParser`).
    public let requiredKeys: [String]
    public let allowedKeys: [String]
    /// Keys that tabib used to read, with what to write instead.
    public let renamedKeys: [String: String]
    /// Causes and conditions: the nodes of the graph, with aliases that auto-link.
    public let isEntity: Bool
    /// What a message calls one of them: "an article".
    public let noun: String
    /// The slugs its files may not have because its index's further pages use them; nil: none.
    public var reservedSlugs: ReservedSlugs? = nil

    public var section: Section { Section(folder) }

    static let article = KindDescription(
        folder: "articles", underSection: true,
        requiredKeys: ["title", "summary", "date", "reviewed"],
        allowedKeys: ["title", "summary", "date", "reviewed", "nextReview", "clinicalReview", "conditions", "causes",
                      "sources", "review", "handout", "translation", "draft", "slug"],
        renamedKeys: [
            "reviewer": "'reviewer' no longer exists: a clinical review is recorded with its day, as 'clinicalReview: {name: …, credential: …, date: YYYY-MM-DD}'; write it only once a clinician has checked the article.",
        ],
        isEntity: false, noun: "an article", reservedSlugs: .pageNumbers)

    static let cause = KindDescription(
        folder: "causes", underSection: true,
        requiredKeys: ["title", "summary", "aliases"],
        allowedKeys: ["title", "summary", "aliases", "kind", "translation", "draft", "slug"],
        renamedKeys: [:], isEntity: true, noun: "a cause", reservedSlugs: .letters)

    static let condition = KindDescription(
        folder: "conditions", underSection: true,
        requiredKeys: ["title", "summary", "aliases"],
        allowedKeys: ["title", "summary", "aliases", "kind", "translation", "draft", "slug"],
        renamedKeys: [:], isEntity: true, noun: "a condition", reservedSlugs: .letters)

    static let page = KindDescription(
        folder: "pages", underSection: false,
        requiredKeys: ["title"],
        allowedKeys: ["title", "summary", "date", "reviewed", "translation", "draft", "slug"],
        renamedKeys: [:], isEntity: false, noun: "a page")
}

/// The slugs of a kind's index's further pages, below its section, which its files may not have.
public enum ReservedSlugs: Sendable {
    /// The pages of a paged index: `2`, `3`, …
    case pageNumbers
    /// The letter pages of an A–Z index: `k`, `0-9`.
    case letters
}
