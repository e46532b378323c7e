import Synchronization

/// How far a build has got, told to the optional observer of `SiteBuilder.build(into:progress:)`.
public enum BuildProgress: Sendable {
    /// Reading content, building the graph and rendering the Markdown bodies.
    case preparing
    /// `done` of `total` pages rendered and handed to the output.
    case pages(done: Int, total: Int)
    /// Every page and site file is written.
    case finished

    public typealias Observer = @Sendable (BuildProgress) -> Void
}

/// Counts pages finished on any core and tells the observer.
final class PageCounter: Sendable {
    private let done = Mutex(0)
    private let total: Int
    private let observer: BuildProgress.Observer

    init(total: Int, observer: @escaping BuildProgress.Observer) {
        self.total = total
        self.observer = observer
    }

    func pageDone() {
        let count = done.withLock { done in
            done += 1
            return done
        }
        observer(.pages(done: count, total: total))
    }
}
