import Foundation
@testable import TabibCore

/// One input: the bytes of a content file, read as every kind of page, and as `site.yaml`.
func fuzzFrontMatter(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    let data = Data(buffer: bytes)
    guard case let .success(text) = SourceText.decode(data, path: "content/id/articles/fuzz.md") else { return 0 }
    for kind in ContentKind.allCases {
        guard case let .success(split) = FrontMatterParser.split(text, path: "content/id/articles/fuzz.md", kind: kind) else { continue }
        _ = FrontMatterParser.parse(split.yaml, path: "content/id/articles/fuzz.md", kind: kind, languages: ["id", "en"])
    }
    _ = SiteConfigParser.parse(text, baseURLOverride: nil)
    return 0
}
