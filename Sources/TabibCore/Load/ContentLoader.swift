import Foundation

/// Everything read from `content/`: the site settings and every content file, drafts already left out
/// (and, once through `PublicationGate`, what a public build does not publish).
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    public var files: [ContentFile]
    /// The paths of the files read from disk in this load; the others came from the `LoadCache`.
    public var parsed: Set<String> = []
    /// What `PublicationGate` left out of a public build; and the files left out: drafts, and the gate's.
    public var withheld = PublicationGate.Withheld()
    public var withheldFiles: [ContentFile] = []
}

/// The first stage: reads `content/site.yaml` and every `content/<lang>/<section>/<id>.md`,
/// reporting every problem of every file at once.
public struct ContentLoader: Sendable {
    public var root: URL
    public var includeDrafts: Bool
    public var baseURLOverride: String?
    /// The day dates are checked against: none may lie after it.
    public var today: Day

    public init(root: URL, includeDrafts: Bool = false, baseURLOverride: String? = nil, today: Day = .today) {
        self.root = root
        self.includeDrafts = includeDrafts
        self.baseURLOverride = baseURLOverride
        self.today = today
    }

    public func load() async -> (LoadedContent?, [Diagnostic]) {
        var cache = LoadCache()
        return await load(reusing: &cache)
    }

    /// Loads like `load()`, parsing only the files whose `FileStamp` differs from the one in `cache`,
    /// and leaves in `cache` what this load read, for the next one. With `changed` (paths relative to
    /// the root that a file watcher saw change since the cached load), only those are looked at on
    /// disk; any change the cached listing cannot take in (a folder, a file that is not Markdown)
    /// makes it list every folder again.
    public func load(reusing cache: inout LoadCache, changed: Set<String>? = nil) async -> (LoadedContent?, [Diagnostic]) {
        let content = root.appendingPathComponent("content")
        let configURL = content.appendingPathComponent("site.yaml")
        let realRoot = LinkedFile.realRoot(root)
        if let outside = LinkedFile.outside(configURL.path, path: SiteConfigParser.path, realRoot: realRoot) { return (nil, [outside]) }
        guard let data = FileManager.default.contents(atPath: configURL.path) else {
            return (nil, [.error("missing-config", "there is no content/site.yaml under \(root.path); run tabib in the site's folder or pass --root.")])
        }
        let configText: String
        switch SourceText.decode(data, path: SiteConfigParser.path) {
        case let .success(text): configText = text
        case let .failure(diagnostic): return (nil, [diagnostic])
        }
        let (parsedConfig, configDiagnostics) = SiteConfigParser.parse(configText, baseURLOverride: baseURLOverride)
        guard let config = parsedConfig else { return (nil, configDiagnostics) }
        var diagnostics = configDiagnostics

        let hinted = changed.flatMap { cache.listing(after: $0, config: config, content: content.path) }
        let (paths, layoutDiagnostics) = hinted ?? contentPaths(in: content, config: config)
        diagnostics += layoutDiagnostics
        let languages = Set(config.languages.map(\.code))
        // Taken out of the cache, so that it is changed in place.
        var entries = cache.entries
        let (previous, previouslyChanged, previousCount) = (cache.inputs, cache.changed, entries.count)
        cache = LoadCache()
        cache.listing = LoadCache.Listing(languages: config.languages.map(\.code), entries: paths, diagnostics: layoutDiagnostics)
        var inputs = LoadCache.Inputs(today: today, languages: languages.sorted(), realRoot: realRoot, realFolders: [:])
        if previous?.sameSite(as: inputs) != true { entries = [:] }
        if hinted == nil {
            let listed = Set(paths.map(\.path))
            entries = entries.filter { listed.contains($0.key) }
        }
        // With the watcher's paths, only those are looked at on disk; without, every file's stamp is
        // (and on another day, whether each file's dates still pass).
        let sameDay = previous?.today == today
        let toRead = paths.filter { entry in changed.map { !sameDay || hinted == nil || $0.contains(entry.path) } ?? true || entries[entry.path] == nil }
        let today = today
        let realFolders = LinkedFile.realFolders(Set(toRead.map(\.folder)))
        inputs.realFolders = hinted == nil ? realFolders : (previous?.realFolders ?? [:]).merging(realFolders) { $1 }
        let results = await ParallelMap.map(toRead.map { ($0, entries[$0.path]) }) { entry, cached -> (LoadCache.Entry?, Bool) in
            let stamp = FileStamp(path: entry.absolutePath)
            if let cached, let stamp, let previous, cached.stamp == stamp,
               cached.holds(realFolder: realFolders[entry.folder], folder: entry.folder, today: today, parsedWith: previous) { return (cached, false) }
            let (file, diagnostics) = Self.loadFile(absolutePath: entry.absolutePath, path: entry.path, kind: entry.kind,
                                                    language: entry.language, languages: languages, realRoot: realRoot,
                                                    realFolder: realFolders[entry.folder], today: today)
            return (stamp.map { LoadCache.Entry(stamp: $0, file: file, diagnostics: diagnostics) }, true)
        }
        var parsed: Set<String> = []
        for (entry, (result, wasParsed)) in zip(toRead, results) {
            entries[entry.path] = result
            if wasParsed { parsed.insert(entry.path) }
        }
        if let changed { for path in changed where entries[path] != nil && !Self.isListed(path, in: paths) { entries[path] = nil } }
        var files: [ContentFile] = [], drafts: [ContentFile] = []
        for entry in paths {
            guard let result = entries[entry.path] else {
                // Gone between listing and reading.
                diagnostics.append(.error("unreadable", "the file could not be read; check its permissions.", at: SourceLocation(path: entry.path)))
                continue
            }
            diagnostics += result.diagnostics
            if let file = result.file {
                // A draft left out is like an article the gate holds back: links to it are unlinked, not broken.
                if includeDrafts || !file.meta.draft { files.append(file) } else { drafts.append(file) }
            }
        }
        cache.entries = entries
        cache.inputs = inputs
        // Entries are added or replaced only by parsing; any other change drops some.
        cache.changed = previouslyChanged || !parsed.isEmpty || entries.count != previousCount
        return (diagnostics.hasErrors ? nil : LoadedContent(config: config, files: files, parsed: parsed, withheldFiles: drafts), diagnostics)
    }

