import CompiledMustache
import Foundation
import Mustache
import Testing

/// tabib's own templates (templates/ in this package), rendered from random JSON-like data by this
/// compiler and by swift-mustache 2.1.1: the same bytes. The handout is left out: it shows `{{{.}}}`
/// of items that are objects elsewhere, which swift-mustache would write as Swift's description.
@Suite struct TabibTemplatesTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates").resolvingSymlinksInPath()
    static let pages = ["article", "list", "home", "page", "cause", "condition", "404", "root"]

    static func sources() throws -> [TemplateSource] {
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
        return try files.map { file in
            TemplateSource(name: String(file.dropLast(".mustache".count)), path: "templates/\(file)",
                           text: try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
        }
    }

    @Test func tabibTemplatesRenderAsSwiftMustacheDoes() throws {
        let sources = try Self.sources()
        let library = try TemplateLibrary(sources)
        var reference = MustacheLibrary()
        for source in sources { try reference.register(source.text, named: source.name) }
        let names = TemplateNames(sources)
        var compared = 0
        for seed in 0..<40 {
            var random = SeededRandom(seed: UInt64(seed))
            let data = names.object(depth: 0, &random)
            for page in Self.pages {
                let ours = String(decoding: try library.compile(page, TemplateValue.templateFields).render(data), as: UTF8.self)
                let theirs = reference.render(DataGenerator.any(data), withTemplate: page)
                #expect(ours == theirs, "seed \(seed), \(page)")
                compared += 1
            }
        }
        print("differential: \(compared) renders of tabib's templates compared with swift-mustache")
    }
}

/// The names tabib's templates use: those written as text get strings, the others flags, objects or lists.
struct TemplateNames {
    var text: Set<String> = []
    var sections: Set<String> = []

    init(_ sources: [TemplateSource]) {
        for source in sources {
            var rest = source.text[...]
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                var tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                rest = rest[close.upperBound...]
                let sigil = tag.first
                if sigil == "{" || sigil == "&" { tag = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces) }
                let parts = tag.split(separator: ".").map(String.init)
                if sigil == "#" || sigil == "^" {
                    sections.insert(String(tag.dropFirst()))
                } else if let sigil, "!/<>$".contains(sigil) || tag.hasSuffix("()") || tag == "." {
                    continue
                } else if parts.count == 2 {
                    sections.insert(parts[0])
                    text.insert(parts[1])
                } else {
                    text.insert(tag)
                }
            }
        }
        sections.subtract(text)
    }

    func object(depth: Int, _ random: inout SeededRandom) -> TemplateValue {
        var object: [String: TemplateValue] = [:]
        let keep = depth == 0 ? 0.8 : 0.3
        for name in text.sorted() where random.chance(keep) {
            object[name] = .string(random.pick(["", "Kejang <otot>", "a & b", "\"q\" 'r'", "id", "/x/"]))
        }
        for name in sections.sorted() where random.chance(keep) {
            // `items` sections use `last()`, which tabib's data always gives a list for (swift-mustache
            // forgets the list inside a section over anything else).
            if name == "items" {
                object[name] = .list(depth < 2 ? (0..<random.int(0...3)).map { _ in self.object(depth: depth + 1, &random) } : [])
                continue
            }
            switch random.int(0...3) {
            case 0: object[name] = .bool(random.chance(0.5))
            case 1 where depth < 2: object[name] = self.object(depth: depth + 1, &random)
            case 2 where depth < 2: object[name] = .list((0..<random.int(0...3)).map { _ in self.object(depth: depth + 1, &random) })
            default: object[name] = .bool(true)
            }
        }
        return .object(object)
    }
}
