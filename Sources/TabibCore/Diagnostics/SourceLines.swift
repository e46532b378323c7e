import Foundation

/// The lines diagnostics point at, so that every printer (terminal, JSON, the preview's overlay) can
/// show the line under the message. Front matter errors carry their line from the load; the others
/// get it here, from the site's files (relative to the root), each file read once.
public enum SourceLines {
    /// `diagnostics`, with `sourceLine` filled in wherever the location has a line and none was captured.
    public static func attach(_ diagnostics: [Diagnostic], root: URL) -> [Diagnostic] {
        var files: [String: [Substring]] = [:]
        return diagnostics.map { diagnostic in
            guard diagnostic.sourceLine == nil, let location = diagnostic.location, let number = location.line else { return diagnostic }
            if files[location.path] == nil { files[location.path] = read(root.appendingPathComponent(location.path)) }
            var diagnostic = diagnostic
            if let lines = files[location.path], number <= lines.count { diagnostic.sourceLine = String(lines[number - 1]) }
            return diagnostic
        }
    }

    /// `diagnostics`, with the lines of `text` (a file's whole text, decoded) filled in where they point into `path`.
    static func attach(_ diagnostics: [Diagnostic], text: String, path: String) -> [Diagnostic] {
        guard diagnostics.contains(where: { $0.sourceLine == nil && $0.location?.path == path && $0.location?.line != nil }) else { return diagnostics }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return diagnostics.map { diagnostic in
            guard diagnostic.sourceLine == nil, let location = diagnostic.location, location.path == path,
                  let number = location.line, number <= lines.count else { return diagnostic }
            var diagnostic = diagnostic
            diagnostic.sourceLine = String(lines[number - 1])
            return diagnostic
        }
    }

    /// The lines of a file as tabib reads it (byte-order mark dropped, CRLF read as LF); empty when it cannot be read.
    private static func read(_ url: URL) -> [Substring] {
        guard let data = FileManager.default.contents(atPath: url.path),
              case let .success(text) = SourceText.decode(data, path: "") else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
    }
}
