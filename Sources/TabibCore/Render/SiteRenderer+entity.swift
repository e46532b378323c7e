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
        let cards = parts.cards[code]
        let causes = graph.causes(of: file.id).compactMap { edgeItem($0.cause, $0, language: code) }
        let effects = graph.effects(of: file.id).compactMap { edgeItem($0.effect, $0, language: code) }
        entity["causes"] = section(causes.map(\.context))
        entity["effects"] = section(effects.map(\.context))
        entity["articles"] = section((graph.articlesAbout[file.id] ?? []).compactMap { cards?[ContentKey(kind: .article, id: $0)]?.context })
        entity["unreviewedTranslation"] = unreviewedTranslation(file.meta)
        entity["clinicalReview"] = false

        // JSON-LD, every object's keys in the order .sortedKeys writes them.
        var jsonLD: [(key: String, value: JSONLD.Value)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string(file.kind == .condition ? "MedicalCondition" : "MedicalCause")),
        ]
        let aliases = file.meta.aliases.map(\.value).filter { $0 != file.meta.title.lowercased() }
        entity["aliases"] = aliases.isEmpty ? false : aliases.joined(separator: ", ")
        if !aliases.isEmpty { jsonLD.append(("alternateName", .array(aliases.map { .string($0) }))) }
        if file.kind == .condition, !causes.isEmpty {
            jsonLD.append(("cause", .array(causes.map {
                .object([("@type", .string("MedicalCause")), ("name", .string($0.card.title)), ("url", .string(absolute($0.card.path)))])
            })))
        }
        jsonLD.append(("description", .string(file.meta.summary ?? "")))
        jsonLD.append(("inLanguage", .string(code)))
        jsonLD.append(("name", .string(file.meta.title)))
        jsonLD.append(("url", .string(absolute(path))))
        return layout(language: code, title: file.meta.title, description: file.meta.summary, sitePath: path, key: file.key,
                      extra: ["entity": entity, "isCondition": file.kind == .condition, "jsonLD": JSONLD.encode(.object(jsonLD))])
    }

    /// The entity at the other end of an edge, with the articles that are its evidence.
    func edgeItem(_ id: String, _ edge: Edge, language: String) -> (card: PageParts.LinkCard, context: [String: Any])? {
        guard let key = graph.entityKey(id), let card = parts.cards[language]?[key] else { return nil }
        let cards = parts.cards[language]
        var item = card.context
        item["evidence"] = section(edge.evidence.compactMap { cards?[ContentKey(kind: .article, id: $0)]?.context })
        return (card, item)
    }
}
