import ServiceLifecycle

/// Follows the writer's edits while the server runs: rebuilds after each burst of saves and keeps
/// the open pages' event streams alive. On shutdown it ends every stream first, so that the HTTP
/// server, shut down after it, has no open connection left to wait for.
struct LiveService: Service {
    let watcher: SiteWatcher?
    let rebuilder: Rebuilder
    let site: PreviewSite
    let report: @Sendable (ServeEvent) -> Void
    var heartbeat: Duration = .seconds(15)

    func run() async throws {
        // Unstructured on purpose: a build under way must not hold up shutdown.
        let rebuilds = Task { [watcher, rebuilder, report] in
            guard let watcher else { return }
            for await changes in watcher.changes {
                if Task.isCancelled { break }
                await rebuilder.rebuild(trigger: changes.sorted(), report: report)
            }
        }
        let pings = Task { [site, heartbeat] in
            while !Task.isCancelled {
                try? await Task.sleep(for: heartbeat)
                site.ping()
            }
        }
        defer {
            watcher?.stop()
            site.close()
            rebuilds.cancel()
            pings.cancel()
        }
        try? await gracefulShutdown()
    }
}
