/// The body of a translation to fill in: the source's headings and callouts in their order, each
/// heading and callout text marked `TODO:` with the source's words, and a `TODO:` line where the
/// text of each section starts.
enum TranslationSkeleton {
    static func body(of source: String) -> String {
        var blocks: [String] = []
        var fence: Substring?
        var callout: (marker: Substring, text: [Substring])?
        var sectionHasText = false

        func closeCallout() {
            guard let open = callout else { return }
            let text = open.text.joined(separator: " ")
            blocks.append("> \(open.marker)\n> TODO: \(text)")
            callout = nil
        }
        /// One `TODO:` line where a section's text starts.
        func sawText() {
            if !sectionHasText { blocks.append("TODO: translate the text of this section.") }
            sectionHasText = true
        }

        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                sawText()
                continue
            }
            if trimmed.hasPrefix(">") {
                let inner = trimmed.dropFirst().drop { $0 == " " }
                if inner.hasPrefix("[!"), inner.hasSuffix("]"), !inner.contains(" ") {
                    closeCallout()
                    callout = (inner, [])
                    continue
                }
                if callout != nil {
                    if !inner.isEmpty { callout!.text.append(inner) }
                    continue
                }
                sawText()
                continue
            }
            closeCallout()
            if trimmed.hasPrefix("#"), let space = trimmed.firstIndex(of: " "), trimmed[..<space].allSatisfy({ $0 == "#" }) {
                sectionHasText = false
                let text = trimmed[space...].drop { $0 == " " }
                blocks.append("\(trimmed[..<space]) TODO: \(text)")
                continue
            }
            if !trimmed.isEmpty { sawText() }
        }
        closeCallout()
        return blocks.joined(separator: "\n\n") + "\n"
    }
}
