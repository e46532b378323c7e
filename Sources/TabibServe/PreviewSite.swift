import Synchronization

/// The site as the preview shows it: the last build that succeeded, the problems of the last one
/// when it failed, and the open pages listening for changes. Each update and each new listener is
/// handled under one lock, so no page can miss the rebuild that happens while it connects.
final class PreviewSite: Sendable {
    private struct Listener {
        var page: String
        var shown: String
        var continuation: AsyncStream<LiveEvent>.Continuation
    }

    private struct State {
        var snapshot = SiteSnapshot.empty
        var failure: BuildProblems?
        var listeners: [Int: Listener] = [:]
        var nextListener = 0
        var isClosed = false
    }

    private let state = Mutex(State())

    /// What to answer requests from, read together.
    var current: (snapshot: SiteSnapshot, failure: BuildProblems?) {
        state.withLock { ($0.snapshot, $0.failure) }
    }

    var listenerCount: Int { state.withLock { $0.listeners.count } }

    /// Serves a new successful build and reloads the open pages whose content changed; every page
    /// reloads when the build before had failed, or when an asset that pages use (CSS, images) changed.
    /// Returns the keys whose bytes changed, looking only at `candidates` when given.
    @discardableResult
    func publish(_ newer: SiteSnapshot, candidates: Set<String>? = nil) -> Set<String> {
        let (changed, reloading): (Set<String>, [Listener]) = state.withLock { state in
            let changed = state.snapshot.changedKeys(in: newer, among: candidates)
            let reloadAll = state.failure != nil || changed.contains { $0.hasPrefix("assets/") }
            state.snapshot = newer
            state.failure = nil
            var reloading: [Listener] = []
            for (id, listener) in state.listeners where reloadAll || Self.shown(listener.page, newer, nil) != listener.shown {
                reloading.append(listener)
                state.listeners[id] = nil
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
        state.withLock { $0.snapshot = change($0.snapshot) }
    }

    /// Keeps the last good build served and shows the problems over every open page.
    func publish(_ problems: BuildProblems) {
        state.withLock { state in
            state.failure = problems
            for listener in state.listeners.values { listener.continuation.yield(.failure(overlay: problems.overlay)) }
        }
    }

    /// Starts listening for an open page that was answered from `page` and shows `shown`; when it
    /// shows something else than the server would answer now, the first event tells it to reload.
    func listen(page: String, shown: String) -> AsyncStream<LiveEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: LiveEvent.self)
        let id: Int? = state.withLock { state in
            guard !state.isClosed else { return nil }
            if Self.shown(page, state.snapshot, state.failure) != shown {
                continuation.yield(.reload)
                return nil
            }
            let id = state.nextListener
            state.nextListener += 1
            state.listeners[id] = Listener(page: page, shown: shown, continuation: continuation)
            return id
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        // Outside the lock: a stream already ended calls the handler at once, and the handler takes the lock.
        continuation.onTermination = { [weak self] _ in self?.forget(id) }
        return stream
    }

    /// Sends a comment to every open page, so that closed connections are found and dropped.
    func ping() {
        state.withLock { state in
            for listener in state.listeners.values { listener.continuation.yield(.ping) }
        }
    }

    /// Ends every event stream, and every later one at once: the server is shutting down.
    func close() {
        let ending: [Listener] = state.withLock { state in
            state.isClosed = true
            defer { state.listeners = [:] }
            return Array(state.listeners.values)
        }
        for listener in ending { listener.continuation.finish() }
    }

    /// The token of what a page shows: its content's entity tag (or the 404 page's), and the problems shown over it.
    static func shown(_ page: String, _ snapshot: SiteSnapshot, _ failure: BuildProblems?) -> String {
        let content = snapshot[page]?.etag ?? "404-" + (snapshot["404.html"]?.etag ?? "none")
        return failure.map { "\(content)!\($0.tag)" } ?? content
    }

    private func forget(_ id: Int) {
        state.withLock { _ = $0.listeners.removeValue(forKey: id) }
    }
}
