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
    /// Anchors and aliases (`&a`, `*a`) are refused: content never needs them, and nested aliases
    /// expand exponentially (a few KB would keep a build busy for minutes). So are explicit tags
    /// other than the plain ones (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!seq`, `!!map`),
    /// such as `!!binary` or `!custom`, which nothing here could read.
    ///
    /// Composed first without tag resolution: the default resolver runs a regular expression per
    /// plain scalar to tell whether two mapping keys are the same, and nothing here reads tags. Keys
    /// the two resolvers could tell apart differently (a plain `1` and a quoted `"1"`, explicit tags)
    /// make the cheap composition fail or carry an explicit tag; those texts are composed again with
    /// the default resolver, so every result and error is the one it gives.
    mutating func compose(_ yaml: String) -> Node? {
        if let anchor = YAMLEvents.firstAnchor(in: yaml) {
            diagnostics.append(.error("yaml-anchor", Self.anchorMessage(anchor.name),
                                      at: SourceLocation(path: path, line: anchor.line + lineOffset, column: anchor.column)))
            return nil
        }
        let composed: (root: Node?, check: Check)
        do {
            if let cheap = try? Self.compose(yaml, .basic, allowing: Self.plainTags) {
                composed = cheap.check.hasExplicitTag && cheap.check.refused == nil
                    ? (try Yams.compose(yaml: yaml, .default, .default, Self.encoding), cheap.check) : cheap
            } else {
                // Telling keys apart resolves their tags, so the tags the default resolver gives are allowed too.
                composed = try Self.compose(yaml, .default, allowing: Self.plainTags.union(Self.resolvedTags))
            }
        } catch let error as YamlError {
            switch error {
            case let .parser(_, problem, mark, _) where problem.hasPrefix("Maximum nesting level"),
                 let .scanner(_, problem, mark, _) where problem.hasPrefix("Maximum nesting level"):
                // libyaml's limit, which keeps the composition (recursive in Yams) off the end of the stack.
                diagnostics.append(.error("yaml-too-deep",
                    "the YAML is nested more than 1000 levels deep (lists or mappings inside one another); no value needs that: write it with fewer levels.",
                    at: SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)))
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
        if let (node, problem) = composed.check.refused {
            diagnostics.append(.error(problem.code, problem.message, at: location(node)))
            return nil
        }
        return composed.root
    }

    /// The tree of `yaml` and what `check` finds in it.
    private static func compose(_ yaml: String, _ resolver: Resolver, allowing tags: Set<String>) throws -> (root: Node?, check: Check) {
        // The parser holds the anchors (nodes refer to them weakly): kept until the tree is checked.
        let parser = try Parser(yaml: yaml, resolver: resolver, constructor: .default, encoding: encoding)
        guard let root = try parser.singleRoot() else { return (nil, Check(refused: nil, hasExplicitTag: false)) }
        return withExtendedLifetime(parser) { (root, check(root, allowing: tags)) }
    }

    struct Check {
        /// The first node refused, in document order.
        var refused: (Node, (code: String, message: String))?
        /// Whether any node was given a tag other than `!!str` in the text (quoted scalars carry `!!str` too).
        var hasExplicitTag: Bool
    }

    static func anchorMessage(_ name: String) -> String {
        "anchors and aliases ('&\(name)', '*\(name)') are not supported here; write the value out in full wherever it is needed."
    }

    /// The tags a value may be given explicitly: the ones that only say what the text already says.
    static let plainTags = Set([Tag.Name.str, .int, .float, .bool, .null, .seq, .map].map(\.rawValue))
    /// The other tags the default resolver gives plain scalars.
    static let resolvedTags = Set([Tag.Name.timestamp, .merge, .value].map(\.rawValue))

    /// The tag the text gives a node (`!!int 1`; quotes give a scalar `!!str`; a key is given the one
    /// it resolved to when the parser compared the keys): empty when it has none. `Node.tag` resolves
    /// the tag, in place (every mapping gets `!!map`), so this is read before it.
    private static func writtenTag(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar): scalar.tag.description
        case let .mapping(mapping): mapping.tag.description
        case let .sequence(sequence): sequence.tag.description
        case .alias: ""
        }
    }

    /// Finds the first node, in document order, with an anchor or a tag that is not plain. An alias is
    /// the node its anchor names, so the walk meets the anchor first and stops there: it never expands
    /// an alias. Walked without recursion.
    private static func check(_ root: Node, allowing tags: Set<String>) -> Check {
        var pending = [root]
        var hasExplicitTag = false
        while let node = pending.popLast() {
            if let anchor = node.anchor {
                return Check(refused: (node, ("yaml-anchor", anchorMessage(anchor.rawValue))), hasExplicitTag: false)
            }
            // Before `node.tag`, which resolves the node's tag in place.
            let written = writtenTag(node)
            let tag = node.tag.rawValue
            if !tag.isEmpty, !tags.contains(tag) {
                let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
                return Check(refused: (node, ("yaml-tag",
                    "the tag '\(shown)' is not supported here; remove it and write the value as plain text, a list or a mapping.")),
                    hasExplicitTag: false)
            }
            if !written.isEmpty, node.scalar == nil || written != Tag.Name.str.rawValue { hasExplicitTag = true }
            switch node {
            case let .mapping(mapping): pending += mapping.reversed().flatMap { [$0.value, $0.key] }
            case let .sequence(sequence): pending += sequence.reversed()
            case .scalar, .alias: break
            }
        }
        return Check(refused: nil, hasExplicitTag: hasExplicitTag)
    }

    /// The pairs of a mapping with string keys; reports duplicated keys, and keys not in `allowed` (when
    /// given) with a suggestion. `renamed` maps keys that tabib used to accept to the sentence that says
    /// what replaced them.
    mutating func mapping(_ node: Node, what: String, allowed: [String]?, renamed: [String: String] = [:]) -> [(key: String, keyNode: Node, value: Node)] {
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
            if let replacement = renamed[key] {
                error("renamed-key", replacement, keyNode)
                continue
            }
            if let allowed, !allowed.contains(key) {
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
            if let problem = Day.problem(iso: scalar.string) {
                error("bad-date", "'\(key)' is \(scalar.string), but \(problem); correct the day.", node)
            } else {
                error("wrong-type", "'\(key)' must be a date written as YYYY-MM-DD, such as 2026-11-20; '\(scalar.string)' is not one.", node)
            }
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
