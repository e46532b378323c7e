/// The aliases of one language's causes and conditions, indexed by their first word so that finding
/// every mention in a text costs one dictionary look-up per word, however many entities there are.
public struct AliasIndex: Sendable {
    public struct Entry: Sendable {
        let alias: [Character]
        public let target: ContentKey
    }

    public struct Match {
        /// Character offsets in the searched text.
        public let range: Range<Int>
        public let target: ContentKey
    }

    /// Keyed by slices of the searched text, so that looking a word up allocates nothing.
    private var byFirstWord: [ArraySlice<Character>: [Entry]] = [:]

    public init(_ aliases: [(alias: String, target: ContentKey)]) {
        for (alias, target) in aliases {
            let characters = Array(alias.lowercased())
            guard let first = Self.firstWord(characters, from: 0) else { continue }
            byFirstWord[first, default: []].append(Entry(alias: characters, target: target))
        }
        for key in byFirstWord.keys {
            byFirstWord[key]!.sort { $0.alias.count != $1.alias.count ? $0.alias.count > $1.alias.count : String($0.alias) < String($1.alias) }
        }
    }

    public var isEmpty: Bool { byFirstWord.isEmpty }

    static func isWordCharacter(_ c: Character) -> Bool {
        // ASCII first: Unicode property look-ups dominate the build's time otherwise.
        if let ascii = c.asciiValue { return (0x30...0x39).contains(ascii) || (0x41...0x5A).contains(ascii) || (0x61...0x7A).contains(ascii) }
        return c.isLetter || c.isNumber
    }

    /// `c` in lowercase when that is one character, else `c` itself.
    static func lowercased(_ c: Character) -> Character {
        if let ascii = c.asciiValue { return (0x41...0x5A).contains(ascii) ? Character(Unicode.Scalar(ascii + 0x20)) : c }
        let l = c.lowercased()
        return l.count == 1 ? Character(l) : c
    }

    static func firstWord(_ text: [Character], from start: Int) -> ArraySlice<Character>? {
        var end = start
        while end < text.count, isWordCharacter(text[end]) { end += 1 }
        return end > start ? text[start..<end] : nil
    }

    /// Every whole-word mention in `text`, longest alias first at each position, left to right and not
    /// overlapping. A hyphenated compound (`anti-kram`) is not a mention; an Indonesian reduplication of
    /// the alias (`kram-kram`) is one mention covering both halves.
    public func matches(in text: String) -> [Match] {
        let original = Array(text)
        let lower = original.map(Self.lowercased)
        var result: [Match] = []
        var i = 0
        while i < lower.count {
            let startsWord = Self.isWordCharacter(lower[i]) && (i == 0 || !Self.isWordCharacter(lower[i - 1]))
            guard startsWord else { i += 1; continue }
            let secondHalfOfCompound = i >= 2 && lower[i - 1] == "-" && Self.isWordCharacter(lower[i - 2])
            if !secondHalfOfCompound, let word = Self.firstWord(lower, from: i), let candidates = byFirstWord[word] {
                if let found = firstMatch(candidates, in: lower, at: i) {
                    result.append(Match(range: i..<found.end, target: found.entry.target))
                    i = found.end
                    continue
                }
            }
            i += 1
        }
        return result
    }

    private func firstMatch(_ candidates: [Entry], in text: [Character], at start: Int) -> (entry: Entry, end: Int)? {
        for entry in candidates {
            if let end = match(entry, in: text, at: start) { return (entry, end) }
        }
        return nil
    }

    /// The end of the mention of `entry` at `start`, or nil when it is not a whole-word mention there.
    private func match(_ entry: Entry, in text: [Character], at start: Int) -> Int? {
        let alias = entry.alias
        let end = start + alias.count
        guard end <= text.count, text[start..<end].elementsEqual(alias) else { return nil }
        if end == text.count { return end }
        if Self.isWordCharacter(text[end]) { return nil }
        if text[end] == "-", end + 1 < text.count, Self.isWordCharacter(text[end + 1]) {
            // `kram-kram`: the reduplicated form is one mention; any other compound is none.
            let second = end + 1
            let secondEnd = second + alias.count
            if secondEnd <= text.count, text[second..<secondEnd].elementsEqual(alias),
               secondEnd == text.count || !(Self.isWordCharacter(text[secondEnd]) || text[secondEnd] == "-") {
                return secondEnd
            }
            return nil
        }
        return end
    }
}
