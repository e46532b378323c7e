import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import TabibServe

/// Why a test's helper gave up.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
}

/// `tabib serve`'s server running in the test process on a free port, over a fixture site, with the
/// events it reports (builds and failed builds) to wait on.
final class RunningPreview: @unchecked Sendable {
    let port: Int
    let fixture: SiteFixture
    private let server: PreviewServer
    private let task: Task<Void, Error>
    private var builds: AsyncStream<ServeEvent>.Iterator

    private init(port: Int, fixture: SiteFixture, server: PreviewServer, task: Task<Void, Error>,
                 builds: AsyncStream<ServeEvent>.Iterator) {
        self.port = port
        self.server = server
        self.fixture = fixture
        self.task = task
        self.builds = builds
    }

    /// Starts the server and waits until it listens; the first build has been reported by then.
    /// The header timeout of the tests' servers: long enough for a machine busy with other builds, which
    /// can take seconds to read a test's own request; SlowClientTests sets a short one.
    static let patientHeaderTimeout: Duration = .seconds(60)

    static func start(_ fixture: SiteFixture, headerTimeout: Duration = patientHeaderTimeout) async throws -> RunningPreview {
        let (builds, buildSink) = AsyncStream.makeStream(of: ServeEvent.self)
        let (listening, listeningSink) = AsyncStream.makeStream(of: String.self)
        let options = ServeOptions(root: fixture.root, port: 0, quietPeriod: .milliseconds(50), headerTimeout: headerTimeout)
        let server = PreviewServer(options: options)
        let task = Task {
            try await server.run { event in
                switch event {
                case let .listening(url, _): listeningSink.yield(url)
                case .built, .failed: buildSink.yield(event)
                case .notWatching: break
                }
            }
        }
        var iterator = builds.makeAsyncIterator()
        _ = await iterator.next()
        guard let url = await listening.first(where: { _ in true }), let port = URL(string: url)?.port else {
            task.cancel()
            throw TestFailure(description: "the server did not start")
        }
        return RunningPreview(port: port, fixture: fixture, server: server, task: task, builds: iterator)
    }

    /// Waits for the next rebuild, successful or not; nil when none comes within a minute, so that a
    /// missing rebuild fails the test instead of hanging it.
    func nextBuild() async -> ServeEvent? {
        let next = Task { [self] in await self.builds.next() }
        let watchdog = Task {
            try await Task.sleep(for: .seconds(60))
            next.cancel()
        }
        defer { watchdog.cancel() }
        return await next.value
    }

    /// Runs `body` with a server over `fixture`, and always stops it and removes the site afterwards.
    static func with<T>(_ fixture: SiteFixture, headerTimeout: Duration = patientHeaderTimeout,
                        _ body: (RunningPreview) async throws -> T) async throws -> T {
        let preview = try await start(fixture, headerTimeout: headerTimeout)
        do {
            let result = try await body(preview)
            await preview.stop()
            return result
        } catch {
            await preview.stop()
            throw error
        }
    }

    /// Stops the server the way SIGTERM does, and removes the site.
    func stop() async {
        await server.shutdown()
        _ = await task.result
        fixture.remove()
    }

    /// One request on a connection of its own, by HummingbirdTesting's client, which sends the target
    /// exactly as given (`/../` and `%2e%2e` reach the server unnormalised).
    func get(_ target: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:],
             host: HostHeader = .served) async throws -> TestClient.Response {
        let authority: String? = switch host {
        case .served: "127.0.0.1:\(port)"
        case let .named(name): name
        case .absent: nil
        }
        return try await Self.request(port: port, target, method: method, headers: headers, host: authority)
    }

    /// The `Host` header a request sends.
    enum HostHeader {
        /// The address the preview is served at, 127.0.0.1 and its port.
        case served
        case named(String)
        /// No `Host` header at all.
        case absent
    }

    /// Tried again, up to four times, on a new connection when the server closed the last before
    /// answering: it closes connections that have not sent a request head within its header timeout,
    /// which on a machine busy with other builds can be the test's own.
    /// The test client waits up to a minute for an answer (its default, 15 s, is too short for 200 requests
    /// at once to a debug build on a busy 2-core machine; a server that does not answer still fails the test).
    static let client = TestClient.Configuration(timeout: .seconds(60))

    static func request(port: Int, _ target: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:],
                        host: String?) async throws -> TestClient.Response {
        let request = TestClient.Request(target, method: method, authority: host, headers: headers)
        for _ in 1..<4 {
            do {
                return try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: Self.client) { try await $0.execute(request) }
            } catch ChannelError.ioOnClosedChannel, TestClient.Error.connectionClosing {
                continue
            }
        }
        return try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: Self.client) { try await $0.execute(request) }
    }

    /// The page's HTML and the token its live-reload script sends, as a browser would read them.
    func open(_ target: String) async throws -> (html: String, page: String, shown: String) {
        let html = try await get(target).text
        guard let (page, shown) = Self.liveArguments(in: html) else {
            throw TestFailure(description: "\(target) has no live-reload script: \(html)")
        }
        return (html, page, shown)
    }

    /// What the page's live-reload script sends when it connects: the page's key and its token.
    static func liveArguments(in html: String) -> (page: String, shown: String)? {
        guard let page = scriptArgument(in: html, after: "?page=\" + encodeURIComponent("),
              let shown = scriptArgument(in: html, after: "&shown=\" + encodeURIComponent(") else { return nil }
        return (page, shown)
    }

    /// Connects an event stream the way the page's script does.
    func listen(_ target: String) async throws -> EventStreamClient {
        let (_, page, shown) = try await open(target)
        return try await EventStreamClient(port: port, page: page, shown: shown)
    }

    private static func scriptArgument(in html: String, after marker: String) -> String? {
        guard let start = html.range(of: marker)?.upperBound, let end = html[start...].range(of: "\")")?.lowerBound else { return nil }
        let literal = String(html[start...end])
        return try? JSONDecoder().decode(String.self, from: Data(literal.utf8))
    }
}
