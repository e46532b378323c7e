// swift-tools-version:6.0
// libFuzzer targets for tabib's parsers, in a package of their own: they are built only with
// `-sanitize=fuzzer` and `-enable-testing` (they reach tabib's internal stages through
// `@testable import`), which the main package's `swift build` never uses.
// Run them with `.ci/fuzz`; see README.md, "Fuzzing".
import PackageDescription

let package = Package(
    name: "TabibFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "tabib", path: "..")],
    targets: [
        // The declaration of libFuzzer's driver, which each target's main.swift calls.
        .target(name: "CLibFuzzer"),
        // A content file's bytes: UTF-8 decoding, the front matter split, the YAML and every key's checks.
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["CLibFuzzer", .product(name: "TabibCore", package: "tabib")]),
        // A Markdown body through cmark-gfm and tabib's passes: links, callouts, auto-links, anchors.
        .executableTarget(name: "FuzzMarkdown", dependencies: ["CLibFuzzer", .product(name: "TabibCore", package: "tabib")]),
        // Template files through the compiled Mustache engine: parse, compile for a typed model and for JSON-like data, render.
        .executableTarget(name: "FuzzTemplates", dependencies: ["CLibFuzzer", .product(name: "CompiledMustache", package: "tabib")]),
    ]
)
