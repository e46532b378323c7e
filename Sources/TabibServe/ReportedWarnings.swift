import Synchronization
import TabibCore

/// The warnings of the last build, so that a rebuild reports them only when they changed instead of
/// repeating the same lines after every save.
final class ReportedWarnings: Sendable {
    private let last = Mutex<[Diagnostic]?>(nil)

    /// `warnings` when they differ from the last ones given, else nothing.
    func changed(_ warnings: [Diagnostic]) -> [Diagnostic] {
        let sorted = warnings.sorted()
        return last.withLock { last in
            defer { last = sorted }
            return sorted == last ? [] : sorted
        }
    }
}
