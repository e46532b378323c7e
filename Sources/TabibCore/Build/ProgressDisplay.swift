import Foundation

/// Shows a build's progress on standard error once it has taken longer than `delay`: one line
/// rewritten in place on a terminal, plain lines otherwise (a log, CI): the preparation, then every
/// tenth of the pages. Quick builds print nothing.
public final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal: Bool
    private let delay: Duration
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var preparing = true
    private var lastDrawn: ContinuousClock.Instant?
    private var lastTenth = -1
    private var lineShown = false
    private var ended = false
    private let write: @Sendable (String) -> Void

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
        lock.withLock {
            if case .preparing = progress {} else { preparing = false }
            guard !ended, clock.now - start >= delay else { return }
            draw(progress)
        }
    }

    /// Takes the in-place line away so that the summary starts on a clean line, and stops drawing;
    /// call it when the build ends, whether it succeeded or failed.
    public func finish() {
        lock.withLock {
            clearLine()
            ended = true
        }
    }

    private func showPreparing() {
        lock.withLock {
            guard !ended, preparing else { return }
            draw(.preparing)
        }
    }

    private func draw(_ progress: BuildProgress) {
        let now = clock.now
        switch progress {
        case .preparing:
            show("Reading content and rendering Markdown…")
        case let .pages(done, total):
            if isTerminal {
                if let lastDrawn, now - lastDrawn < .milliseconds(100), done < total { return }
                lastDrawn = now
                show("Rendering pages: \(done)/\(total) (\(done * 100 / max(total, 1))%)")
            } else {
                let tenth = done * 10 / max(total, 1)
                guard tenth > lastTenth else { return }
                lastTenth = tenth
                show("Rendering pages: \(done)/\(total) (\(tenth * 10)%)")
            }
        case .finished:
            clearLine()
        }
    }

    private func show(_ text: String) {
        if isTerminal {
            write("\r\u{1B}[2K" + text)
            lineShown = true
        } else {
            write(text + "\n")
        }
    }

    private func clearLine() {
        if isTerminal, lineShown { write("\r\u{1B}[2K") }
        lineShown = false
    }
}
