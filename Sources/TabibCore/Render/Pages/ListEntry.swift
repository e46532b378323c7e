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

    init(card: LinkCard, alias: String?, order: AlphabeticalOrder?) {
        self.card = card
        self.alias = alias
        self.order = order
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
    static func alphabetical(_ kind: ContentKind, language: String, cards: [ContentKey: LinkCard], graph: SiteGraph) -> [ListEntry] {
        var entries: [ListEntry] = []
        for key in graph.keys(of: kind) {
            guard let card = cards[key] else { continue }
            let own = AlphabeticalOrder(card.title)
            entries.append(ListEntry(card: card, alias: nil, order: own))
            guard kind == .cause || kind == .condition, !card.otherLanguage, let file = graph.file(key, language: language) else { continue }
            var kept: [AlphabeticalOrder] = []
            for alias in file.meta.aliases.map({ written($0.value, in: card.title) }).map(AlphabeticalOrder.init).sorted()
            where !AlphabeticalOrder.foldedPrefix(alias, of: own) && !alias.folded.isEmpty && !kept.contains(where: { AlphabeticalOrder.foldedPrefix($0, of: alias) }) {
                kept.append(alias)
            }
            entries += kept.map { ListEntry(card: card, alias: $0.title, order: $0) }
        }
        return entries.sorted { a, b in a.order != b.order ? a.order! < b.order! : a.card.url < b.card.url }
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
