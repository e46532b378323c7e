import Foundation

/// The list of files a build wrote into its output folder (`.tabib-files`, one path per line,
/// relative to the output): the files the next build may replace or remove. Anything else in the
/// folder is the user's. The list is read as untrusted text: a line that is not a plain path inside
/// the output is an error, never followed.
enum OutputManifest {
    /// Why `path` cannot name a file of the output: absolute, empty, climbing out with `..`, or one of
    /// tabib's own bookkeeping files. Nil for a plain relative path.
    static func problem(with path: Substring) -> String? {
        let bytes = path.utf8
        if bytes.isEmpty { return "an empty path" }
        if bytes.first == UInt8(ascii: "/") { return "an absolute path, outside the output" }
        if bytes.contains(0) { return "a path with a NUL character" }
        // Each folder name in turn, the first that is not a plain name telling.
        var start = bytes.startIndex
        while true {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
            let name = bytes[start..<end]
            if name.elementsEqual("..".utf8) { return "a path that climbs out of the output with '..'" }
            if name.elementsEqual(".".utf8) { return "a path with a '.' folder" }
            if name.isEmpty { return "a path with an empty folder name" }
            guard end < bytes.endIndex else { break }
            start = bytes.index(after: end)
        }
        if path == OutputDirectory.markerName || path == OutputDirectory.manifestName { return "tabib's own file \(path)" }
        return nil
    }

    /// The paths of the list at `url`, nil when there is none; a line that is not a plain path is an
    /// error at its line, and then there are no paths.
    static func read(_ url: URL) -> (paths: Set<String>?, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return (nil, []) }
        var paths: Set<String> = []
        var diagnostics: [Diagnostic] = []
        let text = String(decoding: data, as: UTF8.self)
        // Split on the byte: a path is a line however its characters combine.
        for (index, bytes) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let line = Substring(bytes)
            if line.isEmpty { continue }
            if let problem = problem(with: line) {
                diagnostics.append(.error("output-manifest-invalid",
                    "the list of files tabib wrote names '\(line)', \(problem); tabib replaces and removes only files inside its output, so it stops here. Someone other than tabib changed this list: remove the line and build again.",
                    at: SourceLocation(path: url.path, line: index + 1, column: 1)))
            } else {
                paths.insert(String(line))
            }
        }
        return diagnostics.isEmpty ? (paths, []) : (nil, diagnostics)
    }

    /// The list's text for `paths`.
    static func text(_ paths: some Sequence<String>) -> Data {
        let sorted = paths.sorted()
        var text = Data(capacity: sorted.reduce(0) { $0 + $1.utf8.count + 1 })
        for path in sorted {
            text.append(contentsOf: path.utf8)
            text.append(UInt8(ascii: "\n"))
        }
        return text
    }
}
