import Foundation

/// Runs independent work on every core, keeping the results in input order.
enum ParallelMap {
    static var width: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// One task per core, each taking the next small batch of inputs until none is left: inputs cost
    /// very different amounts (an index page of every article against a short page), so fixed shares
    /// would leave a core idle while the other finishes the expensive ones.
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable @escaping (Input) -> Output) async -> [Output] {
        if inputs.count < 2 { return inputs.map(transform) }
        let workers = Swift.min(inputs.count, width)
        let batch = Swift.max(1, Swift.min(32, inputs.count / (workers * 16)))
        let queue = BatchQueue(count: inputs.count, batch: batch)
        return await withTaskGroup(of: [(Int, [Output])].self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var done: [(Int, [Output])] = []
                    while let range = queue.next() { done.append((range.lowerBound, inputs[range].map(transform))) }
                    return done
                }
            }
            var parts: [(Int, [Output])] = []
            for await part in group { parts += part }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}

/// Hands out consecutive ranges of `0..<count`, `batch` at a time, to any thread.
private final class BatchQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var start = 0
    private let count: Int
    private let batch: Int

    init(count: Int, batch: Int) {
        self.count = count
        self.batch = batch
    }

    func next() -> Range<Int>? {
        lock.withLock {
            guard start < count else { return nil }
            let range = start..<Swift.min(start + batch, count)
            start = range.upperBound
            return range
        }
    }
}

extension ParallelMap {
    /// `map` for a caller that is not async: blocks its thread while every core works.
    static func mapBlocking<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        if inputs.count < 2 { return inputs.map(transform) }
        let workers = Swift.min(inputs.count, width)
        let batch = Swift.max(1, Swift.min(32, inputs.count / (workers * 16)))
        let queue = BatchQueue(count: inputs.count, batch: batch)
        let done = BatchResults<Output>()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var mine: [(Int, [Output])] = []
            while let range = queue.next() { mine.append((range.lowerBound, inputs[range].map(transform))) }
            done.add(mine)
        }
        return done.inOrder()
    }
}

/// The batches every thread of `mapBlocking` finished, collected under a lock.
private final class BatchResults<Output>: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [(Int, [Output])] = []

    func add(_ batches: [(Int, [Output])]) { lock.withLock { parts += batches } }

    func inOrder() -> [Output] { lock.withLock { parts.sorted { $0.0 < $1.0 }.flatMap(\.1) } }
}
