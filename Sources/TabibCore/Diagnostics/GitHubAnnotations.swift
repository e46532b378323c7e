import Foundation

/// `tabib check --format github`: one workflow command per mistake (`::error file=…,line=…,col=…::…`),
/// which GitHub Actions shows on the line in the pull request. The same mistake in many places is
/// one annotation at its first place, saying where else (`DiagnosticGroup`).
public enum GitHubAnnotations {
    /// `folder`: where the site's root is in the repository (`site/` when the check runs with
    /// `--root site`), since GitHub reads file paths from the repository's root.
    public static func encode(_ diagnostics: [Diagnostic], folder: String = "") -> String {
        var lines = DiagnosticGroup.grouping(diagnostics).map { annotation($0, folder: folder) }
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        lines.append("\(DiagnosticGroup.grouped(errors)) error\(errors == 1 ? "" : "s"), \(DiagnosticGroup.grouped(warnings)) warning\(warnings == 1 ? "" : "s").")
        return lines.joined(separator: "\n")
    }

    static func annotation(_ group: DiagnosticGroup, folder: String = "") -> String {
        let diagnostic = group.first
        var properties: [String] = []
        if let location = diagnostic.location {
            properties.append("file=" + escapeProperty(folder + location.path))
            if let line = location.line { properties.append("line=\(line)") }
            if let column = location.column { properties.append("col=\(column)") }
        }
        properties.append("title=" + escapeProperty("tabib: \(diagnostic.code)"))
        var message = diagnostic.message
        for note in diagnostic.notes { message += "\nnote: \(note)" }
        if let also = group.alsoIn { message += "\nnote: \(also)" }
        return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// The message of a workflow command: `%`, CR and LF encoded, as GitHub's runner decodes them.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property value: as the message, and `:` and `,`, which end a property, encoded too.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}