    /// Whether `path` is one of `paths`, which are sorted as `contentPaths` lists them: by bisection.
    static func isListed(_ path: String, in paths: [Entry]) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 4, let kind = ContentKind(folder: String(parts[2])) else { return paths.contains { $0.path == path } }
        let probe = Entry(absolutePath: "", path: path, kind: kind, language: String(parts[1]))
        var (low, high) = (0, paths.count)
        while low < high {
            let middle = (low + high) / 2
            if Entry.inOrder(paths[middle], probe) { low = middle + 1 } else { high = middle }
        }
        return low < paths.count && paths[low].path == path
    }

    struct Entry: Sendable {
        /// Sorted as `contentPaths` lists them: by language folder, then section folder, then name.
        static func inOrder(_ a: Entry, _ b: Entry) -> Bool {
            (a.language, a.kind.folder, a.name) < (b.language, b.kind.folder, b.name)
        }
        var name: String { String(path.utf8.split(separator: UInt8(ascii: "/")).last.map { Substring($0) } ?? "") }
        /// The absolute path of its folder.
        var folder: String { String(absolutePath[..<(absolutePath.utf8.lastIndex(of: UInt8(ascii: "/")) ?? absolutePath.endIndex)]) }
        var absolutePath: String
        var path: String
        var kind: ContentKind
        var language: String
    }

    /// The content files in a stable order, and problems with the folder layout itself.
    func contentPaths(in content: URL, config: SiteConfig) -> ([Entry], [Diagnostic]) {
        let fm = FileManager.default
        var entries: [Entry] = []
        var diagnostics: [Diagnostic] = []
        let languageFolders = ((try? fm.contentsOfDirectory(atPath: content.path)) ?? []).sorted()
        // content/images/ holds the images every language shares (ImageCatalog).
        for folder in languageFolders where !folder.hasPrefix(".") && "content/\(folder)" != SiteImage.folder {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: content.appendingPathComponent(folder).path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            guard config.language(folder) != nil else {
                var notes: [String] = []
                if let guess = Suggestion.closest(to: folder, in: config.languages.map(\.code)) { notes.append("did you mean '\(guess)'?") }
                diagnostics.append(.error("unknown-language",
                    "the folder content/\(folder) is not a language of site.yaml; add '\(folder)' to 'languages' or rename the folder.",
                    at: SourceLocation(path: "content/\(folder)"), notes: notes))
                continue
            }
            let languageURL = content.appendingPathComponent(folder)
            for sectionFolder in ((try? fm.contentsOfDirectory(atPath: languageURL.path)) ?? []).sorted() where !sectionFolder.hasPrefix(".") {
                guard let kind = ContentKind(folder: sectionFolder) else {
                    var notes: [String] = []
                    if let guess = Suggestion.closest(to: sectionFolder, in: ContentKind.allCases.map(\.folder)) { notes.append("did you mean '\(guess)'?") }
                    diagnostics.append(.error("unknown-section",
                        "content/\(folder)/\(sectionFolder) is not a known folder; use \(ContentKind.folderList).",
                        at: SourceLocation(path: "content/\(folder)/\(sectionFolder)"), notes: notes))
                    continue
                }
                let sectionPath = languageURL.appendingPathComponent(sectionFolder).path
                for name in ((try? fm.contentsOfDirectory(atPath: sectionPath)) ?? []).sorted() where !name.hasPrefix(".") {
                    let path = "content/\(folder)/\(sectionFolder)/\(name)"
                    guard name.hasSuffix(".md") else {
                        diagnostics.append(.warning("not-markdown", "\(path) is not a .md file and is ignored; rename it to .md or move it out of content/.",
                                                    at: SourceLocation(path: path)))
                        continue
                    }
                    let id = String(name.dropLast(3))
                    if let problem = FrontMatterParser.slugProblem(id) {
                        diagnostics.append(.error("bad-id", "the file name '\(name)' \(problem); the file name is the page's id: rename it to lowercase letters, digits and '-'.",
                                                  at: SourceLocation(path: path)))
                        continue
                    }
                    entries.append(Entry(absolutePath: sectionPath + "/" + name, path: path, kind: kind, language: folder))
                }
            }
        }
        return (entries, diagnostics)
    }

    static func loadFile(absolutePath: String, path: String, kind: ContentKind, language: String, languages: Set<String>,
                         realRoot: String, realFolder: String? = nil, today: Day = .today) -> (ContentFile?, [Diagnostic]) {
        if let outside = LinkedFile.outside(absolutePath, path: path, realRoot: realRoot, realFolder: realFolder) { return (nil, [outside]) }
        guard let data = FileManager.default.contents(atPath: absolutePath) else {
            return (nil, [.error("unreadable", "the file could not be read; check its permissions.", at: SourceLocation(path: path))])
        }
        let text: String
        switch SourceText.decode(data, path: path) {
        case let .success(decoded): text = decoded
        case let .failure(diagnostic): return (nil, [diagnostic])
        }
        let split: FrontMatterParser.Split
        switch FrontMatterParser.split(text, path: path, kind: kind) {
        case let .success(value): split = value
        case let .failure(diagnostic): return (nil, SourceLines.attach([diagnostic], text: text, path: path))
        }
        if let stray = YAMLErrorExplainer.strayFence(split, path: path, kind: kind) { return (nil, [stray]) }
        let (meta, found) = FrontMatterParser.parse(split.yaml, path: path, kind: kind, languages: languages, today: today)
        // The lines are at hand here; the other stages' diagnostics get theirs from `SourceLines.attach(_:root:)`.
        let diagnostics = SourceLines.attach(found, text: text, path: path)
        guard let meta else { return (nil, diagnostics) }
        let id = String(path.split(separator: "/").last!.dropLast(3))
        return (ContentFile(path: path, kind: kind, language: language, id: id, meta: meta, body: split.body, bodyStartLine: split.bodyStartLine), diagnostics)
    }
}
