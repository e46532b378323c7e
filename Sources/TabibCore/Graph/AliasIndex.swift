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
        let targetNumber: Int
    }

    public struct Match {
        /// Where the mention is in the searched text; both bounds are Character boundaries.
        public let range: Range<String.Index>
        public let target: ContentKey
    }

    /// A mention found in UTF-8 bytes: byte offsets (Character boundaries), and its target's number.
    public struct ByteMatch {
        public let range: Range<Int>
        /// The target's number in this index: see `target(_:)` and `targetNumber(of:)`.
        public let targetNumber: Int
    }

    /// Every alias, grouped by first word; `byFirstWord` gives each group's range.
    private var entries: [Entry] = []
    /// `entries` as plain values, read while matching without retaining anything.
    private var heads: [EntryHead] = []
    /// The `bytes` of every entry one after another; `EntryHead.start` is where an entry's begin.
    private var aliasBytes: [UInt8] = []
    /// The distinct targets, numbered in order of first alias, so that a text's matches name them by number.
    private var targets: [ContentKey] = []
    private var targetNumbers: [ContentKey: Int] = [:]

    /// Keyed by the hash of the lowercased first word (`wordKey`), so that looking a word up allocates
    /// nothing. Words whose keys collide share a group; every candidate is compared Character by Character.
    private var byFirstWord = FirstWordTable([:])

    /// `byFirstWord` as an open-addressing table: its keys are hash values already, so that a look-up
    /// (one per word of every text) needs no `Hasher`. Each slot holds a range of `entries`.
    private struct FirstWordTable: Sendable {
        private var keys: [Int]
        private var starts: [Int]
        /// 0: a free slot.
        private var counts: [Int]
        private let mask: Int
        let isEmpty: Bool

        init(_ dictionary: [Int: Range<Int>]) {
            var size = 1
            while size < dictionary.count * 2 { size <<= 1 }
            keys = Array(repeating: 0, count: size)
            starts = Array(repeating: 0, count: size)
            counts = Array(repeating: 0, count: size)
            mask = size - 1
            isEmpty = dictionary.isEmpty
            for (key, range) in dictionary {
                var i = Self.slot(key) & mask
                while counts[i] != 0 { i = (i + 1) & mask }
                keys[i] = key
                starts[i] = range.lowerBound
                counts[i] = range.count
            }
        }

        private static func slot(_ key: Int) -> Int {
            let bits = UInt(bitPattern: key)
            return Int(truncatingIfNeeded: bits ^ bits >> 29)
        }

        /// The range of `entries` whose first word has `key`, or an empty range.
        func withLookUp<R>(_ body: ((Int) -> Range<Int>) -> R) -> R {
            keys.withUnsafeBufferPointer { keys in
                starts.withUnsafeBufferPointer { starts in
                    counts.withUnsafeBufferPointer { counts in
                        body { key in
                            var i = Self.slot(key) & mask
                            while counts[i] != 0 {
                                if keys[i] == key { return starts[i]..<starts[i] + counts[i] }
                                i = (i + 1) & mask
                            }
                            return 0..<0
                        }
                    }
                }
            }
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
            if targetNumbers[target] == nil {
                targetNumbers[target] = targets.count
                targets.append(target)
            }
            byFirstWord[key, default: []].append(Entry(characters: characters, bytes: bytes, target: target, targetNumber: targetNumbers[target]!))
        }
        var ranges: [Int: Range<Int>] = [:]
        for (key, list) in byFirstWord {
            let sorted = list.sorted { $0.characters.count != $1.characters.count ? $0.characters.count > $1.characters.count : String($0.characters) < String($1.characters) }
            ranges[key] = entries.count..<entries.count + sorted.count
            entries += sorted
        }
        for entry in entries {
            heads.append(EntryHead(start: aliasBytes.count, count: entry.bytes.count, targetNumber: entry.targetNumber,
                                   isBytes: !entry.bytes.contains(0)))
            aliasBytes += entry.bytes
        }
        self.byFirstWord = FirstWordTable(ranges)
    }

    public var isEmpty: Bool { byFirstWord.isEmpty }

    /// The target numbered `number` in `ByteMatch.targetNumber`.
    public func target(_ number: Int) -> ContentKey { targets[number] }

    /// The number `key` has as a target here, or nil when no alias leads to it.
    public func targetNumber(of key: ContentKey) -> Int? { targetNumbers[key] }

    /// How many distinct targets the aliases have: target numbers are below it.
    public var targetCount: Int { targets.count }

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
            matches(in: bytes, string: text).map { match in
                Match(range: Self.index(text, match.range.lowerBound)..<Self.index(text, match.range.upperBound), target: targets[match.targetNumber])
            }
        }
        guard let found else { preconditionFailure("a contiguous UTF-8 string gave no contiguous storage") }
        return found
    }

    private static func index(_ string: String, _ offset: Int) -> String.Index {
        string.utf8.index(string.utf8.startIndex, offsetBy: offset)
    }

    /// The mentions in valid UTF-8 `bytes`, as `matches(in:)` finds them in the same text as a String,
    /// without making a String unless the text has Characters that need one (combining marks and
    /// scripts beyond `ScalarFacts`).
    public func matches(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [ByteMatch] {
        matches(in: bytes, string: nil)
    }

    private func matches(in bytes: UnsafeBufferPointer<UInt8>, string: String?) -> [ByteMatch] {
        if byFirstWord.isEmpty { return [] }
        return ScalarFacts.table.withUnsafeBufferPointer { facts in
            entries.withUnsafeBufferPointer { entries in
                heads.withUnsafeBufferPointer { heads in
                    aliasBytes.withUnsafeBufferPointer { aliasBytes in
                        byFirstWord.withLookUp { lookUp in
                            var text = SearchedText(bytes: bytes, facts: facts, string: string)
                            let aliases = AliasTables(entries: entries, heads: heads, bytes: aliasBytes)
                            return matches(in: &text, aliases: aliases, lookUp: lookUp)
                        }
                    }
                }
            }
        }
    }

    private func matches(in text: inout SearchedText, aliases: AliasTables, lookUp: (Int) -> Range<Int>) -> [ByteMatch] {
        var result: [ByteMatch] = []
        // The kinds of the two Characters before `p`.
        var previous = CharacterKind.other
        var beforePrevious = CharacterKind.other
        var p = 0
        while p < text.count {
            let character = text.kind(at: p)
            guard character.kind == .word, previous != .word else {
                beforePrevious = previous
                previous = character.kind
                p = character.end
                continue
            }
            let word = text.firstWord(at: p)
            let secondHalfOfCompound = previous == .hyphen && beforePrevious == .word
            let candidates = secondHalfOfCompound ? 0..<0 : lookUp(word.key)
            if !candidates.isEmpty, let found = firstMatch(candidates, aliases, in: &text, at: p) {
                result.append(ByteMatch(range: p..<found.end, targetNumber: found.targetNumber))
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

    /// How many Characters after a word `firstMatch` reads once for all its candidates.
    private static let readAhead = 64

    private func firstMatch(_ candidates: Range<Int>, _ aliases: AliasTables, in text: inout SearchedText,
                            at start: Int) -> (targetNumber: Int, end: Int, lastKind: CharacterKind)? {
        // Many aliases share a first word (`radang …`, `gangguan …`): the Characters at `start` are read
        // once, and each alias of single ASCII bytes is compared with them byte by byte.
        withUnsafeTemporaryAllocation(of: ReadAhead.self, capacity: Self.readAhead) { reads in
            var decoded = 0
            var p = start
            for i in candidates {
                let head = aliases.heads[i]
                let first: (end: Int, lastKind: CharacterKind)?
                if head.isBytes, head.count <= Self.readAhead {
                    while decoded < head.count, p < text.count {
                        let c = text.character(at: p)
                        (reads.baseAddress! + decoded).initialize(to: ReadAhead(end: c.end, byte: c.byte, kind: c.kind))
                        decoded += 1
                        p = c.end
                    }
                    if decoded < head.count {
                        first = nil
                    } else {
                        var same = true
                        for k in 0..<head.count where reads[k].byte != aliases.bytes[head.start + k] { same = false; break }
                        first = same ? (reads[head.count - 1].end, reads[head.count - 1].kind) : nil
                    }
                } else {
                    first = text.compare(i, aliases, at: start)
                }
                if let first, let found = match(i, aliases, first: first, in: &text) { return (head.targetNumber, found.end, found.lastKind) }
            }
            return nil
        }
    }

    /// The end of the mention of entry `entry` whose alias reads as the text up to `first`, with the kind
    /// of its last Character, or nil when it is not a whole-word mention there.
    private func match(_ entry: Int, _ aliases: AliasTables, first: (end: Int, lastKind: CharacterKind),
                       in text: inout SearchedText) -> (end: Int, lastKind: CharacterKind)? {
        if first.end == text.count { return first }
        let next = text.character(at: first.end)
        if next.kind == .word { return nil }
        if next.kind == .hyphen, next.end < text.count, text.character(at: next.end).kind == .word {
            // `kram-kram`: the reduplicated form is one mention; any other compound is none.
            if let second = text.compare(entry, aliases, at: next.end) {
                if second.end == text.count { return second }
                let after = text.character(at: second.end).kind
                if after != .word, after != .hyphen { return second }
            }
            return nil
        }
        return first
    }
}

/// One Character read ahead by `firstMatch`: where it ends, its `SearchedText.Read.byte` and kind.
private struct ReadAhead {
    var end: Int
    var byte: UInt8
    var kind: CharacterKind
}

private enum CharacterKind { case word, hyphen, other }

/// What matching reads of an `AliasIndex.Entry`, as plain values.
private struct EntryHead {
    /// Where its bytes start in `AliasTables.bytes`, and how many there are (one per Character).
    var start: Int
    var count: Int
    var targetNumber: Int
    /// Whether every Character of the alias is one ASCII byte, so that its bytes alone say what it is.
    var isBytes: Bool
}

/// An `AliasIndex`'s entries as buffers, for one search.
private struct AliasTables {
    let entries: UnsafeBufferPointer<AliasIndex.Entry>
    let heads: UnsafeBufferPointer<EntryHead>
    let bytes: UnsafeBufferPointer<UInt8>
}

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
    let bytes: UnsafeBufferPointer<UInt8>
    let facts: UnsafeBufferPointer<ScalarFacts>
    /// The text as a String, made from `bytes` when a Character must be read through it.
    var string: String?

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

    /// The lowercased byte at `p` when it is a Character of its own, one ASCII byte other than CR
    /// (followed by the end or another ASCII byte), else nil: what `character(at:)` reads quickest.
    @inline(__always)
    func singleASCII(at p: Int) -> UInt8? {
        let b = bytes[p]
        guard b < 0x80, b != 0x0D, p + 1 == bytes.count || bytes[p + 1] < 0x80 else { return nil }
        return AliasIndex.lowercasedByte(b)
    }

    /// The kind of the Character at `p`, and where it ends.
    @inline(__always)
    mutating func kind(at p: Int) -> (kind: CharacterKind, end: Int) {
        if let lowercased = singleASCII(at: p) { return (Self.kind(ofByte: lowercased), p + 1) }
        let c = character(at: p)
        return (c.kind, c.end)
    }

    /// The Character starting at `p`, which must be a Character boundary.
    @inline(__always)
    mutating func character(at p: Int) -> Read {
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
    private mutating func nonASCIICharacter(at p: Int) -> Read {
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
        if string == nil { string = String(decoding: bytes, as: UTF8.self) }
        let string = string!
        let original = string[string.utf8.index(string.utf8.startIndex, offsetBy: p)]
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
    mutating func firstWord(at p: Int) -> (end: Int, key: Int) {
        var key = AliasIndex.emptyWordKey
        var p = p
        while p < bytes.count {
            if let lowercased = singleASCII(at: p) {
                guard AliasIndex.isWordByte(lowercased) else { break }
                key = AliasIndex.wordKey(key, adding: facts[Int(lowercased)].hash)
                p += 1
                continue
            }
            let c = character(at: p)
            guard c.kind == .word else { break }
            key = AliasIndex.wordKey(key, adding: c.factsIndex >= 0 ? facts[c.factsIndex].hash : c.other!.hashValue)
            p = c.end
        }
        return (p, key)
    }

    /// Where `entry`'s alias ends when the text at `start` reads as it does, with the kind of its last
    /// Character; nil when the text differs.
    mutating func compare(_ index: Int, _ aliases: AliasTables, at start: Int) -> (end: Int, lastKind: CharacterKind)? {
        let head = aliases.heads[index]
        guard head.isBytes else { return compare(aliases.entries[index], at: start) }
        var p = start
        var lastKind = CharacterKind.other
        for k in head.start..<head.start + head.count {
            guard p < bytes.count else { return nil }
            let c = character(at: p)
            // A Character that is not one ASCII byte has `byte` 0 and differs from every alias byte.
            guard c.byte == aliases.bytes[k] else { return nil }
            lastKind = c.kind
            p = c.end
        }
        return (p, lastKind)
    }

    mutating func compare(_ entry: AliasIndex.Entry, at start: Int) -> (end: Int, lastKind: CharacterKind)? {
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
