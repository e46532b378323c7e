extension SiteRenderer {
    /// The trail of a content page: its language's home page, its section's index (pages such as the
    /// disclaimer have none), and the page. Names come from the UI strings and the page's title, in
    /// the page's language; the strings and routes are what every layout reads (`.settings`).
    func breadcrumbs(_ file: ContentFile, path: String) -> Breadcrumbs {
        let code = file.language
        var trail = [(name: strings.text(.navHome, code), path: routes.home(code))]
        if let index = PageKind.of(file.kind).index { trail.append((strings.text(index.title, code), routes.index(file.kind.section, language: code))) }
        trail.append((file.meta.title, path))
        return Breadcrumbs(trail, origin: parts.origin)
    }
}
