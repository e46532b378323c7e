import Foundation
import Synchronization
import TabibCore

/// Shows a build's progress on standard error once it has taken longer than `delay`: one line
/// rewritten in place on a terminal, plain lines otherwise (a log, CI): the preparation, then every
/// tenth of the pages. Quick builds print nothing.
public final class ProgressDisplay: Sendable {
    private let isTerminal: Bool
    private let delay: Duration
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private let write: @Sendable (String) -> Void

    private struct State {
        var preparing = true
        var lastDrawn: ContinuousClock.Instant?
        var lastTenth = -1
        var lineShown = false
        var ended = false
    }

    private let state = Mutex(State())

    public init(isTerminal: Bool = isatty(STDERR_FILENO) == 1, delay: Duration = .seconds(1),
                write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.isTerminal = isTerminal
        self.delay = delay
        self.write = write
        self.start = clock.now
        // A build still preparing after the delay says so: preparing sends no events of its own.
        let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [weak self] in self?.showPreparing() }
    }

    /// The observer to pass to `SiteBuilder.build(into:progress:)`.
    public var observer: BuildProgress.Observer { { [self] in self.report($0) } }

    public func report(_ progress: BuildProgress) {
        state.withLock { state in
            if case .preparing = progress {} else { state.preparing = false }
            guard !state.ended, clock.now - start >= delay else { return }
            draw(progress, &state)
        }
    }

    /// Takes the in-place line away so that the summary starts on a clean line, and stops drawing;
    /// call it when the build ends, whether it succeeded or failed.
    public func finish() {
        state.withLock { state in
            clearLine(&state)
            state.ended = true
        }
    }

    private func showPreparing() {
        state.withLock { state in
            guard !state.ended, state.preparing else { return }
            draw(.preparing, &state)
        }
    }

    private func draw(_ progress: BuildProgress, _ state: inout State) {
        let now = clock.now
        switch progress {
        case .preparing:
            show("Reading content and rendering Markdown…", &state)
        case let .pages(done, total):
            if isTerminal {
                if let lastDrawn = state.lastDrawn, now - lastDrawn < .milliseconds(100), done < total { return }
                state.lastDrawn = now
                show("Rendering pages: \(done)/\(total) (\(done * 100 / max(total, 1))%)", &state)
            } else {
                let tenth = done * 10 / max(total, 1)
                guard tenth > state.lastTenth else { return }
                state.lastTenth = tenth
                show("Rendering pages: \(done)/\(total) (\(tenth * 10)%)", &state)
            }
        case .finished:
            clearLine(&state)
        }
    }

    private func show(_ text: String, _ state: inout State) {
        if isTerminal {
            write("\r\u{1B}[2K" + text)
            state.lineShown = true
        } else {
            write(text + "\n")
        }
    }

    private func clearLine(_ state: inout State) {
        if isTerminal, state.lineShown { write("\r\u{1B}[2K") }
        state.lineShown = false
    }
}
