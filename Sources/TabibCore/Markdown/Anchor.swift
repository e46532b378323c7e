/// Heading anchors: the heading's text in lowercase, every run of characters other than letters and
/// digits turned into one `-` (`Apa Penyebab Kejang Otot?` → `apa-penyebab-kejang-otot`).
enum Anchor {
    static func slug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(character)
            } else {
                pendingDash = true
            }
        }
        return result.isEmpty ? "bagian" : result
    }
}
