import TabibCore

/// Why the last rebuild failed, ready to show: the diagnostics as an HTML overlay for the open pages.
struct BuildProblems: Sendable {
    let diagnostics: [Diagnostic]
    /// The overlay's HTML; every piece of the diagnostics in it is escaped.
    let overlay: String
    /// Tells one set of problems from another, for entity tags.
    let tag: String

    init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
        overlay = ErrorOverlay.html(self.diagnostics)
        tag = String(ETag.of(Array(overlay.utf8)).dropFirst().dropLast())
    }
}
