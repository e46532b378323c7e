import Foundation

extension String {
    /// The same as `trimmingCharacters(in: .whitespacesAndNewlines)`, without bridging to NSString when
    /// the text starts and ends with a visible ASCII character, as nearly every value does.
    func trimmedOfWhitespaceAndNewlines() -> String {
        startsAndEndsVisibleASCII ? self : trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The same as `trimmingCharacters(in: .whitespaces)`, with the shortcut of `trimmedOfWhitespaceAndNewlines()`.
    func trimmedOfWhitespace() -> String {
        startsAndEndsVisibleASCII ? self : trimmingCharacters(in: .whitespaces)
    }

    /// No character set of Foundation's holds a character from `!` to `~`.
    private var startsAndEndsVisibleASCII: Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
    }
}
