import Foundation

/// The site's search index (`search: true` in site.yaml): Pagefind (https://pagefind.app), run over
/// the pages a build wrote, before the build is committed, its bundle written into the same output
/// under `pagefind/`. A failed index fails the build, so the previous output stays as it was.
///
/// Pagefind indexes only the pages with `data-pagefind-body` (articles, causes and conditions): the
/// build keeps a copy of each in a scratch folder as it writes them (`Pages`), since an output that is
/// updated in place holds only the changed pages in its staging folder. When those pages are the same
/// as when the output's index was made (`fingerprintPath`), Pagefind is not run again and the index
/// already in the output is kept.
public enum SearchIndex {
    /// Where the bundle goes in the output, and what its search page imports (`pagefind/pagefind.js`).
    public static let folder = "pagefind"
    /// In the bundle: a fingerprint of the pages the index was made from.
    public static let fingerprintPath = "pagefind/tabib-pages.txt"
    /// What marks a page Pagefind indexes.
    static let marker = Array("data-pagefind-body".utf8)
    /// How long Pagefind may take before the build gives up on it.
    public static let timeout: Double = 600

    /// A site with search needs the search page's template.
    static let missingTemplate = Diagnostic.error("missing-template",
        "site.yaml turns search on (search: true), but templates/search.mustache, the search page, is missing; restore it from tabib's default templates, or set search: false.",
        at: SourceLocation(path: "templates/search.mustache"))

    /// Passes every file on to `sink`, and keeps a copy of each page Pagefind will index in `folder`,
    /// with a fingerprint of its path and bytes.
    public final class Pages<Sink: OutputSink>: OutputSink, @unchecked Sendable {
        let sink: Sink
        public let folder: URL
        private let lock = NSLock()
        private var made: Set<String> = [""]
        private var prints: [String: UInt64] = [:]

        public init(passingTo sink: Sink) throws(BuildFailure) {
            self.sink = sink
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("tabib-search-\(UUID().uuidString)")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw BuildFailure([.error("search-index-failed",
                    "tabib cannot make a scratch folder for the search index in \(FileManager.default.temporaryDirectory.path) (\(error.localizedDescription)); check the disk and its permissions.")])
            }
        }

        public func write(_ file: OutputFile) throws {
            try sink.write(file)
            guard file.path.hasSuffix(".html"), SearchIndex.contains(file.contents, SearchIndex.marker) else { return }
            let parent = file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? ""
            if !lock.withLock({ made.contains(parent) }) {
                try FileManager.default.createDirectory(at: folder.appendingPathComponent(parent), withIntermediateDirectories: true)
                lock.withLock { _ = made.insert(parent) }
            }
            try FileBytes.create(folder.path + "/" + file.path, file.contents)
            let print = SearchIndex.fnv(file.contents, seed: SearchIndex.fnv(Array(file.path.utf8)))
            lock.withLock { prints[file.path] = print }
        }

        /// How many pages are kept, and one line per page: its fingerprint and its path.
        var fingerprint: (pages: Int, text: String) {
            lock.withLock {
                (prints.count, prints.keys.sorted().map { String(prints[$0]!, radix: 16) + " " + $0 + "\n" }.joined())
            }
        }

