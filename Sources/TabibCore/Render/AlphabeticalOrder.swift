import Foundation

/// How A–Z lists sort and group titles, the same on every machine (no locale of the build's host):
/// case-, diacritic- and width-insensitive (`Édème` sorts and groups with `Edema`), punctuation as
/// a space between words and none at either end (`"Kram"` is under K, before `Kram otot`), numbers by value (`Tipe 2` before `Tipe 10`), and
/// everything that does not start with a letter from A to Z after folding (digits, other scripts)
/// under `#`, after Z. Indonesian and English both sort by the plain Latin alphabet.
struct AlphabeticalOrder: Comparable, Sendable {
    /// The group's place: 0–25 for A–Z, 26 for `#`.
    let rank: Int
    /// The title folded, its letters and digits with one space for every run of anything else between
    /// them, as Unicode scalars.
    let folded: [Unicode.Scalar]
    /// The title as written, to order titles that fold alike.
    let title: String

    init(_ title: String) {
        self.title = title
        let text = title.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        // Letters and digits, every run of anything else one space, none at either end.
        var scalars: [Unicode.Scalar] = []
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingSpace, !scalars.isEmpty { scalars.append(" ") }
                pendingSpace = false
                scalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        folded = scalars
        if let first = scalars.first, ("a"..."z").contains(first) {
            rank = Int(first.value - Unicode.Scalar("a").value)
        } else {
            rank = Self.otherRank
        }
    }

    static let otherRank = 26

    /// The group's letter: `A`…`Z`, or `#`.
    var letter: String { Self.letters[rank] }

    static func letter(_ rank: Int) -> String {
        rank == otherRank ? "#" : String(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(rank))))
    }

    /// Every group an A–Z bar shows, in order: `A`…`Z`, `#`.
    static let letters: [String] = (0...otherRank).map(letter)

    static func < (a: Self, b: Self) -> Bool {
        if a.rank != b.rank { return a.rank < b.rank }
        switch compare(a.folded, b.folded) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return a.title < b.title
        }
    }

    static func == (a: Self, b: Self) -> Bool { a.rank == b.rank && a.folded == b.folded && a.title == b.title }

    /// Scalar by scalar, except that runs of digits compare by their value.
    static func compare(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> ComparisonResult {
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if isDigit(a[i]), isDigit(b[j]) {
                var endA = i, endB = j
                while endA < a.count, isDigit(a[endA]) { endA += 1 }
                while endB < b.count, isDigit(b[endB]) { endB += 1 }
                let x = a[i..<endA].drop { $0 == "0" }, y = b[j..<endB].drop { $0 == "0" }
                if x.count != y.count { return x.count < y.count ? .orderedAscending : .orderedDescending }
                for (p, q) in zip(x, y) where p != q { return p.value < q.value ? .orderedAscending : .orderedDescending }
                i = endA
                j = endB
                continue
            }
            if a[i] != b[j] { return a[i].value < b[j].value ? .orderedAscending : .orderedDescending }
            i += 1
            j += 1
        }
        if a.count - i == b.count - j { return .orderedSame }
        return a.count - i < b.count - j ? .orderedAscending : .orderedDescending
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// Whether `prefix`, folded, begins `text`, folded.
    static func foldedPrefix(_ prefix: AlphabeticalOrder, of text: AlphabeticalOrder) -> Bool {
        prefix.folded.count <= text.folded.count && Array(text.folded.prefix(prefix.folded.count)) == prefix.folded
    }
}
