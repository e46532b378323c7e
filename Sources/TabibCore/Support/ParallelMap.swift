import Foundation
import Synchronization

/// Runs independent work on every core, keeping the results in input order.
enum ParallelMap {
    static var width: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// One task per core, each taking the next small batch of inputs until none is left: inputs cost
    /// very different amounts (an index page of every article against a short page), so fixed shares
    /// would leave a core idle while the other finishes the expensive ones.
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable @escaping (Input) -> Output) async -> [Output] {
        if inputs.count < 2 { return inputs.map(transform) }
        let work = Work(inputs, transform)
        return await withTaskGroup(of: [(Int, [Output])].self) { group in
            for _ in 0..<work.workers { group.addTask { work.run() } }
            var parts: [(Int, [Output])] = []
            for await part in group { parts += part }
            return inInputOrder(parts)
        }
    }

    /// `map` for a caller that is not async: blocks its thread while every core works.
    static func mapBlocking<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable @escaping (Input) -> Output) -> [Output] {
        if inputs.count < 2 { return inputs.map(transform) }
        let work = Work(inputs, transform)
        let parts = Parts<Output>()
        DispatchQueue.concurrentPerform(iterations: work.workers) { _ in parts.add(work.run()) }
        return parts.inOrder()
    }

    /// One map's inputs, shared by its workers, each of which takes batches until none is left.
    private struct Work<Input: Sendable, Output: Sendable>: Sendable {
        let inputs: [Input]
        let transform: @Sendable (Input) -> Output
        let workers: Int
        let queue: BatchQueue

        init(_ inputs: [Input], _ transform: @Sendable @escaping (Input) -> Output) {
            self.inputs = inputs
            self.transform = transform
            workers = Swift.min(inputs.count, width)
            queue = BatchQueue(count: inputs.count, batch: Swift.max(1, Swift.min(32, inputs.count / (workers * 16))))
        }

        /// One worker: the batches it did, each with where it starts.
        func run() -> [(Int, [Output])] {
            var done: [(Int, [Output])] = []
            while let range = queue.next() { done.append((range.lowerBound, inputs[range].map(transform))) }
            return done
        }
    }

    /// The batches the threads of `mapBlocking` finished, collected under a lock.
    private final class Parts<Output: Sendable>: Sendable {
        private let parts = Mutex<[(Int, [Output])]>([])

        func add(_ batches: [(Int, [Output])]) { parts.withLock { $0 += batches } }

        func inOrder() -> [Output] { parts.withLock { inInputOrder($0) } }
    }
}

/// The outputs of batches, each given with where it starts, in the order of the inputs.
private func inInputOrder<Output>(_ parts: [(Int, [Output])]) -> [Output] {
    parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
}

/// Hands out consecutive ranges of `0..<count`, `batch` at a time, to any thread.
private final class BatchQueue: Sendable {
    private let start = Mutex(0)
    private let count: Int
    private let batch: Int

    init(count: Int, batch: Int) {
        self.count = count
        self.batch = batch
    }

    func next() -> Range<Int>? {
        start.withLock { start in
            guard start < count else { return nil }
            let range = start..<Swift.min(start + batch, count)
            start = range.upperBound
            return range
        }
    }
}
