import Foundation

/// The site as the preview shows it: the last build that succeeded, the problems of the last one
/// when it failed, and the open pages listening for changes. Each update and each new listener is
/// handled under one lock, so no page can miss the rebuild that happens while it connects.
final class PreviewSite: @unchecked Sendable {
    private struct Listener {
        var page: String
        var shown: String
        var continuation: AsyncStream<LiveEvent>.Continuation
    }

    private let lock = NSLock()
    private var snapshot = SiteSnapshot.empty
    private var failure: BuildProblems?
    private var listeners: [Int: Listener] = [:]
    private var nextListener = 0
    private var isClosed = false

    /// What to answer requests from, read together.
    var current: (snapshot: SiteSnapshot, failure: BuildProblems?) {
        lock.withLock { (snapshot, failure) }
    }

    var listenerCount: Int { lock.withLock { listeners.count } }

    /// Serves a new successful build and reloads the open pages whose content changed; every page
    /// reloads when the build before had failed, or when an asset that pages use (CSS, images) changed.
    /// Returns the keys whose bytes changed, looking only at `candidates` when given.
    @discardableResult
    func publish(_ newer: SiteSnapshot, candidates: Set<String>? = nil) -> Set<String> {
        let (changed, reloading): (Set<String>, [Listener]) = lock.withLock {
            let changed = snapshot.changedKeys(in: newer, among: candidates)
            let reloadAll = failure != nil || changed.contains { $0.hasPrefix("assets/") }
            snapshot = newer
            failure = nil
            var reloading: [Listener] = []
            for (id, listener) in listeners where reloadAll || Self.shown(listener.page, snapshot, nil) != listener.shown {
                reloading.append(listener)
                listeners[id] = nil
            }
            return (changed, reloading)
        }
        // Outside the lock: finishing a stream calls its termination handler, which takes the lock.
        for listener in reloading {
            listener.continuation.yield(.reload)
            listener.continuation.finish()
        }
        return changed
    }

    /// Adds files to the served build, or removes them, without reloading any page: the search index,
    /// which `PreviewSearchIndex` makes after a build. `change` gets the snapshot served now.
    func amend(_ change: (SiteSnapshot) -> SiteSnapshot) {
        lock.withLock { snapshot = change(snapshot) }
    }

    /// Keeps the last good build served and shows the problems over every open page.
    func publish(_ problems: BuildProblems) {
        lock.withLock {
            failure = problems
            for listener in listeners.values { listener.continuation.yield(.failure(overlay: problems.overlay)) }
        }
    }

    /// Starts listening for an open page that was answered from `page` and shows `shown`; when it
    /// shows something else than the server would answer now, the first event tells it to reload.
    func listen(page: String, shown: String) -> AsyncStream<LiveEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: LiveEvent.self)
        lock.withLock {
            guard !isClosed else { return continuation.finish() }
            if Self.shown(page, snapshot, failure) != shown {
                continuation.yield(.reload)
                return continuation.finish()
            }
            let id = nextListener
            nextListener += 1
            listeners[id] = Listener(page: page, shown: shown, continuation: continuation)
            continuation.onTermination = { [weak self] _ in self?.forget(id) }
        }
        return stream
    }

    /// Sends a comment to every open page, so that closed connections are found and dropped.
    func ping() {
        lock.withLock {
            for listener in listeners.values { listener.continuation.yield(.ping) }
        }
    }

    /// Ends every event stream, and every later one at once: the server is shutting down.
    func close() {
        let ending: [Listener] = lock.withLock {
            isClosed = true
            defer { listeners = [:] }
            return Array(listeners.values)
        }
        for listener in ending { listener.continuation.finish() }
    }

    /// The token of what a page shows: its content's entity tag (or the 404 page's), and the problems shown over it.
    static func shown(_ page: String, _ snapshot: SiteSnapshot, _ failure: BuildProblems?) -> String {
        let content = snapshot[page]?.etag ?? "404-" + (snapshot["404.html"]?.etag ?? "none")
        return failure.map { "\(content)!\($0.tag)" } ?? content
    }

    private func forget(_ id: Int) {
        lock.withLock { _ = listeners.removeValue(forKey: id) }
    }
}
