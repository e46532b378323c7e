import Foundation

/// `tabib check --format json`: one object per diagnostic with file, line, column, severity, a stable
/// code, the message, its notes and the text of the line it points at (`sourceLine`), plus the counts.
public enum DiagnosticJSON {
    public static func encode(_ diagnostics: [Diagnostic]) -> String {
        struct Item: Encodable {
            var file: String?
            var line: Int?
            var column: Int?
            var severity: String
            var code: String
            var message: String
            var notes: [String]
            var sourceLine: String?
        }
        struct Report: Encodable {
            var diagnostics: [Item]
            var errors: Int
            var warnings: Int
        }
        let report = Report(
            diagnostics: diagnostics.sorted().map {
                Item(file: $0.location?.path, line: $0.location?.line, column: $0.location?.column, severity: $0.severity.rawValue,
                     code: $0.code, message: $0.message, notes: $0.notes, sourceLine: $0.sourceLine)
            },
            errors: diagnostics.errors.count, warnings: diagnostics.warnings.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(report)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
