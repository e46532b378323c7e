import Hummingbird
import HummingbirdTesting
import Logging
import TabibCore
@testable import TabibServe

/// The preview's HTTP application — the one `tabib serve` runs — over a fixture site built once, for
/// HummingbirdTesting's `app.test`: `.router` hands each request straight to the responder, `.live`
/// runs the server on a free port of localhost. (Its header timeout is the patient one: `.live` keeps a
/// connection of its own open, unused by tests that open their own.)
enum PreviewApp {
    /// The base URL the fixture is built with, and the address its host check names.
    static let baseURL = "http://127.0.0.1:1313/"

    static func test<Value>(_ fixture: SiteFixture, _ setup: TestingSetup,
                            _ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        defer { fixture.remove() }
        let site = PreviewSite()
        await Rebuilder(options: BuildOptions(root: fixture.root, baseURL: baseURL), site: site).rebuild(trigger: [], report: { _ in })
        var logger = Logger(label: "tabib.serve.tests")
        logger.logLevel = .critical
        let app = PreviewServer.application(site: site, hosts: HostCheck(host: "127.0.0.1", port: 1313),
                                            address: .hostname("127.0.0.1", port: 0), headerTimeout: RunningPreview.patientHeaderTimeout, logger: logger)
        return try await app.test(setup, body)
    }
}
