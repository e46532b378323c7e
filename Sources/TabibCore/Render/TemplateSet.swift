import Foundation
import Mustache

/// The Mustache templates under `templates/`, each registered under its path without the extension
/// (`article`, `partials/head`), checked for syntax errors and for partials that do not exist.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    public let names: Set<String>
    /// Each template's text as written, by name: what a rebuild compares to find the templates that changed.
    public let sources: [String: String]

    /// The templates every build renders through.
    public static let required = ["layout", "home", "article", "cause", "condition", "page", "list", "root", "404", "handout"]

    public static func load(root: URL) -> (TemplateSet?, [Diagnostic]) {
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
        var templates: [String: MustacheTemplate] = [:]
        _ = TemplateEscaping.registered
        for (name, source) in sources {
            do {
                templates[name] = try MustacheTemplate(string: TemplateEscaping.pragma + source.text)
            } catch let error as MustacheTemplate.ParserError {
                // The line numbers count the pragma's line.
                diagnostics.append(.error("template-syntax",
                    "the template has a syntax error (\(describe(error.error))); fix the tag here.",
                    at: SourceLocation(path: source.path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber)))
            } catch {
                diagnostics.append(.error("template-syntax", "the template could not be read (\(error)); fix its syntax.", at: SourceLocation(path: source.path)))
            }
        }
        // swift-mustache renders a missing partial as nothing: find every partial and parent a template names.
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
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (TemplateSet(library: MustacheLibrary(templates: templates), names: Set(templates.keys),
                            sources: sources.mapValues(\.text)), diagnostics)
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

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with another name than it was opened with"
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed with '}}'"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is opened but never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: "the set-delimiter tag is malformed"
        default: "\(error)"
        }
    }

    /// Renders a template; nil when the template does not exist (a broken invariant: names are checked at load).
    public func render(_ context: Any, template name: String) -> String? {
        library.render(context, withTemplate: name)
    }

    public func has(_ name: String) -> Bool { names.contains(name) }
}
