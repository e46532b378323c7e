extension SiteRenderer {
    /// The model of the article `graph.files[i]`.
    func articlePage(_ i: Int) -> ArticlePage {
        let file = contentFile(i)
        let meta = file.meta
        let code = file.language
        let path = routes.path(file.key, language: code)!
        let conditions = entityLinks(meta.conditions.map(\.value), language: code)
        let conditionIDs = Set(meta.conditions.map(\.value))
        let causes = entityLinks(meta.causes.map(\.cause.value).filter { !conditionIDs.contains($0) }, language: code)
        let body = renderedBody(i)
        let article = ArticlePage.Article(
            title: meta.title,
            summary: meta.summary ?? "",
            body: body.html,
            toc: TableOfContents(body.headings),
            handoutURL: handoutPath(file),
            dates: reviewDates(meta, language: code),
            reviewer: clinicalReviewer(file, language: code),
            awaitingReview: isAwaitingReview(file),
            sources: ArticlePage.SourceList(meta.sources.map { .init(title: $0.title, url: $0.url ?? "", linked: $0.url != nil) }),
            clinicalReview: meta.review.map { ClinicalReviewNotice(note: $0.note ?? "") },
            unreviewedTranslation: unreviewedTranslation(meta),
            topics: conditions.isEmpty && causes.isEmpty ? nil : ArticlePage.Topics(conditions: LinkList(conditions), causes: LinkList(causes)),
            related: LinkList(relatedArticles(file).compactMap { link($0, language: code) }),
            backlinks: LinkList((backlinks(file.key) ?? []).sorted().compactMap { link($0, language: code) }))

        // JSON-LD, every object's keys in the order .sortedKeys writes them.
        let cards = cardTable(code)
        let about = meta.conditions.compactMap { id -> JSONLD.Value? in
            guard let key = entityKey(id.value), let target = cards?[key] else { return nil }
            return .object([("@type", .string(PageKind.of(key.kind).schemaType!)),
                             ("name", .string(target.title)), ("url", .string(absolute(target.url)))])
        }
        var jsonLD: [(key: String, value: JSONLD.Value)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("MedicalWebPage")),
        ]
        if !about.isEmpty { jsonLD.append(("about", .array(about))) }
        if !meta.sources.isEmpty {
            jsonLD.append(("citation", .array(meta.sources.map { source in
                var item: [(key: String, value: JSONLD.Value)] = [("@type", .string("CreativeWork")), ("name", .string(source.title))]
                if let url = source.url { item.append(("url", .string(url))) }
                return .object(item)
            })))
        }
        if let date = meta.date { jsonLD.append(("datePublished", .string(DateText.iso(date)))) }
        jsonLD.append(("description", .string(meta.summary ?? "")))
        jsonLD.append(("headline", .string(meta.title)))
        jsonLD.append(("inLanguage", .string(code)))
        let clinical = clinicalReviewSource(file).meta.clinicalReview
        if let clinical { jsonLD.append(("lastReviewed", .string(DateText.iso(clinical.date)))) }
        if let first = about.first { jsonLD.append(("mainEntity", first)) }
        jsonLD.append(("name", .string(meta.title)))
        if let reviewer = clinical { jsonLD.append(("reviewedBy", .object([("@type", .string("Person")), ("name", .string(reviewer.name))]))) }
        jsonLD.append(("url", .string(absolute(path))))
        let layout = layout(language: code, title: meta.title, description: meta.summary, sitePath: path, key: file.key)
        layout.jsonLD = JSONLD.encode(.object(jsonLD))
        layout.breadcrumbs = breadcrumbs(file, path: path)
        var page = ArticlePage(layout: layout, article: article)
        page.searchAliases = searchAliases(meta, language: code)
        return page
    }

    /// The titles and aliases, in `language`, of the conditions and causes an article names, for search.
    /// Read through the recording accessors: a quick build renders the article again when one of them
    /// changes its title or aliases, or gains or loses its page in `language`.
    func searchAliases(_ meta: FrontMatter, language: String) -> String? {
        guard config.search else { return nil }
        var names: [String] = []
        for id in meta.conditions.map(\.value) + meta.causes.map(\.cause.value) {
            guard let key = entityKey(id) else { continue }
            reads?.insert(.translations(key))
            guard let i = graph.index[key]?[language] else { continue }
            let entity = contentFile(i).meta
            for name in [entity.title] + entity.aliases.map(\.value) where !names.contains(name) { names.append(name) }
        }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }

    /// The file whose clinical review counts for `file`: its source, since a translation says what the source says.
    func clinicalReviewSource(_ file: ContentFile) -> ContentFile {
        graph.file(file.key, language: file.meta.translation?.from ?? config.defaultLanguage) ?? file
    }

    /// Who reviewed the article clinically and when; nil when no clinician has.
    func clinicalReviewer(_ file: ContentFile, language: String) -> ClinicalReviewer? {
        clinicalReviewSource(file).meta.clinicalReview.map {
            ClinicalReviewer(name: $0.name, credential: $0.credential ?? "", date: formatted($0.date, language)!, dateISO: DateText.iso($0.date))
        }
    }

    /// Whether the article is published before any clinician has reviewed it (`publishBeforeClinicalReview`).
    func isAwaitingReview(_ file: ContentFile) -> Bool {
        PublicationState.of(file, source: graph.file(file.key, language: file.meta.translation?.from ?? config.defaultLanguage)) == .awaitingClinicalReview
    }

    /// The notice on a translation no clinician has reviewed yet.
    func unreviewedTranslation(_ meta: FrontMatter) -> TranslationNotice? {
        guard let translation = meta.translation, !translation.reviewed else { return nil }
        return TranslationNotice(from: config.language(translation.from)?.name ?? translation.from)
    }

    /// "Last reviewed" and "next review", written out in the page's language and as ISO dates.
    func reviewDates(_ meta: FrontMatter, language: String) -> ReviewDates {
        var dates = ReviewDates()
        if let date = meta.date {
            dates.published = formatted(date, language)!
            dates.publishedISO = DateText.iso(date)
        }
        if let reviewed = meta.reviewed {
            dates.reviewed = formatted(reviewed, language)!
            dates.reviewedISO = DateText.iso(reviewed)
            let next = meta.nextReviewDue(intervalMonths: config.reviewIntervalMonths)!
            dates.nextReview = formatted(next, language)!
            dates.nextReviewISO = DateText.iso(next)
        }
        return dates
    }

    func entityLinks(_ ids: [String], language: String) -> [LinkCard] {
        var seen: Set<String> = []
        return ids.compactMap { id in
            guard seen.insert(id).inserted, let key = entityKey(id) else { return nil }
            return link(key, language: language)
        }
    }

    /// Other articles ranked by how many causes and conditions they share with this one, then by id.
    func relatedArticles(_ file: ContentFile, limit: Int = 5) -> [ContentKey] {
        reads?.insert(.related(path: file.path))
        let mine = Set(file.meta.conditions.map(\.value) + file.meta.causes.map(\.cause.value))
        guard !mine.isEmpty else { return [] }
        // Ranks stand for ids (rank order is id order): count how often each other article shows up,
        // then keep the `limit` best (most shared first, then lowest rank) in one pass, without sorting.
        guard limit > 0 else { return [] }
        let own = parts.articleRank[file.id] ?? -1
        let lists = mine.map { parts.articleRanksAbout[$0] ?? [] }
        var best: [(score: Int, rank: Int)] = []
        best.reserveCapacity(limit + 1)
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: parts.articleIDs.count) { counts in
            counts.initialize(repeating: 0)
            for list in lists { for rank in list { counts[rank] += 1 } }
            for list in lists {
                for rank in list where rank != own && counts[rank] > 0 {
                    let score = Int(counts[rank])
                    counts[rank] = 0  // each article once
                    if best.count == limit, let last = best.last, score < last.score || (score == last.score && rank > last.rank) { continue }
                    var at = best.count
                    while at > 0, score > best[at - 1].score || (score == best[at - 1].score && rank < best[at - 1].rank) { at -= 1 }
                    best.insert((score, rank), at: at)
                    if best.count > limit { best.removeLast() }
                }
            }
        }
        return best.map { ContentKey(kind: .article, id: parts.articleIDs[$0.rank]) }
    }

    /// The model of the page (disclaimer, about, …) `graph.files[i]`.
    func simplePage(_ i: Int) -> SimplePage {
        let file = contentFile(i)
        let code = file.language
        let page = SimplePage.Page(
            title: file.meta.title,
            summary: file.meta.summary ?? "",
            body: renderedBody(i).html,
            dates: reviewDates(file.meta, language: code),
            updated: formatted(file.meta.date, code),
            unreviewedTranslation: unreviewedTranslation(file.meta),
            clinicalReview: nil,
            // The printable disclaimer says whom to call.
            emergencyNumber: file.key == .disclaimer ? config.clinic.emergencyNumber : nil)
        let path = routes.path(file.key, language: code)!
        let layout = layout(language: code, title: file.meta.title, description: file.meta.summary, sitePath: path, key: file.key)
        layout.isDisclaimer = file.key == .disclaimer
        layout.breadcrumbs = breadcrumbs(file, path: path)
        return SimplePage(layout: layout, page: page)
    }
}
