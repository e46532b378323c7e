extension SiteRenderer {
    func articleContext(_ i: Int) -> [String: Any] {
        let file = graph.files[i]
        let meta = file.meta
        let code = file.language
        let path = routes.path(file.key, language: code)!
        var article: [String: Any] = [
            "title": meta.title,
            "summary": meta.summary ?? "",
            "body": bodies.bodies[i].html,
            "handoutURL": handoutPath(file),
        ]
        addReviewDates(meta, language: code, to: &article)
        addClinicalReview(file, language: code, to: &article)
        article["sources"] = section(meta.sources.map { ["title": $0.title, "url": $0.url ?? "", "linked": $0.url != nil] })
        article["clinicalReview"] = meta.review.map { ["note": $0.note ?? ""] as [String: Any] } ?? false
        article["unreviewedTranslation"] = unreviewedTranslation(meta)
        let conditions = entityLinks(meta.conditions.map(\.value), language: code)
        let conditionIDs = Set(meta.conditions.map(\.value))
        let causes = entityLinks(meta.causes.map(\.cause.value).filter { !conditionIDs.contains($0) }, language: code)
        article["topics"] = conditions.isEmpty && causes.isEmpty ? false : ["conditions": section(conditions), "causes": section(causes)]
        article["related"] = section(relatedArticles(file).compactMap { link($0, language: code) })
        article["backlinks"] = section((bodies.backlinks[file.key] ?? []).sorted().compactMap { link($0, language: code) })

        // JSON-LD, every object's keys in the order .sortedKeys writes them.
        let cards = parts.cards[code]
        let about = meta.conditions.compactMap { id -> JSONLD.Value? in
            guard let key = graph.entityKey(id.value), let target = cards?[key] else { return nil }
            return .object([("@type", .string(key.kind == .condition ? "MedicalCondition" : "MedicalCause")),
                             ("name", .string(target.title)), ("url", .string(absolute(target.path)))])
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
        let clinical = graph.file(file.key, language: meta.translation?.from ?? config.defaultLanguage)?.meta.clinicalReview ?? meta.clinicalReview
        if let clinical { jsonLD.append(("lastReviewed", .string(DateText.iso(clinical.date)))) }
        if let first = about.first { jsonLD.append(("mainEntity", first)) }
        jsonLD.append(("name", .string(meta.title)))
        if let reviewer = clinical { jsonLD.append(("reviewedBy", .object([("@type", .string("Person")), ("name", .string(reviewer.name))]))) }
        jsonLD.append(("url", .string(absolute(path))))
        return layout(language: code, title: meta.title, description: meta.summary, sitePath: path, key: file.key,
                      extra: ["article": article, "jsonLD": JSONLD.encode(.object(jsonLD))])
    }

    /// Who reviewed the article clinically and when (`reviewer`, or false), and whether it is published
    /// before any clinician has (`awaitingReview`): a translation stands where its source stands.
    func addClinicalReview(_ file: ContentFile, language: String, to context: inout [String: Any]) {
        let source = graph.file(file.key, language: file.meta.translation?.from ?? config.defaultLanguage)
        let reviewer = (source ?? file).meta.clinicalReview
        context["clinicalStatus"] = true
        context["reviewer"] = reviewer.map { ["name": $0.name, "credential": $0.credential ?? "", "date": formatted($0.date, language)!,
                                              "dateISO": DateText.iso($0.date)] as [String: Any] } ?? false
        context["awaitingReview"] = PublicationState.of(file, source: source) == .awaitingClinicalReview
    }

    /// The notice on a translation no clinician has reviewed yet, or false.
    func unreviewedTranslation(_ meta: FrontMatter) -> Any {
        guard let translation = meta.translation, !translation.reviewed else { return false }
        return ["from": config.language(translation.from)?.name ?? translation.from]
    }

    /// "Last reviewed" and "next review", written out in the page's language and as ISO dates.
    func addReviewDates(_ meta: FrontMatter, language: String, to context: inout [String: Any]) {
        context["published"] = false
        context["reviewed"] = false
        context["nextReview"] = false
        if let date = meta.date { context["published"] = formatted(date, language)!; context["publishedISO"] = DateText.iso(date) }
        if let reviewed = meta.reviewed {
            context["reviewed"] = formatted(reviewed, language)!
            context["reviewedISO"] = DateText.iso(reviewed)
            let next = meta.nextReview ?? reviewed.adding(months: config.reviewIntervalMonths)
            context["nextReview"] = formatted(next, language)!
            context["nextReviewISO"] = DateText.iso(next)
        }
    }

    func entityLinks(_ ids: [String], language: String) -> [[String: Any]] {
        var seen: Set<String> = []
        return ids.compactMap { id in
            guard seen.insert(id).inserted, let key = graph.entityKey(id) else { return nil }
            return link(key, language: language)
        }
    }

    /// Other articles ranked by how many causes and conditions they share with this one, then by id.
    func relatedArticles(_ file: ContentFile, limit: Int = 5) -> [ContentKey] {
        let mine = Set(file.meta.conditions.map(\.value) + file.meta.causes.map(\.cause.value))
        guard !mine.isEmpty else { return [] }
        // Ranks stand for ids (rank order is id order): count how often each other article shows up.
        let own = parts.articleRank[file.id]
        var ranks: [Int] = []
        for id in mine { ranks += parts.articleRanksAbout[id] ?? [] }
        ranks.sort()
        var scored: [(score: Int, rank: Int)] = []
        var start = 0
        while start < ranks.count {
            var end = start + 1
            while end < ranks.count, ranks[end] == ranks[start] { end += 1 }
            if ranks[start] != own { scored.append((end - start, ranks[start])) }
            start = end
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.rank < $1.rank }
        return scored.prefix(limit).map { ContentKey(kind: .article, id: parts.articleIDs[$0.rank]) }
    }

    func simplePageContext(_ i: Int) -> [String: Any] {
        let file = graph.files[i]
        let code = file.language
        var page: [String: Any] = ["title": file.meta.title, "summary": file.meta.summary ?? "", "body": bodies.bodies[i].html]
        addReviewDates(file.meta, language: code, to: &page)
        if let date = file.meta.date { page["updated"] = formatted(date, code)! }
        page["unreviewedTranslation"] = unreviewedTranslation(file.meta)
        // The printable disclaimer says whom to call.
        page["emergencyNumber"] = file.id == "disclaimer" ? config.clinic.emergencyNumber.map { $0 as Any } ?? false : false
        let path = routes.path(file.key, language: code)!
        return layout(language: code, title: file.meta.title, description: file.meta.summary, sitePath: path, key: file.key,
                      extra: ["page": page, "isDisclaimer": file.id == "disclaimer"])
    }
}
