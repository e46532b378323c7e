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
    static let header: [UInt8]? = FileStamp(path: "/proc/self/exe").map { binary in
        Array(("tabib bodies 2 binary \(binary.device) \(binary.inode) \(binary.size) \(binary.modified.tv_sec).\(binary.modified.tv_nsec) "
            + "\(binary.changed.tv_sec).\(binary.changed.tv_nsec) cmark-gfm \(MarkdownTree.libraryVersion)\n").utf8)
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

/// A cache file read a piece at a time, so that a large one is never all in memory at once. Every
/// read throws when the file ends early or holds what tabib never writes.
final class CacheFileReader {
    struct Damaged: Error {}

    private let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 1 << 20)
    /// The bytes read from the file and not yet taken.
    private var start = 0, end = 0

    init?(path: String) {
        descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
    }

    deinit { close(descriptor) }

    /// Makes `count` bytes available from `start`.
    private func fill(_ count: Int) throws {
        guard end - start < count else { return }
        if start > 0 {
            buffer.withUnsafeMutableBytes { raw in _ = memmove(raw.baseAddress!, raw.baseAddress! + start, end - start) }
            end -= start
            start = 0
        }
        if buffer.count < count { buffer += repeatElement(0, count: count - buffer.count) }
        while end < count {
            let read = buffer.withUnsafeMutableBytes { raw in Glibc.read(descriptor, raw.baseAddress! + end, raw.count - end) }
            guard read > 0 else { throw Damaged() }
            end += read
        }
    }

    var isAtEnd: Bool { (try? fill(1)) == nil }

    func byte() throws -> UInt8 {
        try fill(1)
        defer { start += 1 }
        return buffer[start]
    }

    func bool() throws -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw Damaged()
        }
    }

    /// An unsigned LEB128 number, at most 2⁴⁰.
    func int() throws -> Int {
        var value = 0, shift = 0
        while true {
            let b = try byte()
            value |= Int(b & 0x7F) << shift
            if b & 0x80 == 0 { return value }
            shift += 7
            guard shift < 40 else { throw Damaged() }
        }
    }

    /// A count of items or bytes, bounded so that a damaged file never asks for a huge allocation.
    func count() throws -> Int {
        let count = try int()
        guard count <= 1 << 28 else { throw Damaged() }
        return count
    }

    func bytes(_ count: Int) throws -> [UInt8] {
        try fill(count)
        defer { start += count }
        return Array(buffer[start..<(start + count)])
    }

    func string() throws -> String {
        let count = try count()
        try fill(count)
        defer { start += count }
        return buffer.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<(start + count)]), as: UTF8.self) }
    }

    /// Reads a string and tells whether it is `text`, without making a `String` of it.
    func matches(_ text: String) throws -> Bool {
        let count = try count()
        try fill(count)
        defer { start += count }
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { utf8 in
            utf8.count == count && buffer.withUnsafeBufferPointer { stored in
                count == 0 || memcmp(utf8.baseAddress!, stored.baseAddress! + start, count) == 0
            }
        } ?? false
    }

    func skip(_ count: Int) throws {
        try fill(count)
        start += count
    }

    func optional<T>(_ read: () throws -> T) throws -> T? { try bool() ? read() : nil }

    func array<T>(_ read: () throws -> T) throws -> [T] {
        let count = try count()
        var items: [T] = []
        items.reserveCapacity(Swift.min(count, 1 << 16))
        for _ in 0..<count { items.append(try read()) }
        return items
    }

    func key() throws -> ContentKey {
        guard let kind = ContentKind(rawValue: try string()) else { throw Damaged() }
        return ContentKey(kind: kind, id: try string())
    }

    func location() throws -> SourceLocation {
        SourceLocation(path: try string(), line: try optional(int), column: try optional(int))
    }

    func diagnostic() throws -> Diagnostic {
        guard let severity = Diagnostic.Severity(rawValue: try string()) else { throw Damaged() }
        return Diagnostic(severity, try string(), try string(), at: try optional(location), notes: try array(string),
                          sourceLine: try optional(string))
    }

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
            TargetLookup(key: try key(), language: try string(), path: try optional(string), resolvedLanguage: try optional(string))
        }
        let body = RenderedBody(
            html: try string(), anchors: Set(try array(string)),
            links: try array { PageLink(target: try key(), targetLanguage: try string(), anchor: try optional(string), location: try location()) },
            redFlags: try array(string), mentions: try array(key), diagnostics: try array(diagnostic),
            reviewPassages: try array { ReviewPassage(note: try string(), location: try location()) },
            linkedAliases: try array(string), images: try array { ImageUse(name: try string(), fingerprint: try optional(string)) },
            printedFigures: try array(string),
            headings: try array { BodyHeading(level: try int(), anchor: try string(), text: try string()) })
        return BodyCache.Entry(source: stored, body: body, lookups: lookups, reusable: true, needsSameRoutes: needsSameRoutes)
    }
}

/// A cache file written through a buffer, as `CacheFileReader` reads it back.
final class CacheFileWriter {
    private let descriptor: Int32
    var bytes: [UInt8] = []
    private var failed = false

    init?(path: String) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        bytes.reserveCapacity(1 << 21)
    }

    /// Writes what is buffered, at the latest when the buffer holds a megabyte.
    private func flush(over limit: Int = 1 << 20) {
        guard bytes.count > limit else { return }
        var done = 0
        while !failed, done < bytes.count {
            let written = bytes.withUnsafeBytes { raw in Glibc.write(descriptor, raw.baseAddress! + done, raw.count - done) }
            if written > 0 { done += written } else { failed = true }
        }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes the rest and closes the file; false when anything could not be written.
    func close() -> Bool {
        flush(over: 0)
        return Glibc.close(descriptor) == 0 && !failed
    }

    func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    func int(_ value: Int) {
        var value = UInt(value)
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    func string(_ text: String) {
        int(text.utf8.count)
        bytes += text.utf8
    }

    func optional<T>(_ value: T?, _ write: (T) -> Void) {
        bool(value != nil)
        if let value { write(value) }
    }

    func array<T>(_ items: some Collection<T>, _ write: (T) -> Void) {
        int(items.count)
        for item in items { write(item) }
    }

    func key(_ key: ContentKey) {
        string(key.kind.rawValue)
        string(key.id)
    }

    func location(_ location: SourceLocation) {
        string(location.path)
        optional(location.line, int)
        optional(location.column, int)
    }

    func diagnostic(_ diagnostic: Diagnostic) {
        string(diagnostic.severity.rawValue)
        string(diagnostic.code)
        string(diagnostic.message)
        optional(diagnostic.location, location)
        array(diagnostic.notes, string)
        optional(diagnostic.sourceLine, string)
    }

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
