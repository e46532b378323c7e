/// "Did you mean …?": the closest candidate by edit distance, when it is close enough to be a likely typo
/// (front matter keys, language folders, ids, and the command line's subcommands).
public enum Suggestion {
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        var best: (String, Int, Bool)?
        for candidate in candidates {
            let lowered = Array(candidate.lowercased())
            let distance = editDistance(target, lowered)
            // Among equally close candidates, prefer one the typed word is a subsequence of: a dropped
            // letter ('reviewd' → 'reviewed', not 'review') is the commonest typo.
            let dropped = isSubsequence(target, of: lowered)
            if best == nil || distance < best!.1
                || (distance == best!.1 && dropped && !best!.2)
                || (distance == best!.1 && dropped == best!.2 && candidate < best!.0) {
                best = (candidate, distance, dropped)
            }
        }
        guard let (candidate, distance, _) = best else { return nil }
        let limit = max(2, min(target.count, candidate.count) / 3)
        return distance <= limit ? candidate : nil
    }

    static func isSubsequence(_ word: [Character], of candidate: [Character]) -> Bool {
        var i = 0
        for c in candidate where i < word.count && c == word[i] { i += 1 }
        return i == word.count
    }

    /// Damerau–Levenshtein distance (optimal string alignment): a swapped pair of letters counts once.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = Swift.min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