        /// Removes the copies.
        public func discard() { try? FileManager.default.removeItem(at: folder) }
    }

    /// What indexing did.
    public struct Outcome: Sendable, Equatable {
        /// Pages indexed.
        public var pages: Int
        /// Files of the bundle written into the output.
        public var files: Int
        /// The bundle's size in bytes.
        public var bytes: Int
        /// Whether Pagefind ran; false when the pages were unchanged and the output's index was kept.
        public var ran: Bool
    }

    /// Indexes the pages `pages` kept and writes the bundle through `sink` (the same output). `previous`:
    /// the output folder of an earlier build, whose index is kept when the pages have not changed.
    public static func index<Sink: OutputSink>(_ pages: Pages<Sink>, previous: URL?, into sink: some OutputSink,
                                               timeout: Double = timeout,
                                               path: String? = ProcessInfo.processInfo.environment["PATH"]) async throws(BuildFailure) -> Outcome {
        let (count, fingerprint) = pages.fingerprint
        if let previous, let kept = keptBundle(in: previous, fingerprint: fingerprint) {
            var bytes = 0
            do {
                for file in kept {
                    try sink.write(file)
                    bytes += file.contents.count
                }
            } catch {
                throw BuildFailure([.error("write-failed", "could not write the search index (\(error)); check the disk and its permissions.")])
            }
            return Outcome(pages: count, files: kept.count, bytes: bytes, ran: false)
        }
        let bundle = pages.folder.deletingLastPathComponent().appendingPathComponent(pages.folder.lastPathComponent + "-bundle")
        defer { try? FileManager.default.removeItem(at: bundle) }
        try await run(site: pages.folder, output: bundle, timeout: timeout, path: path)
        var files = FileBytes.files(in: bundle).sorted().compactMap { relative -> OutputFile? in
            guard let data = FileManager.default.contents(atPath: bundle.appendingPathComponent(relative).path) else { return nil }
            return OutputFile(path: "\(folder)/\(relative)", contents: [UInt8](data))
        }
        files.append(OutputFile(path: fingerprintPath, text: fingerprint))
        var bytes = 0
        do {
            for file in files {
                try sink.write(file)
                bytes += file.contents.count
            }
        } catch {
            throw BuildFailure([.error("write-failed", "could not write the search index (\(error)); check the disk and its permissions.")])
        }
        return Outcome(pages: count, files: files.count, bytes: bytes, ran: true)
    }

    /// The bundle for a whole site held in memory (`files`: every file's path and bytes), made in a
    /// scratch folder: for `tabib serve`, which has no output folder.
    public static func bundle(of files: [(path: String, bytes: [UInt8])], timeout: Double = timeout) async throws(BuildFailure) -> [OutputFile] {
        let pages = try Pages(passingTo: DiscardingOutput())
        defer { pages.discard() }
        do {
            for file in files { try pages.write(OutputFile(path: file.path, contents: file.bytes)) }
        } catch {
            throw BuildFailure([.error("search-index-failed", "tabib could not copy the pages for the search index (\(error)); check the disk and its permissions.")])
        }
        let output = MemoryOutput()
        _ = try await index(pages, previous: nil, into: output, timeout: timeout)
        return output.files.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, contents: $0.value) }
    }

    /// Drops what it is given.
    struct DiscardingOutput: OutputSink {
        func write(_ file: OutputFile) throws {}
    }

    /// The bundle an earlier build left in `output`, when it was made from the same pages.
    static func keptBundle(in output: URL, fingerprint: String) -> [OutputFile]? {
        let bundle = output.appendingPathComponent(folder)
        guard let old = FileManager.default.contents(atPath: output.appendingPathComponent(fingerprintPath).path),
              String(decoding: old, as: UTF8.self) == fingerprint else { return nil }
        var files: [OutputFile] = []
        for relative in FileBytes.files(in: bundle).sorted() {
            guard let data = FileManager.default.contents(atPath: bundle.appendingPathComponent(relative).path) else { return nil }
            files.append(OutputFile(path: "\(folder)/\(relative)", contents: [UInt8](data)))
        }
        return files.contains { $0.path == "\(folder)/pagefind.js" } ? files : nil
    }

    /// Runs Pagefind over `site`, writing its bundle into `output`: the `pagefind` program on PATH, else
    /// the one `python3 -m pip install 'pagefind[bin]'` installs.
    static func run(site: URL, output: URL, timeout: Double, path: String?) async throws(BuildFailure) {
        let install = "install it with `python3 -m pip install 'pagefind[bin]==1.5.2'` and build again, or turn search off with `search: false` in content/site.yaml"
        let arguments = ["--site", site.path, "--output-path", output.path, "--quiet"]
        let command: (tool: CommandLineTool, arguments: [String])
        if let pagefind = CommandLineTool.find(["pagefind", "pagefind_extended"], path: path) {
            command = (pagefind, arguments)
        } else if let python = CommandLineTool.find(["python3"], path: path) {
            command = (python, ["-m", "pagefind"] + arguments)
        } else {
            throw BuildFailure([.error("search-tool-missing", "site.yaml turns search on, but Pagefind, which indexes the site, is not installed; \(install).",
                                       at: SourceLocation(path: "content/site.yaml"))])
        }
        let result: CommandLineTool.Result
        do {
            result = try await command.tool.run(command.arguments, timeout: timeout)
        } catch {
            throw BuildFailure([.error("search-index-failed", "tabib could not start Pagefind (\(command.tool.executable.path): \(error.localizedDescription)); \(install).")])
        }
        if result.timedOut {
            throw BuildFailure([.error("search-index-failed",
                "Pagefind did not finish indexing the site within \(Int(timeout)) seconds and was stopped; the output was left as it was. Build again; if it keeps happening, turn search off with `search: false` in content/site.yaml and report it.")])
        }
        if result.status != 0 {
            let said = (result.errorOutput + result.output).trimmingCharacters(in: .whitespacesAndNewlines)
            if said.contains("No module named pagefind") {
                throw BuildFailure([.error("search-tool-missing", "site.yaml turns search on, but Pagefind, which indexes the site, is not installed; \(install).",
                                           at: SourceLocation(path: "content/site.yaml"))])
            }
            let tail = said.split(separator: "\n").suffix(8).joined(separator: "\n")
            throw BuildFailure([.error("search-index-failed",
                "Pagefind could not index the site (exit status \(result.status)); the output was left as it was. Fix what it says, or turn search off with `search: false` in content/site.yaml.",
                notes: tail.isEmpty ? [] : ["Pagefind said:\n\(tail)"])])
        }
    }

    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var i = 0
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first, bytes[i ..< i + needle.count].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// FNV-1a, 64 bits: the same on every run, unlike `Hasher`.
    static func fnv(_ bytes: [UInt8], seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
