import Foundation
import CompiledMustache

/// One line of an A–Z list: a page's card, or another name of a cause or condition that leads to it
/// ("Kejang otot → Kram Otot"). Made once per language and kind (`PageParts.alphabetical`).
struct ListEntry: Sendable, Equatable, TemplateModel {
    /// The page the line links to.
    let card: LinkCard
    /// The other name, its first letter upper-case; nil on the page's own line.
    let alias: String?
    /// Where the line sorts: by the alias when there is one, else by the card's title; nil on a list
    /// that keeps the order it is given (a cause's articles), which has no letters.
    let order: AlphabeticalOrder?
    /// The page's key on an A–Z list (`alphabetical`), which a quick build updates by key.
    let key: ContentKey?

    init(card: LinkCard, alias: String?, order: AlphabeticalOrder?, key: ContentKey? = nil) {
        self.card = card
        self.alias = alias
        self.order = order
        self.key = key
    }

    /// The A–Z group the line is in, as `AlphabeticalOrder.rank` numbers them (`#` on an unsorted list).
    var rank: Int { order?.rank ?? AlphabeticalOrder.otherRank }

    /// The A–Z group the line is in: `A`…`Z`, or `#`.
    var letter: String { AlphabeticalOrder.letters[rank] }

    static func == (a: ListEntry, b: ListEntry) -> Bool {
        a.alias == b.alias && a.order == b.order && InputComparison.same(a.card, b.card)
    }

    static var templateFields: TemplateFields<ListEntry> {
        TemplateFields.embedding({ $0.card }, LinkCard.templateFields).adding(["alias": .text { $0.alias }])
    }
}

extension ListEntry {
    /// The cards of every page of a kind in a language, A–Z, and for causes and conditions the other
    /// names of the pages written in that language: each alias that does not begin the title (a reader
    /// finds `Kram otot` at `Kram Otot Terkait Latihan` itself, but looks for `Kejang otot` under its own
    /// words, next to K's other entries), unless a shorter alias of the same page begins it (`cramp`
    /// stands for `cramps` and `cramping`).
    ///
    /// With `previous` (this list before the cards of `changed` were made again, the graph the same),
    /// only the lines of the changed keys are made again and merged into the others, which keep their
    /// places: the same list, without folding every title again.
    static func alphabetical(_ kind: ContentKind, language: String, cards: [ContentKey: LinkCard], graph: SiteGraph,
                             updating previous: [ListEntry]? = nil, changed: Set<ContentKey> = []) -> [ListEntry] {
        guard let previous else {
            return graph.keys(of: kind).flatMap { lines(of: $0, language: language, cards: cards, graph: graph) }.sorted(by: inOrder)
        }
        let fresh = changed.filter { $0.kind == kind }.flatMap { lines(of: $0, language: language, cards: cards, graph: graph) }.sorted(by: inOrder)
        let kept = previous.filter { !changed.contains($0.key!) }
        // Both sorted: merged.
        var merged: [ListEntry] = []
        merged.reserveCapacity(kept.count + fresh.count)
        var (i, j) = (0, 0)
        while i < kept.count || j < fresh.count {
            if j == fresh.count || (i < kept.count && !inOrder(fresh[j], kept[i])) {
                merged.append(kept[i])
                i += 1
            } else {
                merged.append(fresh[j])
                j += 1
            }
        }
        return merged
    }

    /// How an A–Z list orders its lines: by where they sort, then by address.
    static func inOrder(_ a: ListEntry, _ b: ListEntry) -> Bool {
        a.order != b.order ? a.order! < b.order! : a.card.url < b.card.url
    }

    /// The lines of one page on its kind's A–Z list in a language: its own, and its other names.
    private static func lines(of key: ContentKey, language: String, cards: [ContentKey: LinkCard], graph: SiteGraph) -> [ListEntry] {
        guard let card = cards[key] else { return [] }
        let own = AlphabeticalOrder(card.title)
        let line = ListEntry(card: card, alias: nil, order: own, key: key)
        guard key.kind == .cause || key.kind == .condition, !card.otherLanguage, let file = graph.file(key, language: language) else { return [line] }
        var kept: [AlphabeticalOrder] = []
        for alias in file.meta.aliases.map({ written($0.value, in: card.title) }).map(AlphabeticalOrder.init).sorted()
        where !AlphabeticalOrder.foldedPrefix(alias, of: own) && !alias.folded.isEmpty && !kept.contains(where: { AlphabeticalOrder.foldedPrefix($0, of: alias) }) {
            kept.append(alias)
        }
        return [line] + kept.map { ListEntry(card: card, alias: $0.title, order: $0, key: key) }
    }

    /// An alias as a line of the list shows it: as the title writes it when the title holds it
    /// (`eamc` in `Kram Otot Terkait Latihan (EAMC)` is `EAMC`), its first letter upper-case
    /// (`kejang otot` → `Kejang otot`).
    static func written(_ alias: String, in title: String) -> String {
        let text = title.range(of: alias, options: [.caseInsensitive]).map { String(title[$0]) } ?? alias
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
