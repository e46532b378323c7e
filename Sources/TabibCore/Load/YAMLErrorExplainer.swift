import Foundation
import Yams

/// Says in plain words what an editor did to make libyaml fail, and points at the place the problem
/// starts: the tab, the quote or bracket that is never closed (libyaml notices it lines later), the
/// list item out of line, the `key:value` without a space, the `: ` that needs quotes.
///
/// The text is scanned line by line up to where libyaml stopped; the first line with a problem an
/// editor can cause is the one reported. When none is found, libyaml's own words are kept, with
/// advice.
struct YAMLErrorExplainer {
    /// A problem in the YAML text: its position counts lines of the YAML text and Unicode scalars, from 1.
    struct Explanation: Equatable {
        var code: String
        var message: String
        var line: Int
        var column: Int
    }

    let lines: [Substring]

    init(yaml: String) {
        lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The diagnostic for a failure to compose `yaml`, at its place in the file (`lineOffset` lines
    /// come before the YAML text), with the line's text.
    static func diagnostic(for error: YamlError, yaml: String, path: String, lineOffset: Int) -> Diagnostic {
        let explainer = YAMLErrorExplainer(yaml: yaml)
        let explanation = explainer.explain(error)
        let line = explainer.lines.indices.contains(explanation.line - 1) ? String(explainer.lines[explanation.line - 1]) : nil
        return .error(explanation.code, explanation.message,
                      at: SourceLocation(path: path, line: explanation.line + lineOffset, column: explanation.column),
                      sourceLine: line)
    }

    func explain(_ error: YamlError) -> Explanation {
        let (context, libyamlProblem, mark): (YamlError.Context?, String, Mark)
        switch error {
        case let .scanner(c, p, m, _), let .parser(c, p, m, _), let .composer(c, p, m, _): (context, libyamlProblem, mark) = (c, p, m)
        default:
            return Explanation(code: "yaml-syntax", message: "the YAML could not be read (\(error)); fix its syntax.", line: 1, column: 1)
        }
        if libyamlProblem.contains("found another document") || libyamlProblem.contains("expected <document start>") {
            if let fence = firstFence(from: 1) {
                return Explanation(code: "yaml-stray-fence",
                    message: "this '---' starts a second YAML document, but the file holds one; remove the line.",
                    line: fence, column: 1)
            }
        }
        // libyaml stops at the end of the text when a quote or bracket is never closed: every line may be the culprit.
        let lastLine = min(max(mark.line, context?.mark.line ?? 0, 1), lines.count)
        for number in 1...max(1, lastLine) where number <= lines.count {
            if let explanation = problem(onLine: number) { return explanation }
        }
        if let context, libyamlProblem.hasPrefix("did not find expected ','") {
            return unclosedBracket(line: context.mark.line, column: context.mark.column)
        }
        if let context, context.text.contains("quoted scalar") {
            return unclosedQuote(line: context.mark.line, column: context.mark.column)
        }
        if let explanation = misalignedItem(near: mark.line) { return explanation }
        if libyamlProblem.hasPrefix("mapping values are not allowed"), let explanation = overIndentedKey(at: mark.line) { return explanation }
        if libyamlProblem.hasPrefix("did not find expected key"), let explanation = itemWithoutKey(at: mark.line) { return explanation }
        return Explanation(code: "yaml-syntax",
            message: "the YAML cannot be read here (\(libyamlProblem)); check that this line is indented like the lines it belongs with, with spaces, and put values that contain ': ' or start with a special character in double quotes.",
            line: mark.line, column: mark.column)
    }

    // MARK: One line

    /// The first problem an editor can cause on one line, if any.
    func problem(onLine number: Int) -> Explanation? {
        let line = Array(lines[number - 1].unicodeScalars)
        var i = 0
        while i < line.count, line[i] == " " || line[i] == "\t" {
            if line[i] == "\t" {
                return Explanation(code: "yaml-tab",
                    message: "this line is indented with a tab, and YAML indents with spaces only; replace the tab with spaces.",
                    line: number, column: i + 1)
            }
            i += 1
        }
        guard i < line.count, line[i] != "#" else { return nil }
        // List items: `- value`, `- key: value`.
        while i + 1 < line.count, line[i] == "-", line[i + 1] == " " {
            i += 2
            while i < line.count, line[i] == " " { i += 1 }
        }
        if i < line.count, line[i] == "-", i + 1 == line.count { return nil }
        guard i < line.count else { return nil }
        if let explanation = value(line, from: i, lineNumber: number, key: nil) { return explanation }
        // `key: value`, or `key:value` without the space.
        guard line[i] != "\"", line[i] != "'", line[i] != "[", line[i] != "{" else { return nil }
        var j = i
        while j < line.count, line[j] != ":", !(line[j] == "#" && j > i && line[j - 1] == " ") { j += 1 }
        guard j < line.count, line[j] == ":" else { return nil }
        let key = String(String.UnicodeScalarView(line[i..<j]))
        if j + 1 == line.count { return nil }
        if line[j + 1] != " ", line[j + 1] != "\t" {
            // `https://…` as a value of its own is not a key.
            if line[j + 1] == "/" || key.contains(" ") { return nil }
            let rest = String(String.UnicodeScalarView(line[(j + 1)...]))
            return Explanation(code: "yaml-missing-space",
                message: "'\(key):' needs a space after the ':'; write '\(key): \(rest)'.",
                line: number, column: j + 1)
        }
        var v = j + 1
        while v < line.count, line[v] == " " || line[v] == "\t" { v += 1 }
        guard v < line.count else { return nil }
        return value(line, from: v, lineNumber: number, key: key)
    }

    /// A problem in the value that starts at `start`: a quote or bracket left open, or an unquoted `: `.
    /// Checks only values that are not keys themselves when `key` is nil (a quoted or bracketed start).
    private func value(_ line: [Unicode.Scalar], from start: Int, lineNumber: Int, key: String?) -> Explanation? {
        switch line[start] {
        case "\"", "'":
            return closingQuote(line, from: start) == nil ? unclosedQuote(line: lineNumber, column: start + 1) : nil
        case "[", "{":
            return unclosedBracket(in: line, from: start).map { unclosedBracket(line: lineNumber, column: $0 + 1) }
        case "@", "`", "*":
            // '@' and '`' are reserved; '*' names an anchor (`*penting*` is not emphasis here).
            guard let key else { return nil }
            var end = line.count
            while end > start, line[end - 1] == " " { end -= 1 }
            let text = String(String.UnicodeScalarView(line[start..<end]))
            return Explanation(code: "yaml-special-character",
                message: "YAML gives '\(line[start])' at the start of a value a meaning of its own; put the whole value in double quotes: \(key): \(YAMLText.quoted(text))",
                line: lineNumber, column: start + 1)
        default:
            guard let key else { return nil }
            // A plain value: a comment starts at ' #'; ': ' inside it would start a key.
            var k = start
            while k < line.count {
                if line[k] == "#", line[k - 1] == " " { break }
                if line[k] == ":", k + 1 == line.count || line[k + 1] == " " {
                    var end = line.count
                    while end > start, line[end - 1] == " " { end -= 1 }
                    let text = String(String.UnicodeScalarView(line[start..<end]))
                    return Explanation(code: "yaml-unquoted-colon",
                        message: "the value of '\(key)' contains ': ', which YAML reads as the start of another key; put the whole value in double quotes: \(key): \(YAMLText.quoted(text))",
                        line: lineNumber, column: k + 1)
                }
                k += 1
            }
            return nil
        }
    }

    /// Where the quote opened at `start` closes on the same line, if it does.
    private func closingQuote(_ line: [Unicode.Scalar], from start: Int) -> Int? {
        let quote = line[start]
        var k = start + 1
        while k < line.count {
            if quote == "\"", line[k] == "\\" { k += 2; continue }
            if line[k] == quote {
                // '' is a quote inside single quotes.
                if quote == "'", k + 1 < line.count, line[k + 1] == "'" { k += 2; continue }
                return k
            }
            k += 1
        }
        return nil
    }

    /// The index of the outermost `[` or `{` from `start` that is still open at the end of the line.
    private func unclosedBracket(in line: [Unicode.Scalar], from start: Int) -> Int? {
        var open: [Int] = []
        var k = start
        while k < line.count {
            switch line[k] {
            case "[", "{": open.append(k)
            case "]", "}": if !open.isEmpty { open.removeLast() }
            case "\"", "'":
                guard let close = closingQuote(line, from: k) else { return open.first }
                k = close
            case "#" where line[k - 1] == " ": return open.first
            default: break
            }
            k += 1
        }
        return open.first
    }

    private func unclosedQuote(line: Int, column: Int) -> Explanation {
        let quote = lines.indices.contains(line - 1) ? Array(lines[line - 1].unicodeScalars).dropFirst(max(0, column - 1)).first ?? "\"" : "\""
        return Explanation(code: "yaml-unclosed-quote",
            message: "the quote opened here is never closed; add a closing \(quote) at the end of the value, on this line.",
            line: line, column: column)
    }

    private func unclosedBracket(line: Int, column: Int) -> Explanation {
        let bracket = lines.indices.contains(line - 1) ? Array(lines[line - 1].unicodeScalars).dropFirst(max(0, column - 1)).first ?? "[" : "["
        let message = bracket == "{"
            ? "the '{' opened here is never closed; add '}' after the last entry, such as {name: …, credential: …}."
            : "the list opened here with '[' is never closed; add ']' after its last item, such as [a, b]."
        return Explanation(code: "yaml-unclosed-bracket", message: message, line: line, column: column)
    }

    // MARK: Between lines

    /// A list item whose `- ` does not stand under the one above it, at or just before `line`.
    func misalignedItem(near line: Int) -> Explanation? {
        func item(_ number: Int) -> Int? {
            guard number >= 1, number <= lines.count else { return nil }
            let text = lines[number - 1]
            let indent = text.prefix { $0 == " " }.count
            return text.dropFirst(indent).hasPrefix("- ") || text.dropFirst(indent) == "-" ? indent : nil
        }
        for number in stride(from: min(line, lines.count), through: max(1, line - 1), by: -1) {
            guard let indent = item(number) else { continue }
            var above = number - 1
            while above >= 1, lines[above - 1].allSatisfy({ $0 == " " }) { above -= 1 }
            guard let previous = item(above), previous != indent else { continue }
            return Explanation(code: "yaml-indentation",
                message: "this list item starts in column \(indent + 1), but the one above it in column \(previous + 1); put the '- ' of every item of one list in the same column.",
                line: number, column: indent + 1)
        }
        return nil
    }

    /// A `key: value` line indented more than the `key: value` line above it, which YAML reads as more
    /// of that value.
    func overIndentedKey(at line: Int) -> Explanation? {
        func parts(_ number: Int) -> (indent: Int, key: Substring, hasValue: Bool)? {
            let text = lines[number - 1]
            let indent = text.prefix { $0 == " " }.count
            let rest = text.dropFirst(indent)
            guard !rest.hasPrefix("-"), !rest.hasPrefix("#"), let colon = rest.range(of: ":") else { return nil }
            return (indent, rest[..<colon.lowerBound], !rest[colon.upperBound...].allSatisfy { $0 == " " })
        }
        guard line >= 2, line <= lines.count, let here = parts(line) else { return nil }
        var above = line - 1
        while above >= 1, lines[above - 1].allSatisfy({ $0 == " " }) { above -= 1 }
        guard above >= 1, let previous = parts(above), previous.hasValue, here.indent > previous.indent else { return nil }
        return Explanation(code: "yaml-indentation",
            message: "'\(here.key)' is indented more than '\(previous.key)' above it, so YAML reads it as part of the value of '\(previous.key)'; start '\(here.key)' in column \(previous.indent + 1), like '\(previous.key)'.",
            line: line, column: here.indent + 1)
    }

    /// A list item under a `key: value` line, which cannot hold a list as well.
    func itemWithoutKey(at line: Int) -> Explanation? {
        guard line >= 2, line <= lines.count else { return nil }
        let text = lines[line - 1]
        let indent = text.prefix { $0 == " " }.count
        guard text.dropFirst(indent).hasPrefix("- ") else { return nil }
        var above = line - 1
        while above >= 1, lines[above - 1].allSatisfy({ $0 == " " }) { above -= 1 }
        guard above >= 1 else { return nil }
        let previous = lines[above - 1].drop { $0 == " " }
        guard !previous.hasPrefix("-"), let colon = previous.range(of: ": "),
              !previous[colon.upperBound...].allSatisfy({ $0 == " " }) else { return nil }
        let key = previous[..<colon.lowerBound]
        return Explanation(code: "yaml-indentation",
            message: "this list item belongs to no key: '\(key)' above it already has a value; put the item under the key it belongs to (a line such as 'conditions:'), or remove the '- '.",
            line: line, column: indent + 1)
    }

    /// The first line that is `---` from `line` on.
    private func firstFence(from line: Int) -> Int? {
        (line...max(line, lines.count)).first { $0 <= lines.count && FrontMatterParser.isFence(lines[$0 - 1]) }
    }
}

extension YAMLErrorExplainer {
    /// A `---` that closes the front matter too early: the body starts with more front matter keys
    /// and another `---`. Reported at that `---`, instead of one "missing key" error per key below it.
    static func strayFence(_ split: FrontMatterParser.Split, path: String, kind: ContentKind) -> Diagnostic? {
        let allowed = Set(kind.described.allowedKeys)
        var keys: [String] = []
        var number = split.bodyStartLine
        // The first 200 lines, one at a time: nearly every body gives up at its first line of prose.
        let body = split.body
        var next: String.Index? = body.startIndex
        for _ in 0..<200 {
            guard let start = next else { break }
            let end = body.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? body.endIndex
            let line = body[start..<end]
            next = end == body.endIndex ? nil : body.utf8.index(after: end)
            defer { number += 1 }
            if FrontMatterParser.isFence(line) {
                guard !keys.isEmpty else { return nil }
                let fence = split.bodyStartLine - 1
                return .error("stray-fence",
                    "this '---' ends the front matter, but the lines after it, up to line \(number), hold keys too (\(keys.map { "'\($0)'" }.joined(separator: ", "))); remove this '---' so that the front matter ends at line \(number).",
                    at: SourceLocation(path: path, line: fence, column: 1), sourceLine: "---")
            }
            if line.allSatisfy({ $0 == " " }) || line.hasPrefix(" ") || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":"), allowed.contains(String(line[..<colon])) else { return nil }
            keys.append(String(line[..<colon]))
        }
        return nil
    }
}
