import Foundation
import Testing
@testable import TabibCore

/// The handout's QR code: one SVG path of dark modules inside a quiet zone.
@Suite struct QRCodeTests {
    @Test func drawsEveryRunOfDarkModulesInsideTheQuietZone() throws {
        let svg = try #require(QRCode.symbol(for: "https://example.org/id/artikel/a/")).svg(label: "Pindai: <https://example.org/id/artikel/a/>")
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

    @Test func aCachedCodeDrawsTheSameSVGAsAFreshOne() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qr-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let urls = (0..<20).map { "https://example.org/id/artikel/artikel-\($0)/" }
        let first = QRCodeCache.load(root: root)
        let fresh = urls.map { first.symbol(for: $0)! }
        first.save(root: root)
        let stored = try Data(contentsOf: root.appendingPathComponent(".tabib-cache/qr-codes"))
        let second = QRCodeCache.load(root: root)
        #expect(urls.map { second.symbol(for: $0)! } == fresh)
        #expect(zip(urls, fresh).allSatisfy { QRCode.symbol(for: $0) == $1 })
        // Nothing new was encoded and every code was used: the file is not written again.
        second.save(root: root)
        #expect(try Data(contentsOf: root.appendingPathComponent(".tabib-cache/qr-codes")) == stored)
    }

    @Test func aDamagedCacheFileIsIgnored() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qr-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".tabib-cache"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let url = "https://example.org/id/artikel/a/"
        let cache = QRCodeCache.load(root: root)
        _ = cache.symbol(for: url)
        cache.save(root: root)
        let file = root.appendingPathComponent(".tabib-cache/qr-codes")
        var bytes = [UInt8](try Data(contentsOf: file))
        for cut in [bytes.count - 1, bytes.count - 30, bytes.count - 120] {
            #expect(QRCodeCache.decode(Array(bytes[0..<cut])) == nil, "cut at \(cut)")
        }
        bytes.replaceSubrange(0..<5, with: Array("xabib".utf8))
        try Data(bytes).write(to: file)
        #expect(QRCodeCache.load(root: root).symbol(for: url) == QRCode.symbol(for: url))
    }

    @Test func aCacheFolderThatIsALinkIsNeitherReadNorWritten() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qr-cache-\(UUID().uuidString)")
        let elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent(".tabib-cache"), withDestinationURL: elsewhere)
        let cache = QRCodeCache.load(root: site)
        _ = cache.symbol(for: "https://example.org/")
        cache.save(root: site)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }
}
