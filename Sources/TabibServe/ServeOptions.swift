import Foundation
import TabibCore

/// What `tabib serve` is asked to do.
public struct ServeOptions: Sendable {
    /// The site's folder, holding `content/` and `templates/`.
    public var root: URL
    /// The address to listen on: the loopback address unless the writer deliberately exposes the preview.
    public var host: String
    /// The first port to try; the next free one above it is taken when it is busy. 0 lets the system choose.
    public var port: Int
    public var includeDrafts: Bool
    /// How long the watcher waits for a burst of saves to end before it rebuilds.
    public var quietPeriod: Duration
    /// How long a connection may stay open without sending a whole request head (and how long an idle
    /// kept-alive one stays open), so that a slow client cannot hold connections open.
    public var headerTimeout: Duration

    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 1313

    public init(root: URL, host: String = ServeOptions.defaultHost, port: Int = ServeOptions.defaultPort,
                includeDrafts: Bool = false, quietPeriod: Duration = .milliseconds(100),
                headerTimeout: Duration = .seconds(5)) {
        self.root = root
        self.host = host
        self.port = port
        self.includeDrafts = includeDrafts
        self.quietPeriod = quietPeriod
        self.headerTimeout = headerTimeout
    }

    /// The base URL the preview is built with, so that absolute links lead back to the preview.
    static func baseURL(host: String, port: Int) -> String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return "http://\(shown):\(port)/"
    }
}
