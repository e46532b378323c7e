/// Where an article stands with clinical review, which decides whether the public build shows it.
public enum PublicationState: Sendable, Hashable {
    /// A clinician has checked it (`clinicalReview`): published.
    case clinicallyReviewed
    /// No clinician has checked it yet: held back unless `publishBeforeClinicalReview: true`, then
    /// published with a notice to readers.
    case awaitingClinicalReview
    /// Flagged as a whole (`review: {flag: needs-clinical-review}`): never in a public build.
    case flagged

    /// The state of an article: a translation stands where its source stands (a clinician reviews
    /// what the article says, and a translation says the same), and is flagged when it is flagged itself.
    public static func of(_ file: ContentFile, source: ContentFile?) -> PublicationState {
        let source = source ?? file
        if file.meta.review != nil || source.meta.review != nil { return .flagged }
        return source.meta.clinicalReview == nil ? .awaitingClinicalReview : .clinicallyReviewed
    }
}

/// Decides, between loading and the graph, which articles a build publishes, so that pages, handouts,
/// feeds, the sitemap and the graph's evidence all follow the same rule: an article left out is
/// nowhere, and states nothing. A preview (`--drafts`, `tabib serve`) shows everything.
public enum PublicationGate {
    /// What a public build left out, for its summary line.
    public struct Withheld: Sendable, Equatable {
        /// Source-language paths of the articles awaiting clinical review, and of the flagged ones.
        public var awaiting: [String] = []
        public var flagged: [String] = []
        public var isEmpty: Bool { awaiting.isEmpty && flagged.isEmpty }

        /// One line naming what was held back and the setting that would publish it.
        public var summary: String? {
            var parts: [String] = []
            if !awaiting.isEmpty {
                parts.append("Held back, not yet clinically reviewed: \(awaiting.joined(separator: ", ")) (with their translations); 'publishBeforeClinicalReview: true' in content/site.yaml publishes them with a notice to readers.")
            }
            if !flagged.isEmpty {
                parts.append("Held back, flagged for clinical review as a whole: \(flagged.joined(separator: ", ")) (with their translations); they stay out of every public build until a clinician clears 'review'.")
            }
            return parts.isEmpty ? nil : parts.joined(separator: " ")
        }
    }

    /// The content a build publishes, with what it left out. `preview` keeps everything.
    public static func apply(_ content: LoadedContent, preview: Bool) -> LoadedContent {
        var content = content
        guard !preview else { return content }
        let config = content.config
        var sources: [ContentKey: [String: ContentFile]] = [:]
        for file in content.files where file.kind == .article { sources[file.key, default: [:]][file.language] = file }
        var kept: [ContentFile] = []
        var withheld = Withheld()
        var withheldFiles = content.withheldFiles
        for file in content.files {
            guard file.kind == .article else { kept.append(file); continue }
            let sourceLanguage = file.meta.translation?.from ?? config.defaultLanguage
            let source = sources[file.key]?[sourceLanguage]
            let state = PublicationState.of(file, source: source)
            let isSource = source == nil || source === file
            switch state {
            case .clinicallyReviewed:
                kept.append(file)
            case .awaitingClinicalReview where config.publishBeforeClinicalReview:
                kept.append(file)
            case .awaitingClinicalReview:
                withheldFiles.append(file)
                if isSource { withheld.awaiting.append(file.path) }
            case .flagged:
                withheldFiles.append(file)
                // A translation is named on its own only when it is flagged and its source is not.
                if isSource || source?.meta.review == nil { withheld.flagged.append(file.path) }
            }
        }
        content.files = kept
        content.withheld = withheld
        content.withheldFiles = withheldFiles
        return content
    }
}
