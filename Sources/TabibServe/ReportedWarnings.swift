import Foundation
import TabibCore

/// The warnings of the last build, so that a rebuild reports them only when they changed instead of
/// repeating the same lines after every save.
final class ReportedWarnings: @unchecked Sendable {
    private let lock = NSLock()
    private var last: [Diagnostic]?

    /// `warnings` when they differ from the last ones given, else nothing.
    func changed(_ warnings: [Diagnostic]) -> [Diagnostic] {
        let sorted = warnings.sorted()
        return lock.withLock {
            defer { last = sorted }
            return sorted == last ? [] : sorted
        }
    }
}
