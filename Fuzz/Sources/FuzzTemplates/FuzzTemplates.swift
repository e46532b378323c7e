import CompiledMustache

/// A small typed model, so compiling exercises name resolution, sections, lists and records as tabib's pages do.
struct Card: TemplateModel {
    let title: String
    let url: String
    let current: Bool
    static var templateFields: TemplateFields<Card> {
        ["title": .text { $0.title }, "url": .text { $0.url }, "current": .bool { $0.current }]
    }
}

struct FuzzPage: TemplateModel {
    let title: String
    let summary: String?
    let items: [Card]
    let points: [String]
    let card: Card?
    static var templateFields: TemplateFields<FuzzPage> {
        [
            "title": .text { $0.title }, "summary": .text { $0.summary }, "items": .list { $0.items },
            "points": .list({ $0.points }, .string), "card": .model { $0.card },
            "t": .record(keys: ["a", "b"]) { _ in ["<A>", "B & b"] },
        ]
    }
}

let page = FuzzPage(title: "Kram <otot>", summary: nil, items: [Card(title: "x", url: "/x/", current: true), Card(title: "y", url: "/y/", current: false)],
                    points: ["satu", "dua"], card: Card(title: "z", url: "/z/", current: false))

/// One input: split at NUL bytes into a page template and two partials, parsed, compiled for the typed
/// model and for JSON-like data, and rendered. Any outcome but a trap is fine.
func fuzzTemplates(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    let parts = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    let names = ["page", "partials/a", "partials/b"]
    let sources = zip(names, parts).map { TemplateSource(name: $0, path: "templates/\($0).mustache", text: $1) }
    guard let library = try? TemplateLibrary(sources) else { return 0 }
    if let typed = try? library.compile("page", FuzzPage.templateFields) { _ = typed.render(page) }
    let data = TemplateValue.object(["title": .string("<b>"), "items": .list([.object(["title": .string("i")]), .bool(true)]),
                                     "content": .object(["content": .string("deep")])])
    if let dynamic = try? library.compile("page", TemplateValue.templateFields, missingPartials: .renderNothing) { _ = dynamic.render(data) }
    return 0
}
