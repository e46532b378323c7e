/// One thing a page's model was made from. `tabib serve` renders a page again exactly when one of the
/// things it read differs between two builds (`IncrementalBuilder+dependencies.swift`).
///
/// Content files are named by their path, which stays the same between builds while their index in
/// `SiteGraph.files` may not.
enum PageInput: Hashable, Sendable {
    /// A content file's front matter.
    case frontMatter(path: String)
    /// A content file's rendered body: its HTML and red flags.
    case body(path: String)
    /// The card of a page as pages of `language` link to it (nil when there is none).
    case card(ContentKey, language: String)
    /// The cards of every page of a kind, as pages of `language` list them A–Z, with the other names
    /// of causes and conditions (`PageParts.alphabetical`).
    case list(ContentKind, language: String)
    /// Which cause or condition, if any, has this id.
    case entityKey(String)
    /// What can cause the entity with this id, and what it can lead to, each with its evidence.
    case causes(String)
    case effects(String)
    /// The ids of the articles about an entity.
    case articlesAbout(String)
    /// The pages whose bodies link to a key.
    case backlinks(ContentKey)
    /// An article's related articles (by the file's path).
    case related(path: String)
    /// The languages a key exists in: its page's address and handout's address in each.
    case translations(ContentKey)
    /// Settings, UI strings and whether handouts link to PDFs: what every page's layout shows.
    case settings
    /// The address of the disclaimer in a language, which every page's layout links to.
    case disclaimerURL(language: String)
    /// The disclaimer a language's handouts print.
    case disclaimer(language: String)
    /// A template, with every partial and parent it uses.
    case template(String)
    /// The day a content file was last reviewed, else published: its `lastmod` in the sitemap.
    case lastmod(path: String)
    /// Which files of a kind a language has, with the front matter and the address of each: what a
    /// language's feed lists. One input rather than one per file, since a reader of all of them changes
    /// when any of them does.
    case files(ContentKind, language: String)
    /// Which pages the site has, where each goes and in what order: what the sitemap lists.
    case pages
}

/// What one page's model read while it was made. Set on a copy of the renderer that makes one page
/// (`SiteRenderer.renderRecordingReads(_:)`), so it is only ever used by one thread; a plain build has none.
final class PageReads: @unchecked Sendable {
    private(set) var inputs: Set<PageInput> = []

    func insert(_ input: PageInput) { inputs.insert(input) }
}

extension SiteRenderer {
    /// Renders a page, and says what its model and template read.
    func renderRecordingReads(_ job: PageJob) -> (OutputFile?, [Diagnostic], Set<PageInput>) {
        var recording = self
        let reads = PageReads()
        recording.reads = reads
        if let template = templates.outputs[job.output].templateName { reads.insert(.template(template)) }
        let (file, diagnostics) = recording.render(job)
        return (file, diagnostics, reads.inputs)
    }

    // The accessors through which page models read the graph, the bodies and the shared parts, noting
    // what they read when the renderer records.

    /// `graph.files[i]`, whose front matter the page shows.
    func contentFile(_ i: Int) -> ContentFile {
        let file = graph.files[i]
        reads?.insert(.frontMatter(path: file.path))
        return file
    }

    /// `meta.reviewed ?? meta.date` of `graph.files[i]`.
    func lastmod(_ i: Int) -> Day? {
        let file = graph.files[i]
        reads?.insert(.lastmod(path: file.path))
        return file.meta.reviewed ?? file.meta.date
    }

    /// The files of a kind in a language, in the graph's order, each with its address: read as one input.
    func files(_ kind: ContentKind, language code: String) -> [(file: ContentFile, sitePath: String)] {
        reads?.insert(.files(kind, language: code))
        let routes = self.routes
        var files: [(file: ContentFile, sitePath: String)] = []
        for file in graph.files where file.kind == kind && file.language == code { files.append((file, routes.path(file.key, language: code)!)) }
        return files
    }

    /// The languages `key` exists in, each with its page's address.
    func translations(_ key: ContentKey) -> [(language: String, sitePath: String)] {
        reads?.insert(.translations(key))
        let routes = self.routes
        return routes.languages(of: key).map { ($0, routes.path(key, language: $0)!) }
    }

    /// `handoutPath(_:)` of `graph.files[i]`.
    func handoutAddress(_ i: Int) -> String {
        let file = graph.files[i]
        reads?.insert(.translations(file.key))
        return handoutPath(file)
    }

    /// Every page of the site, in order (`jobs()`).
    func pageList() -> [PageJob] {
        reads?.insert(.pages)
        return jobs()
    }

    /// `bodies.bodies[i]`.
    func renderedBody(_ i: Int) -> RenderedBody {
        reads?.insert(.body(path: graph.files[i].path))
        return bodies.bodies[i]
    }

    /// The pages whose bodies link to `key`.
    func backlinks(_ key: ContentKey) -> Set<ContentKey>? {
        reads?.insert(.backlinks(key))
        return bodies.backlinks[key]
    }

    func entityKey(_ id: String) -> ContentKey? {
        reads?.insert(.entityKey(id))
        return graph.entityKey(id)
    }

    func causeEdges(of id: String) -> [Edge] {
        reads?.insert(.causes(id))
        return graph.causes(of: id)
    }

    func effectEdges(of id: String) -> [Edge] {
        reads?.insert(.effects(id))
        return graph.effects(of: id)
    }

    func articlesAbout(_ id: String) -> [String]? {
        reads?.insert(.articlesAbout(id))
        return graph.articlesAbout[id]
    }

    /// The cards pages of `language` show, each noted when read.
    func cardTable(_ language: String) -> CardTable? {
        parts.cards[language].map { CardTable(cards: $0, language: language, reads: reads) }
    }

    /// `PageParts.cards` of one language, noting each card read.
    struct CardTable {
        let cards: [ContentKey: LinkCard]
        let language: String
        let reads: PageReads?

        subscript(key: ContentKey) -> LinkCard? {
            reads?.insert(.card(key, language: language))
            return cards[key]
        }
    }
}
