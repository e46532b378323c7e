/// The list a cause's or condition's page shows a first page of, and whose every entry is on its own
/// pages: the articles about it, what can cause it, and what it can lead to.
public enum EntityList: String, Sendable, Hashable, CaseIterable {
    case articles, causes, effects

    /// The section whose URL segment names the list's pages: `/id/kondisi/kram-otot/artikel/`.
    var section: Section {
        switch self {
        case .articles: .articles
        case .causes: .causes
        case .effects: .conditions
        }
    }
}

/// Where the pages of long lists live. A list's first page keeps the list's own address; page `n`
/// adds `n/` (`/id/artikel/2/`). An A–Z index split by letter has a page per letter below it
/// (`/id/kondisi/k/`, `/id/kondisi/0-9/` for `#`). A cause's or condition's lists are below its page,
/// named by the section they list (`/id/kondisi/kram-otot/artikel/`, `…/penyebab/`, `…/kondisi/`).
extension Routes {
    /// Page `number` (from 1) of the list whose first page is at `first`.
    public func page(_ number: Int, of first: String) -> String {
        number <= 1 ? first : first + "\(number)/"
    }

    /// The first page of one letter of a section's A–Z index.
    public func letter(_ letter: String, section: Section, language: String) -> String {
        index(section, language: language) + Self.letterSegment(letter) + "/"
    }

    /// `K` → `k`; `#` → `0-9`.
    static func letterSegment(_ letter: String) -> String {
        letter == "#" ? "0-9" : letter.lowercased()
    }

    /// The first page of an entity's list, below the entity's page in that language.
    public func entityList(_ list: EntityList, of key: ContentKey, language: String) -> String? {
        path(key, language: language).map { $0 + config.language(language)!.segment(list.section) + "/" }
    }

    /// How many pages a list of `count` entries takes at `pageSize` a page; an empty list has one.
    public static func pageCount(_ count: Int, pageSize: Int) -> Int {
        max(1, (count + pageSize - 1) / pageSize)
    }

    /// Why a page of `kind` cannot have `slug`, as the end of a sentence (`…, which …`): list pages are
    /// written there (`KindDescription.reservedSlugs`). Nil when it can. Slugs of digits alone are the
    /// pages of a paged index; slugs of one letter and `0-9` are the letter pages of an A–Z index.
    static func reservedSlugProblem(_ slug: String, kind: ContentKind) -> String? {
        switch kind.described.reservedSlugs {
        case .pageNumbers?:
            !slug.isEmpty && slug.allSatisfy(\.isASCII) && slug.allSatisfy(\.isNumber) ? "the \(kind.folder) index uses for its pages (/2/, /3/, …)" : nil
        case .letters?:
            slug.count == 1 && slug.first!.isLetter || slug == "0-9" ? "the A–Z index uses for its letter pages (/k/, /0-9/)" : nil
        case nil:
            nil
        }
    }
}
