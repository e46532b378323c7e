import Foundation

/// Watches what a build reads — `content/` (with `site.yaml`) and `templates/` (with `i18n/` and
/// `assets/`) — including folders created later, and reports each burst of saves once, when no
/// further change has come for `quietPeriod` (or after a second of continuous writing).
final class SiteWatcher: @unchecked Sendable {
    /// Each element is one burst: the changed paths, relative to the site root.
    let changes: AsyncStream<Set<String>>

    static let sources = ["content", "templates"]

    private let continuation: AsyncStream<Set<String>>.Continuation
    private let root: URL
    private let quietMilliseconds: Int32
    #if canImport(Glibc)
    private let inotify: Inotify
    /// Watch → folder relative to the root ("" for the root itself). Touched only by the watching thread after `init`.
    private var folders: [Int32: String] = [:]
    #endif

    /// Starts watching at once, so that no save made during the first build is missed.
    init(root: URL, quietPeriod: Duration) throws {
        self.root = root
        let milliseconds = quietPeriod.components.seconds * 1000 + quietPeriod.components.attoseconds / 1_000_000_000_000_000
        quietMilliseconds = Int32(clamping: max(1, milliseconds))
        (changes, continuation) = AsyncStream.makeStream(of: Set<String>.self)
        #if canImport(Glibc)
        inotify = try Inotify()
        if let watch = inotify.watch(folder: root.path) { folders[watch] = "" }
        for source in Self.sources { _ = watchTree(source) }
        let thread = Thread { [self] in run() }
        thread.name = "tabib-watcher"
        thread.start()
        #else
        throw Unsupported()
        #endif
    }

    /// Watching needs Linux's inotify.
    struct Unsupported: Error, CustomStringConvertible {
        var description: String { "watching files needs Linux inotify, which this system does not have" }
    }

    /// Stops the watching thread and ends `changes`.
    func stop() {
        #if canImport(Glibc)
        inotify.wake()
        #else
        continuation.finish()
        #endif
    }

    /// Whether a change to this path can matter to a build: not an editor's swap, backup or probe file.
    static func matters(_ path: String) -> Bool {
        guard let name = path.split(separator: "/").last else { return false }
        if name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name == "4913" { return false }
        return !(name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".tmp"))
    }

    #if canImport(Glibc)
    private func run() {
        var burst = Burst()
        var burstStart = ContinuousClock.now
        while let events = inotify.wait(milliseconds: burst.isEmpty ? -1 : quietMilliseconds) {
            if events.isEmpty {
                flush(&burst)
                continue
            }
            if burst.isEmpty { burstStart = .now }
            for event in events { handle(event, into: &burst) }
            if !burst.isEmpty, ContinuousClock.now - burstStart > .seconds(1) { flush(&burst) }
        }
        continuation.finish()
    }

    /// The paths changed in one burst. A file both created and removed within it (an editor's or
    /// sed's temporary file, renamed over the real one) is left out.
    private struct Burst {
        var changed: Set<String> = []
        var createdHere: Set<String> = []
        var isEmpty: Bool { changed.isEmpty }

        mutating func note(_ path: String, _ kind: Inotify.Kind) {
            if kind.contains(.created) { createdHere.insert(path) }
            if kind.contains(.removed), createdHere.contains(path) {
                changed.remove(path)
                return
            }
            changed.insert(path)
        }
    }

    private func flush(_ burst: inout Burst) {
        guard !burst.isEmpty else { return }
        continuation.yield(burst.changed)
        burst = Burst()
    }

    private func handle(_ event: Inotify.Event, into burst: inout Burst) {
        if event.kind.contains(.overflow) {
            for source in Self.sources { burst.changed.formUnion(watchTree(source)) }
            burst.changed.insert("content/site.yaml")
            return
        }
        guard let folder = folders[event.watch] else { return }
        if event.name.isEmpty {
            if event.kind.contains(.watchGone) { folders[event.watch] = nil }
            return
        }
        let path = folder.isEmpty ? event.name : "\(folder)/\(event.name)"
        if folder.isEmpty, !Self.sources.contains(event.name) { return }
        guard Self.matters(path) else { return }
        burst.note(path, event.kind)
        if event.kind.contains(.folder), event.kind.contains(.created) { burst.changed.formUnion(watchTree(path)) }
    }
    #endif

    /// Watches a folder and every folder below it (never through a symbolic link); returns the files
    /// found in it, which may have been written before the watch was in place.
    private func watchTree(_ relative: String) -> Set<String> {
        #if canImport(Glibc)
        var url = root.appendingPathComponent(relative)
        // content/ and templates/ themselves may be links to folders elsewhere; nothing below them is followed.
        if Self.sources.contains(relative) { url = url.resolvingSymlinksInPath() }
        guard Self.isFolder(url), let watch = inotify.watch(folder: url.path) else { return [] }
        folders[watch] = relative
        var files: Set<String> = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] where Self.matters(name) {
            let child = "\(relative)/\(name)"
            if Self.isFolder(url.appendingPathComponent(name)) { files.formUnion(watchTree(child)) } else { files.insert(child) }
        }
        return files
        #else
        return []
        #endif
    }

    private static func isFolder(_ url: URL) -> Bool {
        let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
        return type == .typeDirectory
    }
}
