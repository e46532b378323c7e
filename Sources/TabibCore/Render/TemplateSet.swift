import CompiledMustache
import Foundation

/// The Mustache templates under `templates/`, each named by its path without the extension
/// (`article`, `partials/head`), parsed once and checked for syntax errors and for partials that do
/// not exist. `PageTemplates` compiles them against the page models.
public struct TemplateSet: Sendable {
    let library: TemplateLibrary
    public let names: Set<String>
    /// Each template's text as written, by name: what a rebuild compares to find the templates that changed.
    public let sources: [String: String]

    /// Loads every template under `root/templates/`; each of `required` (by default those of
    /// `SiteOutputs.standard`) must be there.
    public static func load(root: URL) -> (TemplateSet?, [Diagnostic]) {
        load(root: root, required: SiteOutputs.templateNames(SiteOutputs.standard))
    }

    static func load(root: URL, required: [String]) -> (TemplateSet?, [Diagnostic]) {
        let folder = root.appendingPathComponent("templates")
        var diagnostics: [Diagnostic] = []
        var sources: [String: (path: String, text: String)] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var files: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".mustache") { files.append(relative) }
        }
        let realRoot = LinkedFile.realRoot(root)
        // Templates linked from outside the site: reported once, not again as missing.
        var refused: Set<String> = []
        for relative in files.sorted() {
            let path = "templates/\(relative)"
            if let outside = LinkedFile.outside(folder.appendingPathComponent(relative).path, path: path, realRoot: realRoot) {
                diagnostics.append(outside)
                refused.insert(String(relative.dropLast(".mustache".count)))
                continue
            }
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) else { continue }
            switch SourceText.decode(data, path: path) {
            case let .success(text): sources[String(relative.dropLast(".mustache".count))] = (path, text)
            case let .failure(diagnostic): diagnostics.append(diagnostic)
            }
        }
        var library: TemplateLibrary?
        do {
            library = try TemplateLibrary(sources.sorted { $0.key < $1.key }.map { TemplateSource(name: $0.key, path: $0.value.path, text: $0.value.text) })
        } catch {
            diagnostics += Self.diagnostics(error.errors)
        }
        // Every partial and parent a template names, before anything is compiled: a missing one is
        // reported once per use, with tabib's own words for `{{{link}}}`.
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in partialReferences(in: source.text) where sources[reference.name] == nil && !refused.contains(reference.name) {
                let at = SourceLocation(path: source.path, line: reference.line, column: reference.column)
                if reference.isLink {
                    diagnostics.append(.error("missing-partial",
                        "the template '\(name)' shows '{{{link}}}', which tabib renders with templates/\(reference.name).mustache, but there is no such file; restore it from tabib's default templates.",
                        at: at))
                    continue
                }
                var notes: [String] = []
                if let guess = Suggestion.closest(to: reference.name, in: sources.keys) { notes.append("did you mean '\(guess)'?") }
                diagnostics.append(.error("missing-partial",
                    "the template '\(name)' uses the partial '\(reference.name)', but there is no templates/\(reference.name).mustache; create it or fix the name.",
                    at: at, notes: notes))
            }
        }
        for name in required where sources[name] == nil && !refused.contains(name) {
            diagnostics.append(.error("missing-template",
                "the template templates/\(name).mustache is missing; every site needs it, so restore it from tabib's default templates.",
                at: SourceLocation(path: "templates/\(name).mustache")))
        }
        guard let library, !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (TemplateSet(library: library, names: library.names, sources: sources.mapValues(\.text)), diagnostics)
    }

    /// `{{> name}}` and `{{< name}}` tags with their positions, and every `{{{link}}}` (or `{{link}}`, `{{& link}}`) as
    /// a use of `partials/link`, which tabib renders once per linked page for it (`isLink`).
    static func partialReferences(in text: String) -> [(name: String, line: Int, column: Int, isLink: Bool)] {
        var result: [(String, Int, Int, Bool)] = []
        for (lineNumber, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                rest = afterOpen
                guard let close = afterOpen.range(of: "}}") else { continue }
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                let inside = afterOpen[..<close.lowerBound].drop { $0 == " " }
                if let first = inside.first, first == ">" || first == "<" {
                    let name = inside.dropFirst().trimmingCharacters(in: .whitespaces)
                    if !name.isEmpty, !name.hasPrefix("*") { result.append((name, lineNumber + 1, column, false)) }
                } else if inside.drop(while: { $0 == "{" || $0 == "&" }).trimmingCharacters(in: .whitespaces) == "link" {
                    result.append((PageParts.linkTemplate, lineNumber + 1, column, true))
                } else {
                    continue
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return result
    }

    /// The engine's errors as tabib's diagnostics.
    static func diagnostics(_ errors: [TemplateError]) -> [Diagnostic] { errors.map(diagnostic) }

    static func diagnostic(_ error: TemplateError) -> Diagnostic {
        .error(code(error), error.message,
               at: SourceLocation(path: error.path, line: error.line, column: error.column),
               notes: error.suggestion.map { [$0] } ?? [])
    }

    /// The diagnostic's code, from the engine's wording (its errors carry no kind).
    static func code(_ error: TemplateError) -> String {
        let message = error.message
        if message.hasPrefix("unknown name") { return "template-unknown-name" }
        if message.contains("does not exist; fix its name, or add the template") { return "missing-partial" }
        if message.contains("includes itself endlessly") || message.contains("levels deep here (sections, partials") {
            return "template-recursion"
        }
        if message.contains("cannot be shown as text") || message.contains("shows the current value")
            || message.contains("no list section encloses it") || message.contains("which has no fields") {
            return "template-wrong-kind"
        }
        return "template-syntax"
    }

    public func has(_ name: String) -> Bool { names.contains(name) }
}
