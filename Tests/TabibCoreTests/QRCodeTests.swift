import Foundation
import Testing
@testable import TabibCore

/// The handout's QR code: one SVG path of dark modules inside a quiet zone.
@Suite struct QRCodeTests {
    @Test func drawsEveryRunOfDarkModulesInsideTheQuietZone() throws {
        let svg = try #require(QRCode.svg(for: "https://example.org/id/artikel/a/", label: "Pindai: <https://example.org/id/artikel/a/>"))
        // 33 bytes at error correction level M need version 3: 29 modules, 37 with the quiet zone.
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 37 37\" class=\"qr\" role=\"img\" aria-label=\"Pindai: &lt;https://example.org/id/artikel/a/&gt;\" shape-rendering=\"crispEdges\"><rect width=\"37\" height=\"37\" fill=\"#fff\"/><path d=\""))
        #expect(svg.hasSuffix("z\" fill=\"#000\"/></svg>"))
        let path = try #require(svg.split(separator: "d=\"").last?.split(separator: "\"").first)
        // Both upper finder patterns start with a row of 7 dark modules.
        #expect(path.hasPrefix("M4 4h7v1h-7z"))
        #expect(path.contains("M26 4h7v1h-7z"))
        // Every run is `M x yh n v1h-n`, inside the code.
        let runs = path.split(separator: "z")
        #expect(runs.count > 100)
        for run in runs {
            let numbers = run.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            #expect(run.hasPrefix("M") && numbers.count == 5 && numbers[2] == numbers[4] && numbers[3] == 1, "\(run)")
            #expect(numbers[0] >= 4 && numbers[0] + numbers[2] <= 33 && (4..<33).contains(numbers[1]), "\(run)")
        }
    }
}
