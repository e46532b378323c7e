import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import TabibCore
import UnixSignals

/// `tabib serve`: builds the site into memory with a local base URL, serves it over HTTP, rebuilds it
/// after every burst of saves and reloads the open pages. It wraps the build; the build knows nothing of it.
public final class PreviewServer: Sendable {
    public let options: ServeOptions
    /// The running service group, set once `run()` has built it.
    private let group = Mutex<ServiceGroup?>(nil)

    public init(options: ServeOptions) { self.options = options }

    /// Runs until SIGINT or SIGTERM, `shutdown()` or cancellation, reporting what happens through
    /// `report`. Throws only when it cannot start: no free port, an unknown host, a port taken meanwhile.
    public func run(report: @escaping @Sendable (ServeEvent) -> Void) async throws {
        let port = try PortProbe.freePort(host: options.host, from: options.port)
        let url = ServeOptions.baseURL(host: options.host, port: port)
        let site = PreviewSite()
        var watcher: SiteWatcher?
        do {
            watcher = try SiteWatcher(root: options.root, quietPeriod: options.quietPeriod)
        } catch {
            report(.notWatching(reason: "\(error)"))
        }
        let rebuilder = Rebuilder(options: BuildOptions(root: options.root, includeDrafts: options.includeDrafts, preview: true, baseURL: url), site: site)
        await rebuilder.rebuild(trigger: [], report: report)

        var logger = Logger(label: "tabib.serve")
        logger.logLevel = .critical
        let exposed = !["127.0.0.1", "::1", "localhost"].contains(options.host)
        let app = Self.application(site: site, hosts: HostCheck(host: options.host, port: port),
                                   address: .hostname(options.host, port: port), headerTimeout: options.headerTimeout,
                                   logger: logger, onServerRunning: { _ in report(.listening(url: url, exposed: exposed)) })
        // Shut down in reverse order: the live service first ends every event stream, then the server has none to wait for.
        let live = LiveService(watcher: watcher, rebuilder: rebuilder, site: site, report: report)
        var configuration = ServiceGroupConfiguration(services: [.init(service: app), .init(service: live)],
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(1)
        let serviceGroup = ServiceGroup(configuration: configuration)
        group.withLock { $0 = serviceGroup }
        defer { watcher?.stop() }
        try await serviceGroup.run()
    }

    /// Ends `run()` the way SIGTERM does: event streams are closed, then the server stops listening.
    public func shutdown() async {
        await group.withLock { $0 }?.triggerGracefulShutdown()
    }

    /// The HTTP server of the preview, answering from `site`. A connection that has not sent a whole
    /// request head within `headerTimeout` of opening (or of its last answer) is closed, so that slow
    /// clients cannot hold connections open; an event stream, whose request has been read, stays open.
    static func application(site: PreviewSite, hosts: HostCheck, address: BindAddress, headerTimeout: Duration, logger: Logger,
                            onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }) -> Application<PreviewResponder> {
        Application(
            responder: PreviewResponder(site: site, hosts: hosts),
            server: .http1(configuration: .init(idleTimeout: TimeAmount(headerTimeout))),
            configuration: ApplicationConfiguration(address: address, serverName: nil),
            onServerRunning: onServerRunning,
            logger: logger)
    }
}
