import TabibCore

/// The box drawn over an open page while the site does not build: each mistake once (`DiagnosticGroup`)
/// with its `path:line:col`, the line it points at with a caret under the column, its notes, all text
/// HTML-escaped, and what will happen once the writer fixes it.
enum ErrorOverlay {
    static let elementID = "tabib-overlay"

    static func html(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.errors.count
        var html = "<div id=\"\(elementID)\" role=\"alertdialog\" aria-modal=\"true\" aria-labelledby=\"\(elementID)-title\" "
        html += "style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.97);color:#fff;"
        html += "font:15px/1.5 system-ui,sans-serif;padding:2rem\">"
        html += "<h2 id=\"\(elementID)-title\" style=\"margin:0 0 .5rem;color:#ff8a80\">The site could not be rebuilt: "
        html += "\(errors) error\(errors == 1 ? "" : "s")</h2>"
        html += "<p style=\"margin:0 0 1rem\">This page shows the last version that built. Fix the problem below and save: "
        html += "the page reloads by itself.</p><ol style=\"padding-left:1.5rem\">"
        for group in DiagnosticGroup.grouping(diagnostics) {
            let diagnostic = group.first
            let color = diagnostic.severity == .error ? "#ff8a80" : "#ffd180"
            html += "<li style=\"margin-bottom:.75rem\">"
            if let location = diagnostic.location {
                html += "<code style=\"font:14px ui-monospace,monospace;color:#80d8ff\">\(escape(location.description))</code>: "
            }
            html += "<strong style=\"color:\(color)\">\(diagnostic.severity.rawValue)</strong>: \(escape(diagnostic.message))"
            if let line = diagnostic.location?.line, let source = diagnostic.sourceLine {
                html += sourceLine(source, number: line, column: diagnostic.location?.column, color: color)
            }
            for note in diagnostic.notes + (group.alsoIn.map { [$0] } ?? []) {
                html += "<br><span style=\"color:#ccc\">note: \(escape(note))</span>"
            }
            html += "</li>"
        }
        return html + "</ol></div>"
    }

    /// The line under the message, as the terminal shows it: its number, the text, and a caret under the column.
    static func sourceLine(_ text: String, number: Int, column: Int?, color: String) -> String {
        let snippet = DiagnosticPrinter.snippet(text, column: column)
        let gutter = String(number), blank = String(repeating: " ", count: String(number).count)
        var html = "<pre style=\"margin:.4rem 0;padding:.5rem .75rem;background:#000;border-radius:4px;overflow-x:auto;"
        html += "font:14px/1.4 ui-monospace,monospace;color:#eee\"><span style=\"color:#80d8ff\">\(gutter) |</span> \(escape(snippet.line))"
        if let caret = snippet.caret {
            html += "\n<span style=\"color:#80d8ff\">\(blank) |</span> <span style=\"color:\(color);font-weight:bold\">\(escape(caret))</span>"
        }
        return html + "</pre>"
    }

    static func escape(_ text: String) -> String { HTML.escape(text) }
}
