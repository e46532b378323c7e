import Foundation

/// What the loader parsed in the last build into a folder, kept in `.tabib-cache/parsed` under the
/// site's root: the next build, even by another run of tabib, parses only the files whose stamp
/// (`FileStamp`) changed instead of reading every file's front matter again.
///
/// The entries are those `tabib serve` keeps between builds, each file's diagnostics with it, and
/// what they were parsed with (`LoadCache.Inputs`: the day, the languages, the real paths of the
/// site's folders), against which the loader checks them. A public build and a preview parse every
/// file alike (drafts are left out after parsing), so both share the file. It names the tabib binary
/// that wrote it (its inode, size and times), so a file another build of tabib wrote is ignored. Only a
/// speed-up: a missing, foreign, damaged or cut file is ignored (every file is parsed again), and a
/// cache folder that is a symbolic link is never read or written.
extension LoadCache {
    static let fileName = "parsed"

    /// The first line of the files this binary writes; nil when the binary cannot be told apart from
    /// another (then nothing is read or written).
    static let header: [UInt8]? = CacheFolder.binary.map { Array("tabib parsed 1 \($0)\n".utf8) }

    /// The cache stored under `root`; empty when there is none or it cannot be read.
    static func load(root: URL) -> LoadCache {
        guard let header, let folder = CacheFolder.usable(root: root, create: false),
              let reader = CacheFileReader(path: folder.appendingPathComponent(fileName).path),
              var cache = try? reader.loadCache(header: header) else { return LoadCache() }
        cache.changed = false
        return cache
    }

    /// Writes the cache into `root/.tabib-cache/`, replacing the file at once; failures are ignored.
    func save(root: URL) {
        guard let header = Self.header, let inputs, let folder = CacheFolder.usable(root: root, create: true) else { return }
        let target = folder.appendingPathComponent(Self.fileName)
        let temporary = folder.appendingPathComponent(".\(Self.fileName).\(getpid()).tmp")
        guard let writer = CacheFileWriter(path: temporary.path) else { return }
        writer.bytes += header
        writer.write(inputs)
        writer.int(entries.count)
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            writer.write(entry, path: path)
            writer.flush()
        }
        if writer.close() { if rename(temporary.path, target.path) != 0 { unlink(temporary.path) } } else { unlink(temporary.path) }
    }
}

extension CacheFileReader {
    /// The cache after `header`: its inputs and every entry.
    func loadCache(header: [UInt8]) throws -> LoadCache {
        guard try bytes(header.count) == header else { throw Damaged() }
        var cache = LoadCache()
        var inputs = LoadCache.Inputs(today: try day(), languages: try array(string), realRoot: try string(), realFolders: [:])
        for _ in 0..<(try count()) { inputs.realFolders[try string()] = try string() }
        cache.inputs = inputs
        let count = try count()
        cache.entries.reserveCapacity(count)
        for _ in 0..<count {
            let path = try string()
            cache.entries[path] = try loadEntry(path: path)
        }
        guard isAtEnd else { throw Damaged() }
        return cache
    }

    private func loadEntry(path: String) throws -> LoadCache.Entry {
        let stamp = FileStamp(device: try uint64(), inode: try uint64(), size: Int64(bitPattern: try uint64()),
                              modified: try time(), changed: try time())
        let diagnostics = try array { try diagnostic(within: path) }
        let file = try optional { try contentFile(path: path) }
        return LoadCache.Entry(stamp: stamp, file: file, diagnostics: diagnostics)
    }

    private func time() throws -> timespec {
        timespec(tv_sec: Int(Int64(bitPattern: try uint64())), tv_nsec: Int(Int64(bitPattern: try uint64())))
    }

    private func contentFile(path: String) throws -> ContentFile {
        guard let kind = ContentKind(rawValue: try string()) else { throw Damaged() }
        let language = try string(), id = try string(), bodyStartLine = try int()
        var meta = FrontMatter()
        meta.title = try string()
        meta.summary = try optional(string)
        meta.date = try optional(day)
        meta.reviewed = try optional(day)
        meta.nextReview = try optional(day)
        meta.clinicalReview = try optional { ClinicalReview(name: try string(), credential: try optional(string), date: try day()) }
        meta.conditions = try array { try located(within: path) }
        meta.causes = try array {
            CauseReference(cause: try located(within: path), targets: try optional { try array { try located(within: path) } })
        }
        meta.sources = try array {
            let title = try string(), url = try optional(string)
            let kind = try optional { () throws -> SourceKind in
                guard let kind = SourceKind(rawValue: try string()) else { throw Damaged() }
                return kind
            }
            return SourceReference(title: title, url: url, kind: kind, location: try location(within: path))
        }
        meta.review = try optional { ReviewFlag(flag: try string(), note: try optional(string)) }
        meta.handoutPoints = try array(string)
        meta.translation = try optional { TranslationInfo(from: try string(), reviewed: try bool(), date: try optional(day)) }
        meta.draft = try bool()
        meta.slug = try optional { try located(within: path) }
        meta.aliases = try array { try located(within: path) }
        meta.confirmedAliases = Set(try array(string))
        meta.entityKind = try optional(string)
        for _ in 0..<(try count()) { meta.keyLocations[try string()] = try location(within: path) }
        for _ in 0..<(try count()) { meta.dateLocations[try string()] = try location(within: path) }
        let body = try string()
        return ContentFile(path: path, kind: kind, language: language, id: id, meta: meta, body: body, bodyStartLine: bodyStartLine)
    }

