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
    publishBeforeClinicalReview: true
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

    /// The text of every error of a failed build, one per line, in order. The build writes to a
    /// folder holding a previous build, which must come out of the failure byte for byte as it was.
    func errors(baseURL: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) async -> String {
        let output = root.appendingPathComponent("previous-build")
        let previous: [String: [UInt8]] = [
            OutputDirectory.markerName: Array(OutputDirectory.markerText.utf8),
            "index.html": Array("<!DOCTYPE html><title>previous</title>".utf8),
            "id/artikel/lama/index.html": Array("<p>previous article</p>".utf8),
        ]
        for (path, bytes) in previous { try? write("previous-build/\(path)", bytes: bytes) }
        defer { try? FileManager.default.removeItem(at: output) }
        do {
            _ = try await SiteBuilder(options: BuildOptions(root: root, baseURL: baseURL)).build(toDirectory: output)
            return "(the build succeeded)"
        } catch {
            #expect(Self.files(in: output) == previous, "the failed build changed the previous output", sourceLocation: sourceLocation)
            let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0.contains(".tabib-") && $0 != ".tabib-cache" }
            #expect(leftovers == [], "the failed build left its staging folder behind", sourceLocation: sourceLocation)
            return error.diagnostics.errors.map(\.description).joined(separator: "\n")
        }
    }

    /// Every file under `folder` with its bytes, by path relative to it.
    static func files(in folder: URL) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               let data = FileManager.default.contents(atPath: url.path) {
                result[path] = [UInt8](data)
            }
        }
        return result
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
