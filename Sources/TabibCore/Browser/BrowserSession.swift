import Foundation

/// One headless Chromium for many pages: started once and driven over its DevTools pipe, so a page
/// costs a tab rather than a browser. Pages may print concurrently, each in a tab of its own. End
/// every session with `close()`, which stops and reaps the browser and removes its profile.
final class BrowserSession: Sendable {
    /// How long a page may take from opening its tab to its PDF.
    let timeout: Duration
    let pipe: DevToolsPipe
    /// The folder of the throw-away profile and of the log of what the browser printed; `close()`
    /// removes it.
    let scratch: URL
    private var log: URL { scratch.appendingPathComponent("chromium.log") }
    /// The browser's command line, for diagnostics.
    private let command: [String]

    /// The browser's process ID, which `close()` ends.
    var processID: pid_t { pipe.processID }

    private init(timeout: Duration, pipe: DevToolsPipe, scratch: URL, command: [String]) {
        self.timeout = timeout
        self.pipe = pipe
        self.scratch = scratch
        self.command = command
    }

    /// Starts `browser` and checks that it answers on its pipe within `startTimeout`. A page that
    /// takes longer than `timeout` to load and print fails alone.
    static func start(_ browser: Chromium, timeout: Duration = .seconds(60),
                      startTimeout: Duration = .seconds(30)) async throws(BuildFailure) -> BrowserSession {
        let executable = browser.tool.executable.path
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tabib-chromium-\(UUID().uuidString)")
        let arguments = Chromium.commonArguments(profile: scratch.appendingPathComponent("profile")) + ["--remote-debugging-pipe"]
        let pipe: DevToolsPipe
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            pipe = try DevToolsPipe(executable: executable, arguments: arguments, log: scratch.appendingPathComponent("chromium.log"))
        } catch {
            try? FileManager.default.removeItem(at: scratch)
            throw BuildFailure([.error("chromium-failed", "could not start \(executable) (\(error.localizedDescription)); check that it runs: \(executable) --version.")])
        }
        let session = BrowserSession(timeout: timeout, pipe: pipe, scratch: scratch, command: [executable] + arguments)
        do {
            _ = try await pipe.send("Browser.getVersion", deadline: .now + startTimeout)
        } catch {
            let why: String
            switch error {
            case DevToolsPipe.Failure.closed:
                why = await session.ending().map { "it quit with \($0) before it answered" } ?? "it closed the pipe without answering"
            case DevToolsPipe.Failure.timedOut:
                why = "it did not answer within \(Int(startTimeout.components.seconds)) seconds"
            case DevToolsPipe.Failure.replied(let message):
                why = "it answered \(message)"
            default:
                why = "starting it was cancelled"
            }
            let notes = session.notes
            await session.close()
            throw BuildFailure([.error("chromium-failed",
                "Chromium did not answer on its DevTools pipe (\(why)); check that \(executable) is a recent Chromium or Chrome, and see its command line and its own messages in the notes.",
                notes: notes)])
        }
        return session
    }

    /// Prints `page` to `pdf` as the page's CSS asks (`@page` size and margin boxes), without
    /// Chromium's own header and footer, as `Chromium.printToPDF` does. Diagnostics call the page
    /// `name` (default: its path); it fails when it takes longer than `timeout` (default: the session's).
    func printToPDF(_ page: URL, to pdf: URL, named name: String? = nil, timeout: Duration? = nil) async throws(BuildFailure) {
        let name = name ?? page.path
        let timeout = timeout ?? self.timeout
        let deadline = ContinuousClock.now + timeout
        var tab: (target: String, session: String?)?
        do {
            let target = try await pipe.send("Target.createTarget", ["url": .string("about:blank")], deadline: deadline)
            guard let targetID = target.body["targetId"]?.string else { throw DevToolsPipe.Failure.replied("no targetId for the new tab") }
            tab = (targetID, nil)
            let attached = try await pipe.send("Target.attachToTarget", ["targetId": .string(targetID), "flatten": .bool(true)], deadline: deadline)
            guard let sessionID = attached.body["sessionId"]?.string else { throw DevToolsPipe.Failure.replied("no sessionId for the new tab") }
            tab = (targetID, sessionID)
            pipe.watch(sessionID)
            try await load(page, in: sessionID, deadline: deadline)
            let printed = try await pipe.send("Page.printToPDF", [
                "preferCSSPageSize": .bool(true), "displayHeaderFooter": .bool(false), "printBackground": .bool(true),
                "generateTaggedPDF": .bool(true),
            ], session: sessionID, deadline: deadline)
            guard let data = printed.body["data"]?.string.flatMap({ Data(base64Encoded: $0) }), !data.isEmpty else {
                throw DevToolsPipe.Failure.replied("an empty PDF")
            }
            try? FileManager.default.removeItem(at: pdf)
            do {
                try data.write(to: pdf, options: .atomic)
            } catch {
                throw BuildFailure([.error("pdf-failed", "could not write \(pdf.path) (\(error.localizedDescription)); check the disk and its permissions.")])
            }
        } catch {
            await closeTab(tab)
            throw await diagnose(error, printing: name, timeout: timeout)
        }
        await closeTab(tab)
    }

    /// Stops the browser, politely first, and removes its profile. Waits until the process has been
    /// reaped, also when the task is cancelled.
    func close() async {
        if pipe.exitDescription == nil {
            // A browser that closed its pipe but still runs gets a moment; one asked to quit, longer.
            var patience = Duration.seconds(1)
            if pipe.isOpen {
                do {
                    _ = try await pipe.send("Browser.close", deadline: .now + .seconds(5))
                    patience = .seconds(5)
                } catch DevToolsPipe.Failure.closed {
                    // Quitting closes the pipe, sometimes before the reply.
                    patience = .seconds(5)
                } catch {
                    // Cancelled, or it did not answer within 5 seconds.
                    patience = .zero
                }
            }
            if await pipe.waitForExit(deadline: .now + patience) == nil {
                pipe.terminate()
                _ = await pipe.waitForExit()
            }
        }
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Why a page could not be loaded.
    private enum PageFailure: Error {
        case notOpened(String)
        case crashed
    }

    /// Navigates the tab of `sessionID` to `page` and waits for its load event.
    func load(_ page: URL, in sessionID: String, deadline: ContinuousClock.Instant) async throws {
        _ = try await pipe.send("Inspector.enable", session: sessionID, deadline: deadline)
        _ = try await pipe.send("Page.enable", session: sessionID, deadline: deadline)
        _ = try await pipe.send("Page.setLifecycleEventsEnabled", ["enabled": .bool(true)], session: sessionID, deadline: deadline)
        let navigation = try await pipe.send("Page.navigate", ["url": .string(page.absoluteString)], session: sessionID, deadline: deadline)
        if let errorText = navigation.body["errorText"]?.string, !errorText.isEmpty { throw PageFailure.notOpened(errorText) }
        // The load event of this navigation, not of the blank page before it.
        let loaderID = navigation.body["loaderId"]?.string
        let event = try await pipe.event(in: sessionID, deadline: deadline) { event in
            event.method == "Inspector.targetCrashed"
                || (event.method == "Page.lifecycleEvent" && event.body["name"]?.string == "load" && event.body["loaderId"]?.string == loaderID)
        }
        if event.method == "Inspector.targetCrashed" { throw PageFailure.crashed }
    }

    private func closeTab(_ tab: (target: String, session: String?)?) async {
        guard let tab else { return }
        if let session = tab.session { pipe.forget(session) }
        _ = try? await pipe.send("Target.closeTarget", ["targetId": .string(tab.target)], deadline: .now + .seconds(5))
    }

    private func diagnose(_ error: any Error, printing name: String, timeout: Duration) async -> BuildFailure {
        if let failure = error as? BuildFailure { return failure }
        let again = "run the build again, and if it fails again, see Chromium's command line and its own messages in the notes"
        let diagnostic: Diagnostic = switch error {
        case DevToolsPipe.Failure.closed:
            .error("chromium-failed", "Chromium \(await ending().map { "quit (\($0))" } ?? "closed its pipe") before it printed \(name); \(again).", notes: notes)
        case DevToolsPipe.Failure.timedOut:
            .error("chromium-failed",
                   "Chromium did not load and print \(name) within \(Int(timeout.components.seconds)) seconds; check that the page waits on no network request or script that never ends, then run the build again.")
        case DevToolsPipe.Failure.replied(let message):
            .error("chromium-failed", "Chromium could not print \(name) (it answered \(message)); \(again).", notes: notes)
        case PageFailure.notOpened(let reason):
            .error("chromium-failed", "Chromium could not open \(name) (\(reason)); check that the page exists and can be read, then run the build again.")
        case PageFailure.crashed:
            .error("chromium-failed", "Chromium's tab crashed while printing \(name); \(again).", notes: notes)
        default:
            .error("pdf-cancelled", "printing \(name) was cancelled before it finished.")
        }
        return BuildFailure([diagnostic])
    }

    /// How the browser ended ("exit status 1"), waiting a moment for it when only its pipe has closed
    /// yet; nil when it still runs.
    private func ending() async -> String? {
        await pipe.waitForExit(deadline: .now + .seconds(1))
    }

    /// The command line, and the last meaningful lines the browser printed.
    private var notes: [String] {
        [command.joined(separator: " ")] + Chromium.meaningfulLines((try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
}
