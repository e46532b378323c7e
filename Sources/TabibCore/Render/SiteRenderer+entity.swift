extension SiteRenderer {
    /// A cause or condition: what can cause it and what it can lead to, each link with the articles that
    /// state it, and the articles about it.
    func entityContext(_ i: Int) -> [String: Any] {
        let file = graph.files[i]
        let code = file.language
        let path = routes.path(file.key, language: code)!
        var entity: [String: Any] = [
            "title": file.meta.title,
            "summary": file.meta.summary ?? "",
            "body": bodies.bodies[i].html,
        ]
        entity["kind"] = file.meta.entityKind.map { strings.text("kind-\($0)", code) } ?? false
        let causes = graph.causes(of: file.id).compactMap { edgeItem($0.cause, $0, language: code) }
        let effects = graph.effects(of: file.id).compactMap { edgeItem($0.effect, $0, language: code) }
        entity["causes"] = section(causes)
        entity["effects"] = section(effects)
        entity["articles"] = section((graph.articlesAbout[file.id] ?? []).compactMap { link(ContentKey(kind: .article, id: $0), language: code) })
        entity["unreviewedTranslation"] = unreviewedTranslation(file.meta)
        entity["clinicalReview"] = false

        var jsonLD: [String: Any] = [
            "@context": "https://schema.org",
            "@type": file.kind == .condition ? "MedicalCondition" : "MedicalCause",
            "name": file.meta.title,
            "description": file.meta.summary ?? "",
            "inLanguage": code,
            "url": absolute(path),
        ]
        if file.kind == .condition, !causes.isEmpty {
            jsonLD["cause"] = causes.map { ["@type": "MedicalCause", "name": $0["title"]!, "url": absolute($0["url"] as! String)] }
        }
        let aliases = file.meta.aliases.map(\.value).filter { $0 != file.meta.title.lowercased() }
        entity["aliases"] = aliases.isEmpty ? false : aliases.joined(separator: ", ")
        if !aliases.isEmpty { jsonLD["alternateName"] = aliases }
        return layout(language: code, title: file.meta.title, description: file.meta.summary, sitePath: path, key: file.key,
                      extra: ["entity": entity, "isCondition": file.kind == .condition, "jsonLD": JSONLD.encode(jsonLD)])
    }

    /// The entity at the other end of an edge, with the articles that are its evidence.
    func edgeItem(_ id: String, _ edge: Edge, language: String) -> [String: Any]? {
        guard let key = graph.entityKey(id), var item = link(key, language: language) else { return nil }
        item["evidence"] = section(edge.evidence.compactMap { link(ContentKey(kind: .article, id: $0), language: language) })
        return item
    }
}
