import Foundation
@testable import TabibCore

/// Every `@/` link leads to a page, except to ids starting with `x`; `ids` offers a few for suggestions.
struct FuzzTargets: LinkTargets {
    func resolve(_ key: ContentKey, language: String) -> (path: String, language: String)? {
        key.id.hasPrefix("x") ? nil : ("/\(language)/\(key.kind.folder)/\(key.id)/", language)
    }
    func ids(of kind: ContentKind) -> [String] { ["dehidrasi", "kram-otot", "diabetes"] }
    /// Ids starting with `w` are held back, as unreviewed articles are.
    func isWithheld(_ key: ContentKey) -> Bool { key.id.hasPrefix("w") }
    /// No hand-written site path leads anywhere, so every one is checked and reported.
    func page(atSitePath path: String) -> SitePathTarget? { nil }
}

let aliases = AliasIndex([
    (alias: "dehidrasi", target: ContentKey(kind: .cause, id: "dehidrasi")),
    (alias: "kram otot", target: ContentKey(kind: .condition, id: "kram-otot")),
    (alias: "kram", target: ContentKey(kind: .condition, id: "kram-otot")),
    (alias: "diabetes", target: ContentKey(kind: .cause, id: "diabetes")),
])
let titles = Dictionary(uniqueKeysWithValues: CalloutKind.allCases.map { ($0, $0.rawValue) })

/// One input: a Markdown body, rendered as an article's (with auto-links) in safe mode, and with raw HTML allowed.
func fuzzMarkdown(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    guard case let .success(body) = SourceText.decode(Data(buffer: bytes), path: "content/id/articles/a.md") else { return 0 }
    let file = ContentFile(path: "content/id/articles/a.md", kind: .article, language: "id", id: "a", meta: FrontMatter(),
                           body: body, bodyStartLine: 7)
    for allowRawHTML in [false, true] {
        _ = BodyRenderer(file: file, targets: FuzzTargets(), aliases: aliases, calloutTitles: titles, allowRawHTML: allowRawHTML, preview: allowRawHTML).render()
    }
    return 0
}
