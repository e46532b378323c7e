import Foundation

/// The bodies of the last build into a folder, kept in `.tabib-cache/bodies` under the site's root:
/// the next build, even by another run of tabib, renders only the bodies that changed instead of
/// running cmark-gfm on every file.
///
/// The entries are those `tabib serve` keeps between builds (`BodyCache`), taken by the same rule:
/// the body's Markdown the same, compared byte for byte with the file's (no hash stands in for it),
/// and every answer the body read (aliases, callout titles, settings, link targets, images) the same.
/// The file names the tabib binary that wrote it (its inode, size and times) and the cmark-gfm
/// version, so a file another build of tabib wrote is ignored. Only a speed-up: a missing, foreign,
/// damaged or cut file is ignored (every body is rendered again), and a cache folder that is a
/// symbolic link is never read or written.
extension BodyCache {
    /// A preview's bodies (`--drafts`) differ from a public build's: each is kept in its own file.
    static func fileName(preview: Bool) -> String { preview ? "bodies-preview" : "bodies" }

    /// The first line of the files this binary writes; nil when the binary cannot be told apart from
    /// another (then nothing is read or written).
    static let header: [UInt8]? = CacheFolder.binary.map { binary in
        Array("tabib bodies 2 \(binary) cmark-gfm \(MarkdownTree.libraryVersion)\n".utf8)
    }

    /// The cache stored under `root`, with the entries whose Markdown is byte for byte that of the
    /// file at the same path in `files`; empty when there is none or it cannot be read.
    static func load(root: URL, files: [ContentFile], preview: Bool) -> BodyCache {
        guard let header, let folder = QRCodeCache.usableFolder(root: root, create: false),
              let reader = CacheFileReader(path: folder.appendingPathComponent(fileName(preview: preview)).path) else { return BodyCache() }
        var byPath: [String: ContentFile] = [:]
        byPath.reserveCapacity(files.count)
        for file in files { byPath[file.path] = file }
        return (try? reader.bodyCache(header: header, files: byPath)) ?? BodyCache()
    }

    /// Writes the cache into `root/.tabib-cache/`, replacing the file at once; failures are ignored.
    func save(root: URL) {
        guard let header = Self.header, let folder = QRCodeCache.usableFolder(root: root, create: true) else { return }
        let name = Self.fileName(preview: preview)
        let target = folder.appendingPathComponent(name)
        let temporary = folder.appendingPathComponent(".\(name).\(getpid()).tmp")
        guard let writer = CacheFileWriter(path: temporary.path) else { return }
        writer.bytes += header
        writer.write(self)
        if writer.close() { if rename(temporary.path, target.path) != 0 { unlink(temporary.path) } } else { unlink(temporary.path) }
    }
}

extension CacheFileReader {
    /// The cache after `header`, keeping the entries whose source is that of the file at their path.
    func bodyCache(header: [UInt8], files: [String: ContentFile]) throws -> BodyCache {
        guard try bytes(header.count) == header else { throw Damaged() }
        var cache = BodyCache()
        cache.allowRawHTML = try bool()
        cache.preview = try bool()
        cache.imageBasePath = try string()
        for _ in 0..<(try count()) {
            let language = try string()
            let aliases = try array { AliasClaim(alias: try string(), target: try key()) }
            var titles: [CalloutKind: String] = [:]
            for _ in 0..<(try count()) {
                guard let kind = CalloutKind(rawValue: try string()) else { throw Damaged() }
                titles[kind] = try string()
            }
            cache.languages[language] = BodyCache.LanguageInputs(aliases: aliases, calloutTitles: titles)
        }
        cache.routes = try optional {
            var routes: [ContentKey: [String: String]] = [:]
            for _ in 0..<(try count()) {
                let key = try key()
                var paths: [String: String] = [:]
                for _ in 0..<(try count()) { paths[try string()] = try string() }
                routes[key] = paths
            }
            return routes
        }
        let entryCount = try count()
        cache.paths.reserveCapacity(entryCount)
        cache.entries.reserveCapacity(entryCount)
        for _ in 0..<entryCount {
            let path = try string()
            cache.paths.append(path)
            guard try bool() else { cache.entries.append(nil); continue }
            let file = files[path]
            let same: Bool
            if let file { same = try matches(file.body) } else { try skip(try self.count()); same = false }
            let length = try self.count()
            guard same, let file else { try skip(length); cache.entries.append(nil); continue }
            cache.entries.append(try entry(BodySource(file)))
        }
        guard isAtEnd else { throw Damaged() }
        return cache
    }

