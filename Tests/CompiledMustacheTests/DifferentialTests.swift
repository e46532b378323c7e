import CompiledMustache
import Foundation
import Mustache
import Testing

/// Random templates and data rendered by this compiler and by swift-mustache 2.1.1 (what tabib rendered
/// with before): the same bytes. The grammar leaves out what swift-mustache does differently from the
/// Mustache specification, which this compiler follows:
/// - indented standalone partials (swift-mustache indents each rendered piece that follows a newline,
///   also a repeated section's, where the spec indents each line of the partial's text): partial tags
///   here are never standalone;
/// - interpolating a list or an object (swift-mustache writes Swift's description of it), and `{{.}}`
///   where the current value is not a string (so `{{.}}` is only used right inside a section over a
///   list of strings or over a string);
/// - `first()`/`last()`/`index()` except right inside a list section (swift-mustache forgets the list
///   inside a nested section or a partial; here they refer to the innermost list);
/// - carriage returns and tabs (swift-mustache reads text by Character, where "\r\n" is one);
/// - a template ending in "{" (swift-mustache fails to parse it: `Parser.Error.overflow`), or in a line
///   of only whitespace (swift-mustache drops it);
/// - a section whose opening tag is standalone and closing tag not, or the reverse: after a closing tag
///   swift-mustache takes the line to be as the opening tag's was, so it treats the next tag as standalone
///   (or not) against the spec. Sections here are either on lines of their own or mid-line, in brackets.
@Suite struct DifferentialTests {
    static let caseCount = 400

    @Test func randomTemplatesRenderAsSwiftMustacheDoes() throws {
        var failures = 0
        for seed in 0..<Self.caseCount {
            var random = SeededRandom(seed: UInt64(seed))
            var grammar = Grammar(random: random)
            let main = grammar.block(depth: 0, in: .plain, partials: true) + "."
            let partial = grammar.block(depth: 1, in: .plain, partials: false) + "."
            random = grammar.random
            let data = DataGenerator.object(depth: 0, &random)

            let ours = try render(main: main, partial: partial, data: data)
            let theirs = try reference(main: main, partial: partial, data: data)
            if ours != theirs {
                failures += 1
                Issue.record("""
                    seed \(seed): outputs differ
                    template: \(main.debugDescription)
                    partial: \(partial.debugDescription)
                    data: \(data)
                    ours:   \(ours.debugDescription)
                    theirs: \(theirs.debugDescription)
                    """)
                if failures > 5 { break }
            }
        }
        print("differential: \(Self.caseCount) random templates compared with swift-mustache, \(failures) different")
    }

    private func render(main: String, partial: String, data: [String: TemplateValue]) throws -> String {
        let library = try TemplateLibrary([
            TemplateSource(name: "main", path: "main.mustache", text: main),
            TemplateSource(name: "p", path: "p.mustache", text: partial),
        ])
        let template = try library.compile("main", TemplateValue.templateFields)
        return String(decoding: template.render(.object(data)), as: UTF8.self)
    }

    private func reference(main: String, partial: String, data: [String: TemplateValue]) throws -> String {
        let library = MustacheLibrary(templates: [
            "main": try MustacheTemplate(string: main),
            "p": try MustacheTemplate(string: partial),
        ])
        return library.render(DataGenerator.any(.object(data)), withTemplate: "main") ?? "(no template)"
    }
}

/// Templates from a small grammar: text, variables, sections, inverted sections, partials, comments.
struct Grammar {
    enum Context { case plain, stringList, string, list }
    var random: SeededRandom

    static let scalarNames = ["s1", "s2", "b1", "n1"]
    static let sectionNames = ["s1", "s2", "b1", "b2", "n1", "o1", "o2", "l1", "ls", "missing"]

    mutating func block(depth: Int, in context: Context, partials: Bool) -> String {
        var out = ""
        for _ in 0..<random.int(0...5) {
            out += item(depth: depth, in: context, partials: partials)
        }
        return out
    }

    private mutating func item(depth: Int, in context: Context, partials: Bool) -> String {
        switch random.int(0...9) {
        case 0, 1:
            return random.pick(["a", " ", "\n", "<&>", "\"'", "x y", "  ", "\n\n", "  \n", "}", "{a"])
        case 2, 3:
            let name = random.chance(0.2) ? "o1.\(random.pick(Self.scalarNames))" : random.pick(Self.scalarNames)
            return random.pick(["{{\(name)}}", "{{{\(name)}}}", "{{& \(name)}}", "{{ \(name) }}"])
        case 4, 5:
            guard depth < 3 else { return "x" }
            let name = random.pick(Self.sectionNames)
            let inverted = random.chance(0.3)
            let inner: Context = inverted ? .plain
                : name == "ls" ? .stringList : name == "l1" ? .list : name.hasPrefix("s") ? .string : .plain
            let body = block(depth: depth + 1, in: inner, partials: partials)
            let (open, close) = ("{{\(inverted ? "^" : "#")\(name)}}", "{{/\(name)}}")
            // Either both tags on lines of their own (standalone lines) or both mid-line.
            if random.chance(0.4) { return "\n\(open)\n\(body)\n\(close)\n" }
            return "(\(open)\(body)\(close))"
        case 6:
            return random.pick(["{{! note }}", "\n{{! note }}\n", "{{!\nmultiline\n}}"])
        case 7:
            guard partials else { return "b" }
            return "{{> p}}|"
        case 8:
            switch context {
            case .stringList, .string: return "{{.}}"
            default: return "c"
            }
        default:
            switch context {
            case .stringList, .list:
                return random.pick(["{{^last()}}, {{/last()}}", "{{#first()}}[{{/first()}}", "{{#last()}}]{{/last()}}"])
            default: return "d"
            }
        }
    }
}

/// JSON-like data with a fixed kind per name, so that names the grammar interpolates are always text.
enum DataGenerator {
    static func object(depth: Int, _ random: inout SeededRandom) -> [String: TemplateValue] {
        var object: [String: TemplateValue] = [:]
        func maybe(_ name: String, _ value: @autoclosure () -> TemplateValue) {
            if random.chance(0.75) { object[name] = value() }
        }
        let strings = ["", "a", "<b>", "x & y", "\"q\"", "it's", "two\nlines", "é"]
        maybe("s1", .string(random.pick(strings)))
        maybe("s2", .string(random.pick(strings)))
        maybe("b1", .bool(random.chance(0.5)))
        maybe("b2", .bool(random.chance(0.5)))
        maybe("n1", .number(Double(random.int(0...3))))
        maybe("ls", .list((0..<random.int(0...3)).map { _ in .string(random.pick(strings)) }))
        if depth < 2 {
            maybe("o1", .object(Self.object(depth: depth + 1, &random)))
            maybe("o2", .object(Self.object(depth: depth + 1, &random)))
            maybe("l1", .list((0..<random.int(0...3)).map { _ in .object(Self.object(depth: depth + 1, &random)) }))
        }
        return object
    }

    /// The same data as swift-mustache reads it.
    static func any(_ value: TemplateValue) -> Any {
        switch value {
        case .null: NSNull()
        case .bool(let flag): flag
        case .number(let number): Int(number)
        case .string(let text): text
        case .list(let items): items.map(any)
        case .object(let fields): fields.mapValues(any)
        }
    }
}
