import Foundation
import Yams

/// Splits a content file into front matter and body and reads the front matter into `FrontMatter`,
/// checking the keys its kind allows, the required ones, and every value's type.
struct FrontMatterParser {
    static let entityKinds = ["disease", "symptom", "lifestyle", "medication", "physiological-state",
                              "injury", "nutrition", "environment"]

    /// The text between the opening and closing `---`, and the body after it.
    struct Split {
        var yaml: String
        var body: String
        var bodyStartLine: Int
    }

    static func split(_ text: String, path: String, kind: ContentKind) -> Result<Split, Diagnostic> {
        if text.unicodeScalars.allSatisfy(blankScalars.contains) {
            return .failure(.error("empty-file",
                "the file is empty; start it with front matter between two '---' lines (\(kind.described.requiredKeys.joined(separator: ", ")) are required) or delete it.",
                at: SourceLocation(path: path, line: 1, column: 1)))
        }
        // Lines are read up to the closing fence only; the body is the rest of the text as it stands.
        var lines = Lines(text: text, position: text.startIndex)
        guard let opening = lines.next(), isFence(opening) else {
            return .failure(.error("missing-front-matter",
                "the file does not start with front matter; put a line '---', the keys (\(kind.described.requiredKeys.joined(separator: ", "))) and another '---' at the top.",
                at: SourceLocation(path: path, line: 1, column: 1)))
        }
        var yaml: [Substring] = []
        var number = 1
        while let line = lines.next() {
            number += 1
            if isFence(line) {
                return .success(Split(yaml: yaml.joined(separator: "\n"), body: String(lines.rest), bodyStartLine: number + 1))
            }
            yaml.append(line)
        }
        return .failure(.error("unclosed-front-matter",
            "the front matter that starts here has no closing '---'; add a line '---' after its last key.",
            at: SourceLocation(path: path, line: 1, column: 1)))
    }

    /// The lines of a text one at a time, as `split(separator: "\n", omittingEmptySubsequences: false)` gives them.
    private struct Lines {
        let text: String
        var position: String.Index
        var finished = false

        mutating func next() -> Substring? {
            guard !finished else { return nil }
            if let newline = text.utf8[position...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { position = text.utf8.index(after: newline) }
                return text[position..<newline]
            }
            finished = true
            defer { position = text.endIndex }
            return text[position...]
        }

        /// What follows the last line read.
        var rest: Substring { text[position...] }
    }

    private static let spaceScalars = CharacterSet.whitespaces
    private static let blankScalars = CharacterSet.whitespacesAndNewlines

