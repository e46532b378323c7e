/// The aliases of one language's causes and conditions, indexed by their first word so that finding
/// every mention in a text costs one dictionary look-up per word, however many entities there are.
///
/// Texts are compared as lowercased `Character`s, but read as UTF-8 bytes, with no `Character` made for
/// ASCII text and for the scalars of `ScalarFacts`; anything else (combining accents, other scripts)
/// goes through `Character`, so that grapheme clusters, Unicode letters and canonical equivalence
/// count exactly as they do in Swift's strings.
public struct AliasIndex: Sendable {
    fileprivate struct Entry: Sendable {
        /// The lowercased alias.
        let characters: [Character]
        /// The byte of each of `characters` that is a single ASCII byte, else 0.
        let bytes: [UInt8]
        let target: ContentKey
    }

    public struct Match {
        /// Where the mention is in the searched text; both bounds are Character boundaries.
        public let range: Range<String.Index>
        public let target: ContentKey
    }

    /// Keyed by the hash of the lowercased first word (`wordKey`), so that looking a word up allocates
    /// nothing. Words whose keys collide share a list; every candidate is compared Character by Character.
    private var byFirstWord = FirstWordTable([:])

    /// `byFirstWord` as an open-addressing table: its keys are hash values already, so that a look-up
    /// (one per word of every text) needs no `Hasher`.
    private struct FirstWordTable: Sendable {
        private var keys: [Int]
        /// nil: a free slot.
        private var lists: [[Entry]?]
        private let mask: Int
        let isEmpty: Bool

        init(_ dictionary: [Int: [Entry]]) {
            var size = 1
            while size < dictionary.count * 2 { size <<= 1 }
            keys = Array(repeating: 0, count: size)
            lists = Array(repeating: nil, count: size)
            mask = size - 1
            isEmpty = dictionary.isEmpty
            for (key, list) in dictionary {
                var i = Self.slot(key) & mask
                while lists[i] != nil { i = (i + 1) & mask }
                keys[i] = key
                lists[i] = list
            }
        }

        private static func slot(_ key: Int) -> Int {
            let bits = UInt(bitPattern: key)
            return Int(truncatingIfNeeded: bits ^ bits >> 29)
        }

