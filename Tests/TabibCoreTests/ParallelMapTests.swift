import Foundation
import Testing
@testable import TabibCore

/// Work spread over the cores comes back in input order, whatever each item costs.
@Suite struct ParallelMapTests {
    @Test func keepsInputOrder() async {
        for count in [0, 1, 2, 3, 31, 1000, 31_412] {
            let inputs = Array(0..<count)
            let outputs = await ParallelMap.map(inputs) { $0 * 2 }
            #expect(outputs == inputs.map { $0 * 2 }, "count \(count)")
        }
    }

    @Test func unevenWorkStillComesBackInOrder() async {
        let inputs = Array(0..<200)
        let outputs = await ParallelMap.map(inputs) { i -> String in
            // The first items cost far more than the rest, as a site's index pages do.
            var text = ""
            for _ in 0..<(i < 8 ? 20_000 : 10) { text = String(i) }
            return text
        }
        #expect(outputs == inputs.map(String.init))
    }
}
