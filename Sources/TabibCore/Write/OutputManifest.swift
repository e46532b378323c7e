import Foundation

/// The list of files a build wrote into its output folder (`.tabib-files`, one path per line,
/// relative to the output): the files the next build may replace or remove. Anything else in the
/// folder is the user's. The list is read as untrusted text: a line that is not a plain path inside
/// the output is an error, never followed.
enum OutputManifest {
    /// Why `path` cannot name a file of the output: absolute, empty, climbing out with `..`, or one of
    /// tabib's own bookkeeping files. Nil for a plain relative path.
    static func problem(with path: Substring) -> String? {
        if path.isEmpty { return "an empty path" }
        if path.hasPrefix("/") { return "an absolute path, outside the output" }
        if path.utf8.contains(0) { return "a path with a NUL character" }
        for name in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch name {
            case "..": return "a path that climbs out of the output with '..'"
            case ".": return "a path with a '.' folder"
            case "": return "a path with an empty folder name"
            default: continue
            }
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
        for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
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
        Data(paths.sorted().map { $0 + "\n" }.joined().utf8)
    }
}
