import Yams

/// Reads typed values out of a composed YAML tree, turning every problem into a diagnostic at the
/// value's `path:line:col` instead of throwing at the first one.
struct YAMLValueReader {
    let path: String
    /// Lines before the YAML text in its file (1 for front matter, after the opening `---`).
    let lineOffset: Int
    var diagnostics: [Diagnostic] = []

    init(path: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
    }

    func location(_ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    mutating func error(_ code: String, _ message: String, _ node: Node, notes: [String] = []) {
        diagnostics.append(.error(code, message, at: location(node), notes: notes))
    }

    /// Yams' default encoding reads the environment each time it is asked: read once.
    private static let encodingName = Parser.Encoding.default.rawValue
    private static var encoding: Parser.Encoding { Parser.Encoding(rawValue: encodingName) ?? .utf8 }

    /// Parses YAML text into a node tree, or reports the syntax error with its position.
    ///
    /// Composed first without tag resolution: the default resolver runs a regular expression per
    /// plain scalar to tell whether two mapping keys are the same, and nothing here reads tags. Keys
    /// the two resolvers could tell apart differently (a plain `1` and a quoted `"1"`, explicit tags)
    /// make the cheap composition fail or carry an explicit tag; those texts are composed again with
    /// the default resolver, so every result and error is the one it gives.
    mutating func compose(_ yaml: String) -> Node? {
        if let root = try? Yams.compose(yaml: yaml, .basic, .default, Self.encoding), !Self.hasExplicitTag(root) { return root }
        do {
            return try Yams.compose(yaml: yaml, .default, .default, Self.encoding)
        } catch let error as YamlError {
            switch error {
            case .scanner, .parser, .composer:
                diagnostics.append(YAMLErrorExplainer.diagnostic(for: error, yaml: yaml, path: path, lineOffset: lineOffset))
            case let .duplicatedKeysInMapping(duplicates, context):
                diagnostics.append(.error("duplicate-key",
                    "the key '\(duplicates.joined(separator: "', '"))' is written twice; keep one of them.",
                    at: SourceLocation(path: path, line: context.mark.line + lineOffset, column: context.mark.column)))
            default:
                diagnostics.append(.error("yaml-syntax", "the YAML could not be read (\(error)); fix its syntax.",
                    at: SourceLocation(path: path, line: 1 + lineOffset)))
            }
            return nil
        } catch {
            diagnostics.append(.error("yaml-syntax", "the YAML could not be read (\(error)); fix its syntax.",
                at: SourceLocation(path: path, line: 1 + lineOffset)))
            return nil
        }
    }

    /// Whether any node below `node` was given a tag other than `!!str` in the text (quoted scalars carry
    /// `!!str` too).
    private static func hasExplicitTag(_ node: Node) -> Bool {
        switch node {
        case let .scalar(scalar): return !scalar.tag.rawValue.isEmpty && scalar.tag.rawValue != Tag.Name.str.rawValue
        case let .mapping(mapping):
            return !mapping.tag.rawValue.isEmpty || mapping.contains { hasExplicitTag($0.key) || hasExplicitTag($0.value) }
        case let .sequence(sequence): return !sequence.tag.rawValue.isEmpty || sequence.contains(where: hasExplicitTag)
        case .alias: return true
        }
    }

    /// The pairs of a mapping with string keys; reports duplicated and unknown keys with a suggestion.
    mutating func mapping(_ node: Node, what: String, allowed: [String]) -> [(key: String, keyNode: Node, value: Node)] {
        guard case let .mapping(mapping) = node else {
            error("wrong-type", "\(what) must be a mapping of 'key: value' lines.", node)
            return []
        }
        var seen: Set<String> = []
        var pairs: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error("wrong-type", "a key in \(what) must be a plain word.", keyNode)
                continue
            }
            guard seen.insert(key).inserted else {
                error("duplicate-key", "'\(key)' is written twice in \(what); keep one of them.", keyNode)
                continue
            }
            guard allowed.contains(key) else {
                var notes: [String] = []
                if let guess = Suggestion.closest(to: key, in: allowed) { notes.append("did you mean '\(guess)'?") }
                notes.append("known keys here: \(allowed.joined(separator: ", ")).")
                error("unknown-key", "unknown key '\(key)' in \(what); fix its spelling or remove it.", keyNode, notes: notes)
                continue
            }
            pairs.append((key, keyNode, value))
        }
        return pairs
    }

    mutating func string(_ node: Node, key: String) -> String? {
        guard case let .scalar(scalar) = node else {
            error("wrong-type", "'\(key)' must be text, not a \(node.kindName).", node)
            return nil
        }
        if scalar.style == .plain, ["~", "null", "Null", "NULL", ""].contains(scalar.string) {
            error("empty-value", "'\(key)' is empty; write a value or remove the key.", node)
            return nil
        }
        let text = scalar.string.trimmedOfWhitespaceAndNewlines()
        if text.isEmpty {
            error("empty-value", "'\(key)' is empty; write a value or remove the key.", node)
            return nil
        }
        return text
    }

    mutating func bool(_ node: Node, key: String) -> Bool? {
        guard case let .scalar(scalar) = node, scalar.style == .plain else {
            error("wrong-type", "'\(key)' must be true or false.", node)
            return nil
        }
        switch scalar.string {
        case "true", "True", "TRUE", "yes", "Yes": return true
        case "false", "False", "FALSE", "no", "No": return false
        default:
            error("wrong-type", "'\(key)' must be true or false, not '\(scalar.string)'.", node)
            return nil
        }
    }

    mutating func int(_ node: Node, key: String, range: ClosedRange<Int>) -> Int? {
        guard case let .scalar(scalar) = node, let value = Int(scalar.string), range.contains(value) else {
            error("wrong-type", "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound).", node)
            return nil
        }
        return value
    }

    mutating func day(_ node: Node, key: String) -> Day? {
        guard case let .scalar(scalar) = node else {
            error("wrong-type", "'\(key)' must be a date written as YYYY-MM-DD, such as 2026-11-20.", node)
            return nil
        }
        guard let day = Day(iso: scalar.string) else {
            error("wrong-type", "'\(key)' must be a date written as YYYY-MM-DD, such as 2026-11-20; '\(scalar.string)' is not one.", node)
            return nil
        }
        return day
    }

    /// A list of scalars; a single scalar is accepted as a list of one.
    mutating func strings(_ node: Node, key: String) -> [Located<String>] {
        let items: [Node]
        switch node {
        case let .sequence(sequence): items = Array(sequence)
        case .scalar: items = [node]
        default:
            error("wrong-type", "'\(key)' must be a list, such as [a, b].", node)
            return []
        }
        return items.compactMap { item in string(item, key: key).map { Located($0, at: location(item)) } }
    }

    mutating func sequence(_ node: Node, key: String) -> [Node] {
        guard case let .sequence(sequence) = node else {
            error("wrong-type", "'\(key)' must be a list of entries, each on a line starting with '- '.", node)
            return []
        }
        return Array(sequence)
    }
}

extension Node {
    var kindName: String {
        switch self {
        case .scalar: "single value"
        case .mapping: "mapping"
        case .sequence: "list"
        case .alias: "alias"
        }
    }
}
