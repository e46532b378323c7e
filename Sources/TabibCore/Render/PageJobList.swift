import Synchronization

/// A renderer's pages (`SiteRenderer.jobs()`), worked out on first use and shared by the renderer's copies.
final class PageJobList: Sendable {
    private let jobs = Mutex<[PageJob]?>(nil)

    func get(_ make: () -> [PageJob]) -> [PageJob] {
        if let known = jobs.withLock({ $0 }) { return known }
        let made = make()
        return jobs.withLock { known in
            if let known { return known }
            known = made
            return made
        }
    }

    /// Takes over another build's list, when the two builds are known to have the same pages in the same places.
    func adopt(_ other: PageJobList) {
        guard let theirs = other.jobs.withLock({ $0 }) else { return }
        jobs.withLock { if $0 == nil { $0 = theirs } }
    }
}
