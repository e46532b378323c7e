import Foundation

/// `tabib check`: every validation of the build (nothing is written) plus the checks that make content
/// trustworthy: unused entities, entities without evidence, orphan pages, articles without sources or
/// reviewer, overdue reviews, untranslated pages and translations older than their source's review.
public struct SiteChecker: Sendable {
    public var options: BuildOptions
    public var today: Day

    public init(options: BuildOptions, today: Day = .today) {
        self.options = options
        self.today = today
    }

    public func check() async -> [Diagnostic] {
        let prepared: SiteBuilder.Prepared
        // Everything is checked, also what a public build would leave out.
        var options = options
        options.preview = true
        options.today = today
        do {
            prepared = try await SiteBuilder(options: options).prepare()
        } catch {
            return error.diagnostics
        }
        var diagnostics = prepared.diagnostics
        let renderer = prepared.renderer
        for body in renderer.bodies.bodies {
            for passage in body.reviewPassages {
                diagnostics.append(.warning("review-passage",
                    "this passage awaits clinical review (\(passage.note.hasSuffix(".") ? String(passage.note.dropLast()) : passage.note)); public builds leave it out until a clinician has checked it and the \(BodyRenderer.reviewMarker) line is removed.",
                    at: passage.location))
            }
        }
        let pageDiagnostics = await ParallelMap.map(renderer.jobs()) { renderer.render($0).1 }
        diagnostics += pageDiagnostics.flatMap { $0 }
        diagnostics += trust(prepared.graph, bodies: renderer.bodies)
        return diagnostics.sorted()
    }

    func trust(_ graph: SiteGraph, bodies: RenderedBodies) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let source = graph.config.defaultLanguage
        let linkedEntities = Set(graph.edges.flatMap { [$0.cause, $0.effect] })
        let mentioned = Set(bodies.bodies.flatMap(\.mentions))
        let backlinked = Set(bodies.backlinks.keys)

        for file in graph.files {
            let here = SourceLocation(path: file.path, line: 1, column: 1)
            func at(_ key: String) -> SourceLocation { file.meta.keyLocations[key] ?? here }
            let isSource = file.language == source || graph.file(file.key, language: source) == nil
            switch file.kind {
            case .article:
                if file.meta.sources.isEmpty {
                    diagnostics.append(.warning("no-sources", "this article cites no sources; add 'sources' with the organisations or studies it relies on.", at: here))
                }
                if isSource { diagnostics += sourceWarnings(file) }
                if file.meta.clinicalReview == nil, file.meta.review == nil, isSource {
                    diagnostics.append(.warning("awaiting-clinical-review",
                        graph.config.publishBeforeClinicalReview
                            ? "no clinician has reviewed this article yet; it is published with a notice to readers ('publishBeforeClinicalReview: true'). Add 'clinicalReview: {name: …, credential: …, date: …}' once one has."
                            : "no clinician has reviewed this article yet, so public builds leave it out; add 'clinicalReview: {name: …, credential: …, date: …}' once one has.",
                        at: at("reviewed")))
                }
                if let reviewed = file.meta.reviewed {
                    let next = file.meta.nextReviewDue(intervalMonths: graph.config.reviewIntervalMonths)!
                    if next < today {
                        diagnostics.append(.warning("review-overdue", "the review was due on \(next.iso); review the article and update 'reviewed'.", at: at(file.meta.nextReview == nil ? "reviewed" : "nextReview")))
                    }
                }
                if let review = file.meta.review {
                    diagnostics.append(.warning("needs-clinical-review", "this article is flagged for clinical review: \(review.note ?? "no note"); have a clinician check it, then remove 'review'.", at: at("review")))
                }
                if file.meta.conditions.isEmpty, file.meta.causes.isEmpty, !backlinked.contains(file.key), isSource {
                    diagnostics.append(.warning("orphan-page", "no other page links to this article and it names no causes or conditions; link it from a related article or add its 'conditions'.", at: here))
                }
            case .cause, .condition:
                if isSource {
                    if graph.articlesAbout[file.id] == nil {
                        diagnostics.append(.warning("unused-entity", "no article names '\(file.id)' in its 'conditions' or 'causes'; reference it from an article or delete it.", at: here))
                    } else if !linkedEntities.contains(file.id) {
                        diagnostics.append(.warning("no-evidence", "'\(file.id)' has no link to any cause or condition backed by an article; add it to an article's 'causes' where the article says so.", at: here))
                    }
                    if graph.articlesAbout[file.id] == nil, !mentioned.contains(file.key), !backlinked.contains(file.key) {
                        diagnostics.append(.warning("orphan-page", "nothing links to this page; reference '\(file.id)' from an article.", at: here))
                    }
                }
            case .page:
                break
            }
            // Translations.
            if file.language == source {
                let missing = graph.config.languages.map(\.code).filter { $0 != source && graph.file(file.key, language: $0) == nil }
                if !missing.isEmpty {
                    diagnostics.append(.warning("translation-missing", "this page has no translation in \(missing.joined(separator: ", ")); readers of those languages are sent to their home page.", at: here))
                }
            } else if let translation = file.meta.translation, let original = graph.file(file.key, language: translation.from) {
                let sourceDate = [original.meta.reviewed, original.meta.clinicalReview?.date, original.meta.date].compactMap { $0 }.max()
                if let sourceDate, let made = translation.date, made < sourceDate {
                    diagnostics.append(.warning("translation-outdated",
                        "this translation was made on \(made.iso), before \(original.path) was last reviewed on \(sourceDate.iso); update it and its 'translation.date'.", at: at("translation")))
                }
            } else if file.meta.translation == nil, graph.file(file.key, language: source) != nil {
                diagnostics.append(.warning("translation-unmarked", "this page translates \(graph.file(file.key, language: source)!.path) but does not say so; add 'translation: {from: \(source), reviewed: false}'.", at: here))
            }
        }
        return diagnostics
    }

    /// Sources a reader cannot check (no URL, or only a site's home page), and articles that rest on
    /// news and opinion alone.
    func sourceWarnings(_ file: ContentFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for source in file.meta.sources {
            guard let url = source.url else {
                diagnostics.append(.warning("source-without-url",
                    "the source '\(source.title)' has no URL, so a reader cannot check it; add the address of the page that supports the article.",
                    at: source.location))
                continue
            }
            if Self.isHomePage(url) {
                diagnostics.append(.warning("source-home-page",
                    "the source '\(source.title)' links to the home page \(url), where a reader cannot find what the article relies on; link the very page that says it.",
                    at: source.location))
            }
        }
        let kinds = file.meta.sources.map(\.kind)
        if !kinds.isEmpty, kinds.allSatisfy({ $0?.isWeak == true }) {
            diagnostics.append(.warning("weak-sources",
                "every source of this article is news or a personal opinion; support its medical claims with a guideline, a review or a health organisation's page.",
                at: file.meta.keyLocations["sources"] ?? SourceLocation(path: file.path, line: 1, column: 1)))
        }
        return diagnostics
    }

    /// Whether a URL names a site and nothing on it (`https://www.aaos.org/`).
    static func isHomePage(_ url: String) -> Bool {
        guard let components = URLComponents(string: url) else { return false }
        return (components.path.isEmpty || components.path == "/") && components.query == nil && components.fragment == nil
    }
}
