/// A value from front matter together with where it was written.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// `clinicalReview: {name: …, credential: …, date: …}`: a clinician checked the article's medical
/// content on that day. Apart from `reviewed`, the last editorial review, which anyone may do.
public struct ClinicalReview: Sendable, Hashable {
    public var name: String
    public var credential: String?
    public var date: Day
}

/// What kind of work a source is, from the strongest a reader can check to the weakest.
public enum SourceKind: String, Sendable, Hashable, CaseIterable {
    case guideline, review, organisation, news, opinion

    /// News and personal opinion: an article resting on them alone is not resting on evidence.
    public var isWeak: Bool { self == .news || self == .opinion }
}

public struct SourceReference: Sendable, Hashable {
    public var title: String
    public var url: String?
    public var kind: SourceKind?
    /// Where the source's entry starts in the front matter.
    public var location: SourceLocation
}

/// `review: {flag: needs-clinical-review, note: …}`: the whole article must wait for a clinician.
public struct ReviewFlag: Sendable, Hashable {
    public var flag: String
    public var note: String?
}

/// `translation: {from: id, reviewed: false, date: …}` on a translated file.
public struct TranslationInfo: Sendable, Hashable {
    public var from: String
    public var reviewed: Bool
    public var date: Day?
}

/// One entry of an article's `causes:` — a cause id, and the ids it leads to when the entry names them.
public struct CauseReference: Sendable, Hashable {
    public var cause: Located<String>
    /// nil: every condition of the article.
    public var targets: [Located<String>]?
}

/// The typed front matter of any content file; which keys a kind allows is checked while reading.
public struct FrontMatter: Sendable, Equatable {
    public var title = ""
    public var summary: String?
    public var date: Day?
    public var reviewed: Day?
    public var nextReview: Day?
    public var clinicalReview: ClinicalReview?
    public var conditions: [Located<String>] = []
    public var causes: [CauseReference] = []
    public var sources: [SourceReference] = []
    public var review: ReviewFlag?
    public var handoutPoints: [String] = []
    public var translation: TranslationInfo?
    public var draft = false
    public var slug: Located<String>?
    public var aliases: [Located<String>] = []
    /// Aliases written as `{text: …, confirmed: true}`: the writer means them to link even where
    /// they are common words, so the auto-link checks leave them alone.
    public var confirmedAliases: Set<String> = []
    public var entityKind: String?
    /// Where each top-level key was written, for diagnostics about its value.
    public var keyLocations: [String: SourceLocation] = [:]
    /// Where each date was written (`date`, `reviewed`, `nextReview`, `clinicalReview.date`,
    /// `translation.date`), for diagnostics about the date itself.
    public var dateLocations: [String: SourceLocation] = [:]
}

/// A content file after loading: its identity, its front matter and its Markdown body. Never changed
/// once read, and shared (not copied) by every stage and by the caches between builds.
public final class ContentFile: Sendable {
    /// Relative to the site root, e.g. `content/id/articles/kejang-otot-di-kaki.md`.
    public let path: String
    public let kind: ContentKind
    public let language: String
    /// The language-independent id: the file name without `.md`.
    public let id: String
    public let meta: FrontMatter
    public let body: String
    /// The line of the file on which the body starts (1-based), to map Markdown positions to the file.
    public let bodyStartLine: Int

    public init(path: String, kind: ContentKind, language: String, id: String, meta: FrontMatter, body: String, bodyStartLine: Int) {
        self.path = path
        self.kind = kind
        self.language = language
        self.id = id
        self.meta = meta
        self.body = body
        self.bodyStartLine = bodyStartLine
    }

    /// The key under which translations of one another meet.
    public var key: ContentKey { ContentKey(kind: kind, id: id) }
}

/// A page's identity across languages.
public struct ContentKey: Hashable, Sendable, Comparable {
    public var kind: ContentKind
    public var id: String
    public static func < (lhs: ContentKey, rhs: ContentKey) -> Bool {
        (lhs.kind.rawValue, lhs.id) < (rhs.kind.rawValue, rhs.id)
    }
    /// The medical disclaimer, `pages/disclaimer.md`, which handouts print and every page links to.
    public static let disclaimer = ContentKey(kind: .page, id: "disclaimer")
}

extension ContentFile {
    /// The URL segment of its page and handout: its `slug`, else its id.
    var slug: String { meta.slug?.value ?? id }
}

extension FrontMatter {
    /// When the next review is due: `nextReview`, else `reviewed` plus the site's review interval; nil without `reviewed`.
    func nextReviewDue(intervalMonths: Int) -> Day? {
        reviewed.map { nextReview ?? $0.adding(months: intervalMonths) }
    }
}
