import CompiledMustache
import Testing

/// Random bytes and tag soup through the parser, the compiler and rendering: each returns or throws,
/// and nothing traps (a trap would end the test run).
@Suite struct FuzzTests {
    /// Tags that may break a template (unclosed, unbalanced, misnamed), used less often than the others.
    static let breaking = [
        "{{", "}}", "{{{", "}}}", "{{!", "{{= =}}", "{{%x}}", "{{a..b}}", "{{ a b }}", "\u{0}", "{{/a}}", "{{/p}}",
        "{{<p}}", "{{#a}}", "<%", "%>", "{{=<% %>=}}", "<%={{ }}=%>", "{{last()}}", "{{nope()}}", "{{$x}}",
    ]
    static let pieces = [
        "{{a}}", "{{a.b}}", "{{.}}", "{{&a}}", "{{{b}}}", "{{>p}}", "{{> q}}", "{{! x }}", "{{index()}}",
        "\n", "  ", "x", "\r\n", "é", "<&>",
    ]
    /// Tags that open and close, so that soup built from them is often well formed.
    static let pairs = [("{{#a}}", "{{/a}}"), ("{{^b}}", "{{/b}}"), ("{{#a.b}}", "{{/a.b}}"), ("{{<p}}", "{{/p}}"),
                        ("{{$b}}", "{{/b}}"), ("{{$x}}", "{{/x}}"), ("{{<q}}", "{{/q}}"), ("{{#p}}", "{{/p}}"),
                        ("{{#.}}", "{{/.}}"), ("{{^last()}}", "{{/last()}}")]

    @Test func tagSoupNeverTraps() {
        var compiled = 0, rejected = 0
        for seed in 0..<1500 {
            var random = SeededRandom(seed: UInt64(seed))
            let texts = (0..<3).map { _ in Self.soup(depth: 0, &random) }
            if exercise(texts) { compiled += 1 } else { rejected += 1 }
        }
        print("fuzz: tag soup compiled \(compiled), rejected \(rejected)")
        #expect(compiled > 100 && rejected > 100)
    }

    /// Pieces and pairs of tags around more soup; now and then a piece that breaks the template.
    static func soup(depth: Int, _ random: inout SeededRandom) -> String {
        var text = ""
        for _ in 0..<random.int(0...6) {
            if random.chance(0.03) {
                text += random.pick(breaking)
            } else if depth < 4, random.chance(0.35) {
                let (open, close) = random.pick(pairs)
                text += open + soup(depth: depth + 1, &random) + close
            } else {
                text += random.pick(pieces)
            }
        }
        return text
    }

    @Test func randomBytesNeverTrap() {
        for seed in 0..<1500 {
            var random = SeededRandom(seed: UInt64(seed))
            let bytes = (0..<random.int(0...64)).map { _ in
                random.chance(0.5) ? random.pick(Array("{}#^/>!<$=&.\n ab".utf8)) : UInt8.random(in: 0...255, using: &random)
            }
            exercise([String(decoding: bytes, as: UTF8.self), "{{a}}", "{{#a}}{{>p}}{{/a}}"])
        }
    }

    /// Parses, compiles (dynamic and typed) and renders; whether it compiled.
    @discardableResult
    private func exercise(_ texts: [String]) -> Bool {
        let sources = zip(["main", "p", "q"], texts).map { TemplateSource(name: $0, path: "\($0).mustache", text: $1) }
        let library: TemplateLibrary
        do {
            library = try TemplateLibrary(sources)
        } catch {
            #expect(!error.errors.isEmpty && error.errors.allSatisfy { $0.line >= 1 && $0.column >= 1 })
            return false
        }
        let data: TemplateValue = .object(["a": .object(["a": .bool(true), "b": .list([.string("x"), .bool(true)])]),
                                           "b": .bool(true), "p": .list([.null, .number(1)])])
        var ok = false
        if let template = try? library.compile("main", TemplateValue.templateFields, missingPartials: .renderNothing) {
            _ = template.render(data)
            ok = true
        }
        let typed: TemplateFields<String> = TemplateFields([("a", .text { $0 }), ("b", .list({ [$0] }, .string))], dot: .text { $0 })
        if let template = try? library.compile("main", typed) {
            _ = template.render("v")
        }
        return ok
    }
}
