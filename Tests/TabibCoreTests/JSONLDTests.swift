import Foundation
import Testing
@testable import TabibCore

/// tabib writes JSON-LD itself for speed; it must write what Foundation's serializer writes.
@Suite struct JSONLDTests {
    static func foundation(_ object: [String: Any]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "</", with: "<\\/").replacingOccurrences(of: "<!--", with: "<\\!--")
    }

    @Test func writesWhatJSONSerializationWrites() {
        let object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": "Kram \"betis\" \\ saat berjalan — é e\u{301} 👍🏽 / </script> <!-- x",
            "description": "tab\there\nline\r\u{8}\u{c}\u{0}\u{1f}\u{7f}",
            "about": [["@type": "MedicalCondition", "name": "Kram otot", "url": "https://x.example/id/kondisi/kram-otot/"]],
            "alternateName": ["kram", "kejang otot"],
            "Zeta": "upper", "alpha10": "a", "alpha9": "b", "Alpha": "c",
            "reviewedBy": ["@type": "Person", "name": "dr. A"],
            "flag": true,
            "empty": [String: Any](),
            "none": [Any](),
        ]
        #expect(JSONLD.encode(object) == Self.foundation(object))
    }

    @Test func fallsBackToFoundationForOtherValues() {
        let object: [String: Any] = ["count": 3, "ratio": 0.5, "name": "x"]
        #expect(JSONLD.encode(object) == Self.foundation(object))
    }
}