    /// A location, most often in the file at `path`, which is then not stored again.
    private func location(within path: String) throws -> SourceLocation {
        SourceLocation(path: try bool() ? path : try string(), line: try optional(int), column: try optional(int))
    }

    private func located(within path: String) throws -> Located<String> {
        Located(try string(), at: try location(within: path))
    }

    private func diagnostic(within path: String) throws -> Diagnostic {
        guard let severity = Diagnostic.Severity(rawValue: try string()) else { throw Damaged() }
        return Diagnostic(severity, try string(), try string(), at: try optional { try location(within: path) }, notes: try array(string),
                          sourceLine: try optional(string))
    }
}

extension CacheFileWriter {
    func write(_ inputs: LoadCache.Inputs) {
        day(inputs.today)
        array(inputs.languages, string)
        string(inputs.realRoot)
        array(inputs.realFolders.sorted { $0.key < $1.key }) { folder, real in string(folder); string(real) }
    }

    func write(_ entry: LoadCache.Entry, path: String) {
        string(path)
        let stamp = entry.stamp
        for number in [stamp.device, stamp.inode, UInt64(bitPattern: stamp.size),
                       UInt64(bitPattern: Int64(stamp.modified.tv_sec)), UInt64(bitPattern: Int64(stamp.modified.tv_nsec)),
                       UInt64(bitPattern: Int64(stamp.changed.tv_sec)), UInt64(bitPattern: Int64(stamp.changed.tv_nsec))] {
            uint64(number)
        }
        array(entry.diagnostics) { diagnostic($0, within: path) }
        optional(entry.file) { write($0) }
    }

    private func write(_ file: ContentFile) {
        let path = file.path, meta = file.meta
        string(file.kind.rawValue)
        string(file.language)
        string(file.id)
        int(file.bodyStartLine)
        string(meta.title)
        optional(meta.summary, string)
        optional(meta.date, day)
        optional(meta.reviewed, day)
        optional(meta.nextReview, day)
        optional(meta.clinicalReview) { review in
            string(review.name)
            optional(review.credential, string)
            day(review.date)
        }
        array(meta.conditions) { located($0, within: path) }
        array(meta.causes) { cause in
            located(cause.cause, within: path)
            optional(cause.targets) { targets in array(targets) { located($0, within: path) } }
        }
        array(meta.sources) { source in
            string(source.title)
            optional(source.url, string)
            optional(source.kind) { string($0.rawValue) }
            location(source.location, within: path)
        }
        optional(meta.review) { review in
            string(review.flag)
            optional(review.note, string)
        }
        array(meta.handoutPoints, string)
        optional(meta.translation) { translation in
            string(translation.from)
            bool(translation.reviewed)
            optional(translation.date, day)
        }
        bool(meta.draft)
        optional(meta.slug) { located($0, within: path) }
        array(meta.aliases) { located($0, within: path) }
        array(meta.confirmedAliases.sorted(), string)
        optional(meta.entityKind, string)
        array(meta.keyLocations.sorted { $0.key < $1.key }) { key, at in string(key); location(at, within: path) }
        array(meta.dateLocations.sorted { $0.key < $1.key }) { key, at in string(key); location(at, within: path) }
        string(file.body)
    }

    private func location(_ location: SourceLocation, within path: String) {
        bool(location.path == path)
        if location.path != path { string(location.path) }
        optional(location.line, int)
        optional(location.column, int)
    }

    private func located(_ value: Located<String>, within path: String) {
        string(value.value)
        location(value.location, within: path)
    }

    private func diagnostic(_ diagnostic: Diagnostic, within path: String) {
        string(diagnostic.severity.rawValue)
        string(diagnostic.code)
        string(diagnostic.message)
        optional(diagnostic.location) { location($0, within: path) }
        array(diagnostic.notes, string)
        optional(diagnostic.sourceLine, string)
    }
}
