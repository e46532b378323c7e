/// The site-wide files beside the pages: `sitemap.xml`, every page the build writes with the alternates of every translated page,
/// `robots.txt`, and an Atom feed of articles per language.
enum SiteFiles {
    static func sitemap(_ renderer: SiteRenderer) -> String {
        let graph = renderer.graph
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        func entry(_ path: String, alternates: [(String, String)], lastmod: Day?) {
            xml += "  <url>\n    <loc>\(XMLText.escape(renderer.absolute(path)))</loc>\n"
            if let lastmod { xml += "    <lastmod>\(DateText.iso(lastmod))</lastmod>\n" }
            if alternates.count > 1 {
                for (code, target) in alternates {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(code)\" href=\"\(XMLText.escape(renderer.absolute(target)))\"/>\n"
                }
                if let source = alternates.first(where: { $0.0 == graph.config.defaultLanguage }) ?? alternates.first {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(XMLText.escape(renderer.absolute(source.1)))\"/>\n"
                }
            }
            xml += "  </url>\n"
        }
        // Every page the build writes but the 404 page (its address is any address that has no page).
        for job in renderer.jobs() {
            guard let page = renderer.templates.outputs[job.output].sitemapEntry(job.subject, renderer) else { continue }
            entry(page.sitePath, alternates: page.alternates.map { ($0.language, $0.sitePath) }, lastmod: page.lastmod)
        }
        xml += "</urlset>\n"
        return xml
    }

    static func robots(_ renderer: SiteRenderer) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(renderer.absolute(renderer.routes.sitemap))\n"
    }

    /// The Atom feed of a language's articles.
    static func feed(_ renderer: SiteRenderer, language code: String) -> String {
        let graph = renderer.graph
        let language = graph.config.language(code)!
        // Newest first: by the day last reviewed (else published; none is oldest), then by id, descending.
        let articles = graph.files.indices.filter { graph.files[$0].kind == .article && graph.files[$0].language == code }
            .map { (index: $0, day: graph.files[$0].meta.reviewed ?? graph.files[$0].meta.date) }
            .sorted { a, b in
                switch (a.day, b.day) {
                case let (x?, y?) where x != y: x > y
                case (_?, nil): true
                case (nil, _?): false
                default: graph.files[a.index].id > graph.files[b.index].id
                }
            }
        let feedURL = renderer.absolute(graph.routes.feed(code))
        let updated = articles.compactMap(\.day).max() ?? Day(year: 2000, month: 1, day: 1)!
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(code)\">\n"
        xml += "  <title>\(XMLText.escape(language.title))</title>\n  <id>\(XMLText.escape(feedURL))</id>\n"
        xml += "  <link rel=\"self\" href=\"\(XMLText.escape(feedURL))\"/>\n"
        xml += "  <link rel=\"alternate\" href=\"\(XMLText.escape(renderer.absolute(graph.routes.home(code))))\"/>\n"
        xml += "  <updated>\(DateText.iso(updated))T00:00:00Z</updated>\n  <author><name>\(XMLText.escape(language.title))</name></author>\n"
        for (index, day) in articles {
            let article = graph.files[index]
            let url = XMLText.escape(renderer.absolute(graph.routes.path(article.key, language: code)!))
            let updated = day.map(DateText.iso) ?? "2000-01-01"
            xml += "  <entry>\n    <title>\(XMLText.escape(article.meta.title))</title>\n    <id>\(url)</id>\n"
            xml += "    <link rel=\"alternate\" href=\"\(url)\"/>\n    <updated>\(updated)T00:00:00Z</updated>\n"
            if let date = article.meta.date { xml += "    <published>\(DateText.iso(date))T00:00:00Z</published>\n" }
            xml += "    <summary>\(XMLText.escape(article.meta.summary ?? ""))</summary>\n  </entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }
}
