import TabibCore

/// The box drawn over an open page while the site does not build: each diagnostic with its
/// `path:line:col`, all text HTML-escaped, and what will happen once the writer fixes it.
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
        for diagnostic in diagnostics {
            let color = diagnostic.severity == .error ? "#ff8a80" : "#ffd180"
            html += "<li style=\"margin-bottom:.75rem\">"
            if let location = diagnostic.location {
                html += "<code style=\"font:14px ui-monospace,monospace;color:#80d8ff\">\(escape(location.description))</code>: "
            }
            html += "<strong style=\"color:\(color)\">\(diagnostic.severity.rawValue)</strong>: \(escape(diagnostic.message))"
            for note in diagnostic.notes {
                html += "<br><span style=\"color:#ccc\">note: \(escape(note))</span>"
            }
            html += "</li>"
        }
        return html + "</ol></div>"
    }

    static func escape(_ text: String) -> String { HTML.escape(text) }
}
