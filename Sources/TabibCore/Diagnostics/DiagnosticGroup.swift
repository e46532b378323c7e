/// One mistake, one message: diagnostics that say the same thing (same severity, code, message and
/// notes) in several places, shown once with the first place in full and a count of the others.
///
/// A message that names the page being rendered (`while rendering /id/x/: …`) is the same mistake on
/// every page: the pages are its places.
public struct DiagnosticGroup: Sendable, Equatable {
    /// The first of them, in the order diagnostics are sorted; shown in full.
    public var first: Diagnostic
    /// Where else the same was found, in order: `path:line:col`, or the page being rendered.
    public var otherPlaces: [String]
    /// What the places are, in the plural, for "and 1,998 other articles".
    public var placeNoun: (singular: String, plural: String)

    public static func == (lhs: DiagnosticGroup, rhs: DiagnosticGroup) -> Bool {
        lhs.first == rhs.first && lhs.otherPlaces == rhs.otherPlaces
    }

    /// How many places are listed by name before the rest are counted.
    public static let placesNamed = 3

    /// The diagnostics in groups, sorted by each group's first place.
    public static func grouping(_ diagnostics: [Diagnostic]) -> [DiagnosticGroup] {
        struct Key: Hashable {
            var severity: Diagnostic.Severity
            var code: String
            var message: String
            var notes: [String]
            /// For messages about the page being rendered, the template they point at.
            var templateLocation: SourceLocation?
        }
        var order: [Key] = []
        var members: [Key: [(Diagnostic, String?)]] = [:]
        for diagnostic in diagnostics.sorted() {
            let (page, message) = renderedPage(diagnostic.message)
            let key = Key(severity: diagnostic.severity, code: diagnostic.code, message: message, notes: diagnostic.notes,
                          templateLocation: page == nil ? nil : diagnostic.location)
            if members[key] == nil { order.append(key) }
            members[key, default: []].append((diagnostic, page))
        }
        return order.map { key in
            let list = members[key]!
            let places = list.dropFirst().map { diagnostic, page in page ?? diagnostic.location?.description ?? "" }
            let noun = list.contains { $0.1 != nil } ? ("page", "pages") : noun(for: list.compactMap { $0.0.location?.path })
            return DiagnosticGroup(first: list[0].0, otherPlaces: places, placeNoun: noun)
        }
    }

    /// `also in A, B and 1,998 other articles.`; nil when the diagnostic was found in one place only.
    public var alsoIn: String? {
        guard !otherPlaces.isEmpty else { return nil }
        let named = otherPlaces.count <= Self.placesNamed ? otherPlaces : Array(otherPlaces.prefix(Self.placesNamed - 1))
        let rest = otherPlaces.count - named.count
        var parts = named
        if rest > 0 { parts.append("\(Self.grouped(rest)) other \(rest == 1 ? placeNoun.singular : placeNoun.plural)") }
        let list = parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
        return "also in \(list)."
    }

    /// The page a `while rendering /id/x/: …` message names, and the message without it.
    static func renderedPage(_ message: String) -> (page: String?, message: String) {
        let prefix = "while rendering "
        guard message.hasPrefix(prefix), let colon = message.range(of: ": ") else { return (nil, message) }
        let page = message[message.index(message.startIndex, offsetBy: prefix.count)..<colon.lowerBound]
        guard !page.isEmpty, !page.contains(" ") else { return (nil, message) }
        return (String(page), String(message[colon.upperBound...]))
    }

    /// `articles` when every place is an article (`content/<lang>/articles/…`), and so on; else `places`.
    static func noun(for paths: [String]) -> (String, String) {
        let folders = Set(paths.map { path -> String? in
            let parts = path.split(separator: "/")
            guard parts.count == 4, parts[0] == "content" else { return nil }
            return String(parts[2])
        })
        guard folders.count == 1, let folder = folders.first ?? nil, let kind = ContentKind(folder: folder) else {
            return ("place", "places")
        }
        return (kind.rawValue, kind.folder)
    }

    /// `1,998`: a count as the messages write it.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var text = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