        subscript(key: Int) -> [Entry]? {
            var i = Self.slot(key) & mask
            while let list = lists[i] {
                if keys[i] == key { return list }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    public init(_ aliases: [(alias: String, target: ContentKey)]) {
        var byFirstWord: [Int: [Entry]] = [:]
        for (alias, target) in aliases {
            let characters = Array(alias.lowercased())
            let firstWord = characters.prefix(while: Self.isWordCharacter)
            guard !firstWord.isEmpty else { continue }
            let key = firstWord.reduce(Self.emptyWordKey) { Self.wordKey($0, adding: $1.hashValue) }
            let bytes = characters.map { $0.utf8.count == 1 ? $0.utf8.first! : 0 }
            byFirstWord[key, default: []].append(Entry(characters: characters, bytes: bytes, target: target))
        }
        for key in byFirstWord.keys {
            byFirstWord[key]!.sort { $0.characters.count != $1.characters.count ? $0.characters.count > $1.characters.count : String($0.characters) < String($1.characters) }
        }
        self.byFirstWord = FirstWordTable(byFirstWord)
    }

    public var isEmpty: Bool { byFirstWord.isEmpty }

    static func isWordCharacter(_ c: Character) -> Bool {
        if let ascii = c.asciiValue { return isWordByte(ascii) }
        return c.isLetter || c.isNumber
    }

    static func isWordByte(_ ascii: UInt8) -> Bool {
        ascii &- 0x30 < 10 || ascii &- 0x41 < 26 || ascii &- 0x61 < 26
    }

    static func lowercasedByte(_ ascii: UInt8) -> UInt8 {
        ascii &- 0x41 < 26 ? ascii | 0x20 : ascii
    }

    /// `c` in lowercase when that is one character, else `c` itself.
    static func lowercased(_ c: Character) -> Character {
        if let ascii = c.asciiValue { return ascii &- 0x41 < 26 ? Character(Unicode.Scalar(ascii | 0x20)) : c }
        let l = c.lowercased()
        return l.count == 1 ? Character(l) : c
    }

    fileprivate static let emptyWordKey = 0

    /// A word's key: its lowercased Characters' hash values folded together, first to last.
    fileprivate static func wordKey(_ key: Int, adding characterHash: Int) -> Int {
        (key ^ characterHash) &* 0x100000001B3
    }

    /// Every whole-word mention in `text`, longest alias first at each position, left to right and not
    /// overlapping. A hyphenated compound (`anti-kram`) is not a mention; an Indonesian reduplication of
    /// the alias (`kram-kram`) is one mention covering both halves.
    public func matches(in text: String) -> [Match] {
        var text = text
        text.makeContiguousUTF8()
        let found = text.utf8.withContiguousStorageIfAvailable { bytes in
            ScalarFacts.table.withUnsafeBufferPointer { facts in
                matches(in: SearchedText(string: text, bytes: bytes, facts: facts))
            }
        }
        guard let found else { preconditionFailure("a contiguous UTF-8 string gave no contiguous storage") }
        return found
    }

    private func matches(in text: SearchedText) -> [Match] {
        var result: [Match] = []
        // The kinds of the two Characters before `p`.
        var previous = CharacterKind.other
        var beforePrevious = CharacterKind.other
        var p = 0
        while p < text.count {
            let character = text.character(at: p)
            guard character.kind == .word, previous != .word else {
                beforePrevious = previous
                previous = character.kind
                p = character.end
                continue
            }
            let word = text.firstWord(at: p)
            let secondHalfOfCompound = previous == .hyphen && beforePrevious == .word
            if !secondHalfOfCompound, let candidates = byFirstWord[word.key], let found = firstMatch(candidates, in: text, at: p) {
                result.append(Match(range: text.index(p)..<text.index(found.end), target: found.target))
                // The Character at `found.end` is no word character: no mention starts there, and the one
                // after it only needs to know whether the mention ended in a word character.
                previous = found.lastKind
                p = found.end
            } else {
                // No mention starts inside a word either.
                previous = .word
                p = word.end
            }
        }
        return result
    }

    private func firstMatch(_ candidates: [Entry], in text: SearchedText, at start: Int) -> (target: ContentKey, end: Int, lastKind: CharacterKind)? {
        for entry in candidates {
            if let found = match(entry, in: text, at: start) { return (entry.target, found.end, found.lastKind) }
        }
        return nil
    }

    /// The end of the mention of `entry` at `start`, with the kind of its last Character, or nil when it is
    /// not a whole-word mention there.
    private func match(_ entry: Entry, in text: SearchedText, at start: Int) -> (end: Int, lastKind: CharacterKind)? {
        guard let first = text.compare(entry, at: start) else { return nil }
        if first.end == text.count { return first }
        let next = text.character(at: first.end)
        if next.kind == .word { return nil }
        if next.kind == .hyphen, next.end < text.count, text.character(at: next.end).kind == .word {
            // `kram-kram`: the reduplicated form is one mention; any other compound is none.
            if let second = text.compare(entry, at: next.end) {
                if second.end == text.count { return second }
                let after = text.character(at: second.end).kind
                if after != .word, after != .hyphen { return second }
            }
            return nil
        }
        return first
    }
}

private enum CharacterKind { case word, hyphen, other }

/// What matching needs to know about each scalar below U+0800 (ASCII, Latin, Greek, Cyrillic, Hebrew,
/// Arabic) or in U+2000–U+207F (dashes, quotation marks), worked out once through `Character` itself.
private struct ScalarFacts {
    /// The scalar as a Character, lowercased as `AliasIndex.lowercased` does.
    var lowercased: Character
    /// `lowercased` when it is a single ASCII byte, else 0.
    var byte: UInt8
    var kind: CharacterKind
    var hash: Int
    /// Whether a scalar that does not `extendsCharacter` always starts a new Character after this one:
    /// false for the prepended marks (U+0600–U+0605 and others) and for format characters such as ZWJ.
    var standsAlone: Bool
    /// Whether it can join the Character before it: combining marks, ZWJ, spacing marks.
    var extendsCharacter: Bool

    static let punctuation = UInt32(0x2000)..<0x2080

    /// Indexed by scalar value below U+0800, then by `value - 0x2000 + 0x800` for `punctuation`.
    static let table: [ScalarFacts] = (UInt32(0)..<0x800).map(facts) + punctuation.map(facts)

    /// The index in `table` of the scalar at `p`, and its length, or nil for a scalar not in `table`.
    @inline(__always)
    static func tableIndex(_ bytes: UnsafeBufferPointer<UInt8>, at p: Int) -> (index: Int, length: Int)? {
        // `bytes` are valid UTF-8: a lead byte is followed by all its continuation bytes.
        let lead = bytes[p]
        if lead & 0xE0 == 0xC0 { return (Int(lead & 0x1F) << 6 | Int(bytes[p + 1] & 0x3F), 2) }
        if lead == 0xE2, bytes[p + 1] & 0xFE == 0x80 { return (0x800 + (Int(bytes[p + 1] & 0x01) << 6 | Int(bytes[p + 2] & 0x3F)), 3) }
        return nil
    }

    private static func facts(_ value: UInt32) -> ScalarFacts {
        let scalar = Unicode.Scalar(value)!
        let lowercased = AliasIndex.lowercased(Character(scalar))
        let byte = lowercased.utf8.count == 1 ? lowercased.utf8.first! : 0
        let kind: CharacterKind = AliasIndex.isWordCharacter(lowercased) ? .word : lowercased == "-" ? .hyphen : .other
        // Grapheme breaking as Swift's strings do it: no scalar in the table is a regional indicator or a
        // Hangul jamo, so `Prepend ×` and `× (Extend | ZWJ | SpacingMark)` are the rules left to find out.
        let standsAlone = scalar.properties.generalCategory != .format && (String(scalar) + "a").count == 2
        let extendsCharacter = ("a" + String(scalar)).count == 1
        return ScalarFacts(lowercased: lowercased, byte: byte, kind: kind, hash: lowercased.hashValue,
                           standsAlone: standsAlone, extendsCharacter: extendsCharacter)
    }
}

/// A searched text's UTF-8 bytes, read one lowercased Character at a time from Character boundaries.
private struct SearchedText {
    let string: String
    let bytes: UnsafeBufferPointer<UInt8>
    let facts: UnsafeBufferPointer<ScalarFacts>

    /// A lowercased Character of the text: `byte` when it is a single ASCII byte, else `other`.
    struct Read {
        var end: Int
        var byte: UInt8
        var other: Character?
        var kind: CharacterKind
        /// Where its hash is in `facts`, or -1 when it is not there.
        var factsIndex: Int
    }

    var count: Int { bytes.count }

    func index(_ offset: Int) -> String.Index {
        string.utf8.index(string.utf8.startIndex, offsetBy: offset)
    }

    /// The Character starting at `p`, which must be a Character boundary.
    @inline(__always)
    func character(at p: Int) -> Read {
        let b = bytes[p]
        let next = p + 1
        // Two ASCII bytes are two Characters, except CR LF.
        if b < 0x80, next == bytes.count || (bytes[next] < 0x80 && !(b == 0x0D && bytes[next] == 0x0A)) {
            let lowercased = AliasIndex.lowercasedByte(b)
            return Read(end: next, byte: lowercased, other: nil, kind: Self.kind(ofByte: lowercased), factsIndex: Int(lowercased))
        }
        return nonASCIICharacter(at: p)
    }

    private static func kind(ofByte lowercased: UInt8) -> CharacterKind {
        AliasIndex.isWordByte(lowercased) ? .word : lowercased == 0x2D ? .hyphen : .other
    }

    /// The Character starting at `p` that is not a single ASCII byte followed by another: read from
    /// `facts` when it is a scalar there that nothing joins, else through `Character`.
    private func nonASCIICharacter(at p: Int) -> Read {
        let scalar: (index: Int, length: Int)?
        if bytes[p] >= 0x80 {
            scalar = ScalarFacts.tableIndex(bytes, at: p)
        } else {
            // Followed by a non-ASCII byte, or the CR of CR LF.
            scalar = bytes[p] == 0x0D ? nil : (Int(bytes[p]), 1)
        }
        if let scalar, facts[scalar.index].standsAlone, startsCharacter(afterLoneScalarEndingAt: p + scalar.length) {
            let f = facts[scalar.index]
            return Read(end: p + scalar.length, byte: f.byte, other: f.byte == 0 ? f.lowercased : nil, kind: f.kind, factsIndex: scalar.index)
        }
        let original = string[index(p)]
        let end = p + original.utf8.count
        let c = AliasIndex.lowercased(original)
        if c.utf8.count == 1 {
            let byte = c.utf8.first!
            return Read(end: end, byte: byte, other: nil, kind: Self.kind(ofByte: byte), factsIndex: Int(byte))
        }
        let kind: CharacterKind = AliasIndex.isWordCharacter(c) ? .word : c == "-" ? .hyphen : .other
        return Read(end: end, byte: 0, other: c, kind: kind, factsIndex: -1)
    }

    /// Whether a Character starts at `p`, right after a scalar that `standsAlone`: at the end, at an ASCII
    /// byte, or at a scalar of `facts` that cannot extend a Character.
    private func startsCharacter(afterLoneScalarEndingAt p: Int) -> Bool {
        if p == bytes.count || bytes[p] < 0x80 { return true }
        guard let next = ScalarFacts.tableIndex(bytes, at: p) else { return false }
        return !facts[next.index].extendsCharacter
    }

    /// The run of word characters starting at `p`: its end, and its key in `AliasIndex.byFirstWord`.
    func firstWord(at p: Int) -> (end: Int, key: Int) {
        var key = AliasIndex.emptyWordKey
        var p = p
        while p < bytes.count {
            let c = character(at: p)
            guard c.kind == .word else { break }
            key = AliasIndex.wordKey(key, adding: c.factsIndex >= 0 ? facts[c.factsIndex].hash : c.other!.hashValue)
            p = c.end
        }
        return (p, key)
    }

    /// Where `entry`'s alias ends when the text at `start` reads as it does, with the kind of its last
    /// Character; nil when the text differs.
    func compare(_ entry: AliasIndex.Entry, at start: Int) -> (end: Int, lastKind: CharacterKind)? {
        var p = start
        var lastKind = CharacterKind.other
        for k in entry.characters.indices {
            guard p < bytes.count else { return nil }
            let c = character(at: p)
            if let other = c.other {
                guard other == entry.characters[k] else { return nil }
            } else if entry.bytes[k] != 0 {
                guard c.byte == entry.bytes[k] else { return nil }
            } else {
                guard Character(Unicode.Scalar(c.byte)) == entry.characters[k] else { return nil }
            }
            lastKind = c.kind
            p = c.end
        }
        return (p, lastKind)
    }
}
