/// Diagnostics as a terminal shows them, the way the Swift and Rust compilers do: the message, then
/// the line it points at with a caret under the column, then the notes; one message per mistake
/// (`DiagnosticGroup`), and the counts.
///
///     content/id/articles/a.md:4:10: error: the list opened here with '[' is never closed; …
///       4 | summary: [tidak ditutup
///         |          ^
///       note: …
public struct DiagnosticPrinter: Sendable {
    /// ANSI colours and bold; only for a terminal that has not asked for none (`NO_COLOR`).
    public var colors: Bool

    public init(colors: Bool = false) { self.colors = colors }

    /// Every diagnostic, grouped and sorted, then `2 errors, 1 warning.`; empty for none.
    public func report(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "" }
        var text = DiagnosticGroup.grouping(diagnostics).map(render).joined(separator: "\n")
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        text += "\n\(DiagnosticGroup.grouped(errors)) error\(errors == 1 ? "" : "s"), "
            + "\(DiagnosticGroup.grouped(warnings)) warning\(warnings == 1 ? "" : "s")."
        return text
    }

    public func render(_ group: DiagnosticGroup) -> String {
        let diagnostic = group.first
        var text = ""
        if let location = diagnostic.location { text += style(.bold, "\(location):") + " " }
        let severity = diagnostic.severity == .error ? Style.error : Style.warning
        text += style(severity, "\(diagnostic.severity.rawValue):") + " " + style(.bold, diagnostic.message)
        if let line = diagnostic.location?.line, let source = diagnostic.sourceLine {
            let snippet = Self.snippet(source, column: diagnostic.location?.column)
            let number = String(line)
            let gutter = String(repeating: " ", count: number.count)
            text += "\n  " + style(.gutter, "\(number) |") + (snippet.line.isEmpty ? "" : " " + snippet.line)
            if let caret = snippet.caret { text += "\n  " + style(.gutter, "\(gutter) |") + " " + style(severity, caret) }
        }
        for note in diagnostic.notes { text += "\n  " + style(.note, "note:") + " " + note }
        if let also = group.alsoIn { text += "\n  " + style(.note, "note:") + " " + also }
        return text
    }

    /// A source line as shown (tabs as four spaces, other control characters as spaces) and a caret
    /// line whose `^` stands under the `column`th character (columns count Unicode scalars, from 1).
    public static func snippet(_ line: String, column: Int?) -> (line: String, caret: String?) {
        var shown = "", caret = ""
        var index = 1
        for scalar in line.unicodeScalars {
            let width: Int
            let text: String
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: (width, text) = (0, String(scalar))
            case .control: (width, text) = scalar == "\t" ? (4, "    ") : (1, " ")
            default:
                (width, text) = (scalar.properties.isEmojiPresentation || Self.isWide(scalar) ? 2 : 1, String(scalar))
            }
            if let column, index < column { caret += String(repeating: " ", count: width) }
            shown += text
            index += 1
        }
        // A column past the end of the line points just after it.
        return (shown, column == nil ? nil : caret + "^")
    }

    /// East Asian wide characters take two columns in a terminal.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default: false
        }
    }

    enum Style: String {
        case bold = "1", error = "1;31", warning = "1;35", gutter = "1;34", note = "1;36"
    }

    func style(_ style: Style, _ text: String) -> String {
        colors ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