    /// Whether a line is `---`, with any spaces or tabs around it: the same as comparing it trimmed of
    /// `.whitespaces`, without bridging every line to NSString.
    static func isFence(_ line: Substring) -> Bool {
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !spaceScalars.contains($0) }),
              let last = scalars.lastIndex(where: { !spaceScalars.contains($0) }) else { return false }
        return scalars[first...last].elementsEqual("---".unicodeScalars)
    }

    /// Reads the front matter of one file; returns nil when it has errors (all of them reported).
    static func parse(_ yaml: String, path: String, kind: ContentKind, languages: Set<String>, today: Day = .today) -> (FrontMatter?, [Diagnostic]) {
        var reader = YAMLValueReader(path: path, lineOffset: 1)
        guard let root = reader.compose(yaml) else {
            if reader.diagnostics.isEmpty {
                reader.diagnostics.append(.error("missing-key",
                    "the front matter is empty; add \(kind.described.requiredKeys.map { "'\($0)'" }.joined(separator: ", ")).",
                    at: SourceLocation(path: path, line: 1, column: 1)))
            }
            return (nil, reader.diagnostics)
        }
        var meta = FrontMatter()
        let pairs = reader.mapping(root, what: "the front matter of \(kind.described.noun)",
                                   allowed: kind.described.allowedKeys, renamed: kind.described.renamedKeys)
        for (key, keyNode, value) in pairs {
            meta.keyLocations[key] = reader.location(keyNode)
            switch key {
            case "title": meta.title = reader.string(value, key: key) ?? ""
            case "summary": meta.summary = reader.string(value, key: key)
            case "date": meta.date = reader.day(value, key: key); meta.dateLocations[key] = reader.location(value)
            case "reviewed": meta.reviewed = reader.day(value, key: key); meta.dateLocations[key] = reader.location(value)
            case "nextReview": meta.nextReview = reader.day(value, key: key); meta.dateLocations[key] = reader.location(value)
            case "draft": meta.draft = reader.bool(value, key: key) ?? false
            case "slug":
                if let slug = reader.string(value, key: key) {
                    if let problem = slugProblem(slug) {
                        reader.error("bad-slug", "the slug '\(slug)' \(problem); use lowercase letters, digits and '-' only, such as 'kram-otot'.", value)
                    } else {
                        meta.slug = Located(slug, at: reader.location(value))
                    }
                }
            case "kind":
                if let text = reader.string(value, key: key) {
                    if entityKinds.contains(text) {
                        meta.entityKind = text
                    } else {
                        var notes = ["known kinds: \(entityKinds.joined(separator: ", "))."]
                        if let guess = Suggestion.closest(to: text, in: entityKinds) { notes.insert("did you mean '\(guess)'?", at: 0) }
                        reader.error("unknown-kind", "unknown kind '\(text)'; use one of the known kinds or leave 'kind' out.", value, notes: notes)
                    }
                }
            case "aliases": (meta.aliases, meta.confirmedAliases) = aliases(value, reader: &reader)
            case "conditions": meta.conditions = reader.strings(value, key: key)
            case "causes": meta.causes = causes(value, reader: &reader)
            case "sources": meta.sources = sources(value, reader: &reader)
            case "clinicalReview":
                let fields = reader.mapping(value, what: "'clinicalReview'", allowed: ["name", "credential", "date"])
                var name: String?, credential: String?, date: Day?
                for (k, _, v) in fields {
                    switch k {
                    case "name": name = reader.string(v, key: "clinicalReview.name")
                    case "credential": credential = reader.string(v, key: "clinicalReview.credential")
                    default:
                        date = reader.day(v, key: "clinicalReview.date")
                        meta.dateLocations["clinicalReview.date"] = reader.location(v)
                    }
                }
                if let name, let date { meta.clinicalReview = ClinicalReview(name: name, credential: credential, date: date) }
                else if value.mapping != nil {
                    let missing = ["name", "date"].filter { key in !fields.contains { $0.key == key } }.map { "'\($0)'" }
                    if !missing.isEmpty {
                        reader.error("missing-key", "'clinicalReview' needs \(missing.joined(separator: " and ")): who checked the article and on which day, as {name: …, credential: …, date: YYYY-MM-DD}.", value)
                    }
                }
            case "review":
                let fields = reader.mapping(value, what: "'review'", allowed: ["flag", "note"])
                var flag: String?, note: String?
                for (k, _, v) in fields {
                    if k == "flag" { flag = reader.string(v, key: "review.flag") } else { note = reader.string(v, key: "review.note") }
                }
                if let flag {
                    if flag == "needs-clinical-review" { meta.review = ReviewFlag(flag: flag, note: note) }
                    else {
                        reader.error("unknown-review-flag", "unknown review flag '\(flag)'; the flag a clinician must clear is 'needs-clinical-review'.", value)
                    }
                } else if value.mapping != nil {
                    reader.error("missing-key", "'review' needs a 'flag' (needs-clinical-review) and a 'note' saying what to check.", value)
                }
            case "handout":
                for (_, _, v) in reader.mapping(value, what: "'handout'", allowed: ["keyPoints"]) {
                    meta.handoutPoints = reader.strings(v, key: "handout.keyPoints").map(\.value)
                }
            case "translation":
                var from: String?, reviewed = false, date: Day?
                for (k, _, v) in reader.mapping(value, what: "'translation'", allowed: ["from", "reviewed", "date"]) {
                    switch k {
                    case "from":
                        from = reader.string(v, key: "translation.from")
                        if let code = from, !languages.contains(code) {
                            reader.error("unknown-language", "'translation.from' names the language '\(code)', which site.yaml does not list; use one of: \(languages.sorted().joined(separator: ", ")).", v)
                        }
                    case "reviewed": reviewed = reader.bool(v, key: "translation.reviewed") ?? false
                    default:
                        date = reader.day(v, key: "translation.date")
                        meta.dateLocations["translation.date"] = reader.location(v)
                    }
                }
                if let from { meta.translation = TranslationInfo(from: from, reviewed: reviewed, date: date) }
            default: break
            }
        }
        let present = Set(pairs.map(\.key))
        for key in kind.described.requiredKeys where !present.contains(key) {
            reader.diagnostics.append(.error("missing-key",
                "the required key '\(key)' is missing; add '\(key): …' to the front matter.",
                at: SourceLocation(path: path, line: 1, column: 1)))
        }
        reader.diagnostics += DateRules.check(meta, today: today)
        return (reader.diagnostics.hasErrors ? nil : meta, reader.diagnostics)
    }

    static func slugProblem(_ slug: String) -> String? {
        if slug.contains("/") { return "contains '/'" }
        if slug.contains("..") { return "contains '..'" }
        if slug.contains("\\") { return "contains '\\'" }
        if !slug.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            return "contains characters other than lowercase letters, digits and '-'"
        }
        if slug.hasPrefix("-") || slug.hasSuffix("-") { return "starts or ends with '-'" }
        return nil
    }

    private static func causes(_ node: Node, reader: inout YAMLValueReader) -> [CauseReference] {
        var result: [CauseReference] = []
        for item in reader.sequence(node, key: "causes") {
            switch item {
            case .scalar:
                if let id = reader.string(item, key: "causes") {
                    result.append(CauseReference(cause: Located(id, at: reader.location(item)), targets: nil))
                }
            case let .mapping(mapping) where mapping.count == 1:
                let (keyNode, value) = mapping.first!
                guard let id = reader.string(keyNode, key: "causes") else { continue }
                let targets = reader.strings(value, key: "causes.\(id)")
                result.append(CauseReference(cause: Located(id, at: reader.location(keyNode)), targets: targets))
            default:
                reader.error("wrong-type", "each entry of 'causes' must be an id ('- dehidrasi') or an id with its targets ('- diabetes: [neuropati-perifer]').", item)
            }
        }
        return result
    }

    /// `aliases: [kram, {text: tangan, confirmed: true}]`: lowercased, with the confirmed ones apart.
    private static func aliases(_ node: Node, reader: inout YAMLValueReader) -> ([Located<String>], Set<String>) {
        var aliases: [Located<String>] = [], confirmed: Set<String> = []
        let items: [Node] = node.sequence.map(Array.init) ?? [node]
        for item in items {
            guard item.mapping != nil else {
                if let text = reader.string(item, key: "aliases") { aliases.append(Located(text.lowercased(), at: reader.location(item))) }
                continue
            }
            var text: String?, isConfirmed = false
            for (k, _, v) in reader.mapping(item, what: "an alias", allowed: ["text", "confirmed"]) {
                if k == "text" { text = reader.string(v, key: "aliases.text") } else { isConfirmed = reader.bool(v, key: "aliases.confirmed") ?? false }
            }
            guard let text else {
                reader.error("missing-key", "an alias written as a mapping needs its 'text', as {text: tangan, confirmed: true}.", item)
                continue
            }
            aliases.append(Located(text.lowercased(), at: reader.location(item)))
            if isConfirmed { confirmed.insert(text.lowercased()) }
        }
        return (aliases, confirmed)
    }

    private static func sources(_ node: Node, reader: inout YAMLValueReader) -> [SourceReference] {
        var result: [SourceReference] = []
        for item in reader.sequence(node, key: "sources") {
            var title: String?, url: String?, kind: SourceKind?
            for (k, _, v) in reader.mapping(item, what: "a source", allowed: ["title", "url", "kind"]) {
                if k == "title" { title = reader.string(v, key: "sources.title") }
                else if k == "kind" {
                    guard let text = reader.string(v, key: "sources.kind") else { continue }
                    kind = SourceKind(rawValue: text)
                    if kind == nil {
                        let known = SourceKind.allCases.map(\.rawValue)
                        var notes = ["known kinds: \(known.joined(separator: ", "))."]
                        if let guess = Suggestion.closest(to: text, in: known) { notes.insert("did you mean '\(guess)'?", at: 0) }
                        reader.error("unknown-source-kind", "unknown source kind '\(text)'; say what the source is with one of the known kinds, or leave 'kind' out.", v, notes: notes)
                    }
                }
                else if let text = reader.string(v, key: "sources.url") {
                    if text.hasPrefix("https://") || text.hasPrefix("http://") { url = text }
                    else { reader.error("bad-url", "the source URL '\(text)' must start with https:// or http://; leave 'url' out when you are not certain of it.", v) }
                }
            }
            if let title { result.append(SourceReference(title: title, url: url, kind: kind, location: reader.location(item))) }
            else if item.mapping != nil { reader.error("missing-key", "a source needs a 'title'.", item) }
        }
        return result
    }
}
