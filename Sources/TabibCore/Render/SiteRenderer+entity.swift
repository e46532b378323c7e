extension SiteRenderer {
    /// The model of the cause or condition `graph.files[i]`: what can cause it and what it can lead to,
    /// each link with the articles that state it, and the articles about it: of each list, its first
    /// `pageSize` entries and a link to all of them when there are more.
    func entityPage(_ i: Int) -> EntityPage {
        let file = contentFile(i)
        let code = file.language
        let path = routes.path(file.key, language: code)!
        let size = config.pageSize
        let allCauses = entityListEntries(file, .causes)
        let allEffects = entityListEntries(file, .effects)
        let allArticles = entityListEntries(file, .articles)
        let causes = entityListCards(file, .causes, allCauses.prefix(size))
        func more(_ list: EntityList, _ items: [EntityListEntry]) -> MoreLink? {
            MoreLink(url: routes.entityList(list, of: file.key, language: code), count: items.count, shown: size)
        }
        let aliases = file.meta.aliases.map(\.value).filter { $0 != file.meta.title.lowercased() }
        let entity = EntityPage.Entity(
            title: file.meta.title,
            summary: file.meta.summary ?? "",
            body: renderedBody(i).html,
            kind: file.meta.entityKind.map { strings.text(.entityKind($0), code) },
            aliases: aliases.isEmpty ? nil : aliases.joined(separator: ", "),
            causes: LinkList(causes),
            effects: LinkList(entityListCards(file, .effects, allEffects.prefix(size))),
            articles: LinkList(entityListCards(file, .articles, allArticles.prefix(size))),
            moreCauses: more(.causes, allCauses),
            moreEffects: more(.effects, allEffects),
            moreArticles: more(.articles, allArticles),
            unreviewedTranslation: unreviewedTranslation(file.meta),
            clinicalReview: nil)

        // JSON-LD, every object's keys in the order .sortedKeys writes them.
        var jsonLD: [(key: String, value: JSONLD.Value)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string(PageKind.of(file.kind).schemaType!)),
        ]
        if !aliases.isEmpty { jsonLD.append(("alternateName", .array(aliases.map { .string($0) }))) }
        if file.kind == .condition, !causes.isEmpty {
            jsonLD.append(("cause", .array(causes.map {
                .object([("@type", .string("MedicalCause")), ("name", .string($0.title)), ("url", .string(absolute($0.url)))])
            })))
        }
        jsonLD.append(("description", .string(file.meta.summary ?? "")))
        jsonLD.append(("inLanguage", .string(code)))
        jsonLD.append(("name", .string(file.meta.title)))
        jsonLD.append(("url", .string(absolute(path))))
        let layout = layout(language: code, title: file.meta.title, description: file.meta.summary, sitePath: path, key: file.key)
        layout.jsonLD = JSONLD.encode(.object(jsonLD))
        layout.breadcrumbs = breadcrumbs(file, path: path)
        return EntityPage(layout: layout, entity: entity, isCondition: file.kind == .condition)
    }
}
