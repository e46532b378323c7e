import Foundation

/// Runs independent work on every core, keeping the results in input order.
enum ParallelMap {
    static var width: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable @escaping (Input) -> Output) async -> [Output] {
        if inputs.count < 2 { return inputs.map(transform) }
        let chunks = Swift.min(inputs.count, width * 4)
        let size = (inputs.count + chunks - 1) / chunks
        return await withTaskGroup(of: (Int, [Output]).self) { group in
            for start in stride(from: 0, to: inputs.count, by: size) {
                let slice = Array(inputs[start..<Swift.min(start + size, inputs.count)])
                group.addTask { (start, slice.map(transform)) }
            }
            var parts: [(Int, [Output])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}
