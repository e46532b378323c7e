import Foundation
import Testing
@testable import TabibCore

/// A small site described inline, Hugo-style: `-- path --` lines followed by the file's text.
/// It is written into a fresh temporary folder with the repository's real templates, unless the
/// description replaces them.
struct TestSite {
    let root: URL

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let siteYAML = """
    baseURL: https://example.org/
    defaultLanguage: id
    languages:
      - code: id
        name: Bahasa Indonesia
        locale: id-ID
        title: Situs Uji
        sections: {articles: artikel, causes: penyebab, conditions: kondisi, handouts: selebaran}
      - code: en
        name: English
        locale: en-GB
        title: Test Site
    """

    static let disclaimer = """
    ---
    title: Penafian
    ---
    Informasi ini hanya untuk edukasi.
    """

    /// Writes `description`; `content/site.yaml` and the disclaimer are added unless given.
    init(_ description: String, templates: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tabib-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if templates {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        }
        var files = Self.parse(description)
        if files["content/site.yaml"] == nil { files["content/site.yaml"] = Self.siteYAML }
        if files["content/id/pages/disclaimer.md"] == nil { files["content/id/pages/disclaimer.md"] = Self.disclaimer }
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Array(text.utf8))
    }

    func write(_ path: String, bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func remove(_ path: String) throws { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }

    static func parse(_ description: String) -> [String: String] {
        var files: [String: String] = [:]
        var current: String?
        var lines: [Substring] = []
        func flush() {
            if let current { files[current] = lines.joined(separator: "\n") + "\n" }
        }
        for line in description.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --") {
                flush()
                current = String(line.dropFirst(3).dropLast(3))
                lines = []
            } else {
                lines.append(line)
            }
        }
        flush()
        return files
    }

    var options: BuildOptions { BuildOptions(root: root) }

    /// Builds into memory; the failure's diagnostics when the build fails.
    func build(baseURL: String? = nil, drafts: Bool = false) async -> Result<MemoryOutput, BuildFailure> {
        let output = MemoryOutput()
        do {
            _ = try await SiteBuilder(options: BuildOptions(root: root, includeDrafts: drafts, baseURL: baseURL)).build(into: output)
            return .success(output)
        } catch {
            return .failure(error)
        }
    }

    /// The text of every error of a failed build, one per line, in order.
    func errors(baseURL: String? = nil) async -> String {
        switch await build(baseURL: baseURL) {
        case .success: return "(the build succeeded)"
        case let .failure(failure): return failure.diagnostics.errors.map(\.description).joined(separator: "\n")
        }
    }
}

extension Result where Failure == BuildFailure {
    var output: Success? { if case let .success(value) = self { value } else { nil } }
}

/// The body HTML of a page: what its `<div class="prose">` holds.
func proseOf(_ page: String) throws -> String {
    let start = try #require(page.range(of: "<div class=\"prose\">\n"))
    let end = try #require(page.range(of: "\n</div>\n", range: start.upperBound..<page.endIndex))
    return String(page[start.upperBound..<end.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
}
