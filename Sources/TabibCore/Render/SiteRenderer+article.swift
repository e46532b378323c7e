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
            "handoutURL": routes.handout(file),
        ]
        article.merge(reviewDates(meta, language: code)) { $1 }
        article["reviewer"] = meta.reviewer.map { ["name": $0.name, "credential": $0.credential ?? ""] as [String: Any] } ?? false
        article["sources"] = section(meta.sources.map { ["title": $0.title, "url": $0.url ?? "", "linked": $0.url != nil] })
        article["clinicalReview"] = meta.review.map { ["note": $0.note ?? ""] as [String: Any] } ?? false
        article["unreviewedTranslation"] = unreviewedTranslation(meta)
        let conditions = entityLinks(meta.conditions.map(\.value), language: code)
        let conditionIDs = Set(meta.conditions.map(\.value))
        let causes = entityLinks(meta.causes.map(\.cause.value).filter { !conditionIDs.contains($0) }, language: code)
        article["topics"] = conditions.isEmpty && causes.isEmpty ? false : ["conditions": section(conditions), "causes": section(causes)]
        article["related"] = section(relatedArticles(file).compactMap { link($0, language: code) })
        article["backlinks"] = section((bodies.backlinks[file.key] ?? []).sorted().compactMap { link($0, language: code) })

        var jsonLD: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": meta.title,
            "headline": meta.title,
            "description": meta.summary ?? "",
            "inLanguage": code,
            "url": absolute(path),
        ]
        if let reviewed = meta.reviewed { jsonLD["lastReviewed"] = reviewed.iso }
        if let date = meta.date { jsonLD["datePublished"] = date.iso }
        if let reviewer = meta.reviewer { jsonLD["reviewedBy"] = ["@type": "Person", "name": reviewer.name] }
        let about = meta.conditions.compactMap { id -> [String: Any]? in
            guard let key = graph.entityKey(id.value), let target = link(key, language: code) else { return nil }
            return ["@type": key.kind == .condition ? "MedicalCondition" : "MedicalCause", "name": target["title"]!, "url": absolute(target["url"] as! String)]
        }
        if !about.isEmpty {
            jsonLD["about"] = about
            jsonLD["mainEntity"] = about[0]
        }
        if !meta.sources.isEmpty {
            jsonLD["citation"] = meta.sources.map { source -> [String: Any] in
                var item: [String: Any] = ["@type": "CreativeWork", "name": source.title]
                if let url = source.url { item["url"] = url }
                return item
            }
        }
        return layout(language: code, title: meta.title, description: meta.summary, sitePath: path, key: file.key,
                      extra: ["article": article, "jsonLD": JSONLD.encode(jsonLD)])
    }

    /// The notice on a translation no clinician has reviewed yet, or false.
    func unreviewedTranslation(_ meta: FrontMatter) -> Any {
        guard let translation = meta.translation, !translation.reviewed else { return false }
        return ["from": config.language(translation.from)?.name ?? translation.from]
    }

    /// "Last reviewed" and "next review", written out in the page's language and as ISO dates.
    func reviewDates(_ meta: FrontMatter, language: String) -> [String: Any] {
        var result: [String: Any] = ["published": false, "reviewed": false, "nextReview": false]
        if let date = meta.date { result["published"] = formatted(date, language)!; result["publishedISO"] = date.iso }
        if let reviewed = meta.reviewed {
            result["reviewed"] = formatted(reviewed, language)!
            result["reviewedISO"] = reviewed.iso
            let next = meta.nextReview ?? reviewed.adding(months: config.reviewIntervalMonths)
            result["nextReview"] = formatted(next, language)!
            result["nextReviewISO"] = next.iso
        }
        return result
    }

    func entityLinks(_ ids: [String], language: String) -> [[String: Any]] {
        var seen: Set<String> = []
        return ids.compactMap { id in
            guard seen.insert(id).inserted, let key = graph.entityKey(id) else { return nil }
            return link(key, language: language)
        }
    }

    /// Other articles ranked by how many causes and conditions they share with this one.
    func relatedArticles(_ file: ContentFile, limit: Int = 5) -> [ContentKey] {
        let mine = Set(file.meta.conditions.map(\.value) + file.meta.causes.map(\.cause.value))
        guard !mine.isEmpty else { return [] }
        var scores: [String: Int] = [:]
        for id in mine {
            for other in graph.articlesAbout[id] ?? [] where other != file.id { scores[other, default: 0] += 1 }
        }
        return scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map { ContentKey(kind: .article, id: $0.key) }
    }

    func simplePageContext(_ i: Int) -> [String: Any] {
        let file = graph.files[i]
        let code = file.language
        var page: [String: Any] = ["title": file.meta.title, "summary": file.meta.summary ?? "", "body": bodies.bodies[i].html]
        page.merge(reviewDates(file.meta, language: code)) { $1 }
        if let date = file.meta.date { page["updated"] = formatted(date, code)! }
        page["unreviewedTranslation"] = unreviewedTranslation(file.meta)
        let path = routes.path(file.key, language: code)!
        return layout(language: code, title: file.meta.title, description: file.meta.summary, sitePath: path, key: file.key,
                      extra: ["page": page, "isDisclaimer": file.id == "disclaimer"])
    }
}
