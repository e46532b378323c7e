import Foundation

/// Runs blocking socket work on a thread of its own, so that it never holds one of the few threads
/// of Swift's cooperative pool that the server's rebuilds run on.
enum OffPool {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try work() })
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}
