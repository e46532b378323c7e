import Foundation
import TabibCore

/// What the preview server reports while it runs, for the command to print.
public enum ServeEvent: Sendable {
    /// The server listens at `url`; `exposed` when it is reachable from other machines.
    case listening(url: String, exposed: Bool)
    /// A build succeeded and is served now.
    case built(BuildSummary)
    /// A build failed; the last good site stays served and the open pages show the diagnostics.
    case failed(diagnostics: [Diagnostic], trigger: [String])
    /// Edits are not followed (the reason says why); the site is still served.
    case notWatching(reason: String)
}