    /// The rest of an entry whose Markdown is `source.body`; `source`'s other fields are checked
    /// against the stored ones by `BodyCache.reusable` as they stand in the file.
    private func entry(_ source: BodySource) throws -> BodyCache.Entry {
        guard let kind = ContentKind(rawValue: try string()) else { throw Damaged() }
        let stored = BodySource(path: source.path, kind: kind, language: try string(), id: try string(), bodyStartLine: try int(), body: source.body)
        let needsSameRoutes = try bool()
        let lookups = try array {
            TargetLookup(key: try key(), language: try string(), path: try optional(sharedString), resolvedLanguage: try optional(string))
        }
        let body = RenderedBody(
            html: try string(), anchors: Set(try array(string)),
            links: try array { PageLink(target: try key(), targetLanguage: try string(), anchor: try optional(string), location: try location(sharing: source.path)) },
            redFlags: try array(string), mentions: try array(key), diagnostics: try array(diagnostic),
            reviewPassages: try array { ReviewPassage(note: try string(), location: try location(sharing: source.path)) },
            linkedAliases: try array(string), images: try array { ImageUse(name: try string(), fingerprint: try optional(string)) },
            printedFigures: try array(string),
            headings: try array { BodyHeading(level: try int(), anchor: try string(), text: try string()) })
        return BodyCache.Entry(source: stored, body: body, lookups: lookups, reusable: true, needsSameRoutes: needsSameRoutes)
    }
}

extension CacheFileWriter {
    func write(_ cache: BodyCache) {
        bool(cache.allowRawHTML)
        bool(cache.preview)
        string(cache.imageBasePath)
        array(cache.languages.sorted { $0.key < $1.key }) { language, inputs in
            string(language)
            array(inputs.aliases) { claim in string(claim.alias); key(claim.target) }
            array(inputs.calloutTitles.sorted { $0.key.rawValue < $1.key.rawValue }) { kind, title in string(kind.rawValue); string(title) }
        }
        optional(cache.routes) { routes in
            array(routes.sorted { $0.key < $1.key }) { target, paths in
                key(target)
                array(paths.sorted { $0.key < $1.key }) { language, path in string(language); string(path) }
            }
        }
        int(cache.paths.count)
        for (path, entry) in zip(cache.paths, cache.entries) {
            string(path)
            bool(entry != nil)
            if let entry { write(entry) }
            flush()
        }
    }

    /// The Markdown, then the length of the rest, so that a reader skips an entry whose Markdown changed.
    private func write(_ entry: BodyCache.Entry) {
        string(entry.source.body)
        let mark = bytes.count
        let source = entry.source, body = entry.body
        string(source.kind.rawValue)
        string(source.language)
        string(source.id)
        int(source.bodyStartLine)
        bool(entry.needsSameRoutes)
        array(entry.lookups) { lookup in
            key(lookup.key)
            string(lookup.language)
            optional(lookup.path, string)
            optional(lookup.resolvedLanguage, string)
        }
        string(body.html)
        array(body.anchors, string)
        array(body.links) { link in
            key(link.target)
            string(link.targetLanguage)
            optional(link.anchor, string)
            location(link.location)
        }
        array(body.redFlags, string)
        array(body.mentions, key)
        array(body.diagnostics, diagnostic)
        array(body.reviewPassages) { passage in string(passage.note); location(passage.location) }
        array(body.linkedAliases, string)
        array(body.images) { use in string(use.name); optional(use.fingerprint, string) }
        array(body.printedFigures, string)
        array(body.headings) { heading in int(heading.level); string(heading.anchor); string(heading.text) }
        let rest = Array(bytes[mark...])
        bytes.removeSubrange(mark...)
        int(rest.count)
        bytes += rest
    }
}
