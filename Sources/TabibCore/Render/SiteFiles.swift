/// The site-wide files beside the pages: `sitemap.xml`, every page the build writes with the alternates of every translated page,
/// `robots.txt`, and an Atom feed of articles per language. Each is written as UTF-8 bytes into one buffer, and reads the
/// renderer through the accessors that note what it read, so that `tabib serve` writes it again only when that changed.
enum SiteFiles {
    static func sitemap(_ renderer: SiteRenderer) -> [UInt8] {
        renderer.reads?.insert(.settings)
        let jobs = renderer.pageList()
        let defaultLanguage = renderer.config.defaultLanguage
        let origin = XMLText.escaped(renderer.parts.origin)
        var xml: [UInt8] = []
        xml.reserveCapacity(jobs.count * 256)
        xml += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n".utf8
        func url(_ sitePath: String) {
            xml += origin
            XMLText.append(sitePath, to: &xml)
        }
        // Every page the build writes but the 404 page (its address is any address that has no page).
        for job in jobs {
            guard let page = renderer.templates.outputs[job.output].sitemapEntry(job.subject, renderer) else { continue }
            xml += "  <url>\n    <loc>".utf8
            url(page.sitePath)
            xml += "</loc>\n".utf8
            if let lastmod = page.lastmod {
                xml += "    <lastmod>".utf8
                xml += DateText.iso(lastmod).utf8
                xml += "</lastmod>\n".utf8
            }
            let alternates = page.alternates
            if alternates.count > 1 {
                for (code, target) in alternates {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"".utf8
                    xml += code.utf8
                    xml += "\" href=\"".utf8
                    url(target)
                    xml += "\"/>\n".utf8
                }
                if let source = alternates.first(where: { $0.language == defaultLanguage }) ?? alternates.first {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"".utf8
                    url(source.sitePath)
                    xml += "\"/>\n".utf8
                }
            }
            xml += "  </url>\n".utf8
        }
        xml += "</urlset>\n".utf8
        return xml
    }

    static func robots(_ renderer: SiteRenderer) -> [UInt8] {
        renderer.reads?.insert(.settings)
        return Array("User-agent: *\nAllow: /\n\nSitemap: \(renderer.absolute(renderer.routes.sitemap))\n".utf8)
    }

    /// The Atom feed of a language's articles.
    static func feed(_ renderer: SiteRenderer, language code: String) -> [UInt8] {
        renderer.reads?.insert(.settings)
        let graph = renderer.graph
        let language = graph.config.language(code)!
        // Newest first: by the day last reviewed (else published; none is oldest), then by id, descending.
        let articles = renderer.files(.article, language: code)
            .map { (file: $0.file, sitePath: $0.sitePath, day: $0.file.meta.reviewed ?? $0.file.meta.date) }
            .sorted { a, b in
                switch (a.day, b.day) {
                case let (x?, y?) where x != y: x > y
                case (_?, nil): true
                case (nil, _?): false
                default: a.file.id > b.file.id
                }
            }
        let origin = XMLText.escaped(renderer.parts.origin)
        let feedURL = XMLText.escaped(renderer.absolute(graph.routes.feed(code)))
        let title = XMLText.escaped(language.title)
        let updated = articles.compactMap(\.day).max() ?? Day(year: 2000, month: 1, day: 1)!
        var xml: [UInt8] = []
        xml.reserveCapacity(articles.count * 512)
        xml += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"".utf8
        xml += code.utf8
        xml += "\">\n  <title>".utf8 + title + "</title>\n  <id>".utf8 + feedURL + "</id>\n".utf8
        xml += "  <link rel=\"self\" href=\"".utf8 + feedURL + "\"/>\n".utf8
        xml += "  <link rel=\"alternate\" href=\"".utf8 + XMLText.escaped(renderer.absolute(graph.routes.home(code))) + "\"/>\n".utf8
        xml += "  <updated>".utf8
        xml += DateText.iso(updated).utf8
        xml += "T00:00:00Z</updated>\n  <author><name>".utf8 + title + "</name></author>\n".utf8
        var url: [UInt8] = []
        for (article, sitePath, day) in articles {
            url.removeAll(keepingCapacity: true)
            url += origin
            XMLText.append(sitePath, to: &url)
            xml += "  <entry>\n    <title>".utf8
            XMLText.append(article.meta.title, to: &xml)
            xml += "</title>\n    <id>".utf8 + url + "</id>\n".utf8
            xml += "    <link rel=\"alternate\" href=\"".utf8 + url + "\"/>\n    <updated>".utf8
            xml += (day.map(DateText.iso) ?? "2000-01-01").utf8
            xml += "T00:00:00Z</updated>\n".utf8
            if let date = article.meta.date {
                xml += "    <published>".utf8
                xml += DateText.iso(date).utf8
                xml += "T00:00:00Z</published>\n".utf8
            }
            xml += "    <summary>".utf8
            XMLText.append(article.meta.summary ?? "", to: &xml)
            xml += "</summary>\n  </entry>\n".utf8
        }
        xml += "</feed>\n".utf8
        return xml
    }
}
