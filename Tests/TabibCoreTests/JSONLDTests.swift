import Foundation
import Testing
@testable import TabibCore

/// tabib writes JSON-LD itself for speed; it must write what Foundation's serializer writes.
@Suite struct JSONLDTests {
    static func foundation(_ object: [String: Any]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
            .replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    /// Whatever a string holds, the JSON-LD is valid JSON that gives it back, and holds nothing that
    /// could end its `<script>` or start a comment in it.
    @Test func everyStringStaysInsideItsScriptAsValidJSON() throws {
        let hostile = "a <!-- b --> </script><script>alert(1)</script> & ]]> \u{2028}\u{2029} \u{0}\u{1f} \"\\"
        let encoded = JSONLD.encode(.object([("name", .string(hostile))]))
        #expect(encoded == #"{"name":"a \u003c!-- b --\u003e \u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 ]]\u003e \u2028\u2029 \u0000\u001f \"\\"}"#)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(encoded.utf8)) as? [String: String])
        #expect(parsed == ["name": hostile])
    }

    /// The same object as a `JSONLD.Value`, its keys in `.sortedKeys` order.
    static func value(_ object: Any) -> JSONLD.Value {
        switch object {
        case let string as String: .string(string)
        case let bool as Bool: .bool(bool)
        case let integer as Int: .integer(integer)
        case let array as [Any]: .array(array.map(value))
        case let dictionary as [String: Any]: .object(dictionary.keys.sorted(by: JSONLD.precedes).map { ($0, value(dictionary[$0]!)) })
        default: preconditionFailure("no JSON-LD value: \(object)")
        }
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
        #expect(JSONLD.encode(Self.value(object)) == Self.foundation(object))
    }

    /// Article and entity pages write their objects in a fixed order, which must be the order
    /// .sortedKeys gives: here with every key either can have.
    @Test func orderedObjectsWriteWhatJSONSerializationWrites() {
        let about: [String: Any] = ["@type": "MedicalCondition", "name": "Kram <otot>", "url": "https://x.example/id/kondisi/kram-otot/"]
        let article: [String: Any] = [
            "@context": "https://schema.org", "@type": "MedicalWebPage", "about": [about],
            "citation": [["@type": "CreativeWork", "name": "Pedoman", "url": "https://x.example/p"], ["@type": "CreativeWork", "name": "Buku"]],
            "datePublished": "2026-11-20", "description": "Ringkasan \"kram\".", "headline": "Kram", "inLanguage": "id",
            "lastReviewed": "2026-11-21", "mainEntity": about, "name": "Kram", "reviewedBy": ["@type": "Person", "name": "dr. A"],
            "url": "https://x.example/id/artikel/kram/",
        ]
        let aboutValue = JSONLD.Value.object([("@type", .string("MedicalCondition")), ("name", .string("Kram <otot>")),
                                              ("url", .string("https://x.example/id/kondisi/kram-otot/"))])
        let ordered = JSONLD.Value.object([
            ("@context", .string("https://schema.org")), ("@type", .string("MedicalWebPage")), ("about", .array([aboutValue])),
            ("citation", .array([.object([("@type", .string("CreativeWork")), ("name", .string("Pedoman")), ("url", .string("https://x.example/p"))]),
                                 .object([("@type", .string("CreativeWork")), ("name", .string("Buku"))])])),
            ("datePublished", .string("2026-11-20")), ("description", .string("Ringkasan \"kram\".")), ("headline", .string("Kram")),
            ("inLanguage", .string("id")), ("lastReviewed", .string("2026-11-21")), ("mainEntity", aboutValue), ("name", .string("Kram")),
            ("reviewedBy", .object([("@type", .string("Person")), ("name", .string("dr. A"))])), ("url", .string("https://x.example/id/artikel/kram/")),
        ])
        #expect(JSONLD.encode(ordered) == Self.foundation(article))

        let entity: [String: Any] = [
            "@context": "https://schema.org", "@type": "MedicalCondition", "alternateName": ["kram", "kejang otot"],
            "cause": [["@type": "MedicalCause", "name": "Dehidrasi", "url": "https://x.example/id/penyebab/dehidrasi/"]],
            "description": "", "inLanguage": "id", "name": "Kram Otot", "url": "https://x.example/id/kondisi/kram-otot/",
        ]
        let orderedEntity = JSONLD.Value.object([
            ("@context", .string("https://schema.org")), ("@type", .string("MedicalCondition")),
            ("alternateName", .array([.string("kram"), .string("kejang otot")])),
            ("cause", .array([.object([("@type", .string("MedicalCause")), ("name", .string("Dehidrasi")),
                                       ("url", .string("https://x.example/id/penyebab/dehidrasi/"))])])),
            ("description", .string("")), ("inLanguage", .string("id")), ("name", .string("Kram Otot")),
            ("url", .string("https://x.example/id/kondisi/kram-otot/")),
        ])
        #expect(JSONLD.encode(orderedEntity) == Self.foundation(entity))

        let trail: [String: Any] = [
            "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
                ["@type": "ListItem", "item": "https://x.example/id/", "name": "Beranda", "position": 1],
                ["@type": "ListItem", "item": "https://x.example/id/kondisi/", "name": "Kondisi", "position": 2],
                ["@type": "ListItem", "item": "https://x.example/id/kondisi/kram-otot/", "name": "Kram <Otot> & \"kaki\"", "position": 3],
            ],
        ]
        let breadcrumbs = Breadcrumbs([("Beranda", "/id/"), ("Kondisi", "/id/kondisi/"), ("Kram <Otot> & \"kaki\"", "/id/kondisi/kram-otot/")],
                                      origin: "https://x.example")
        #expect(breadcrumbs.jsonLD == Self.foundation(trail))
    }
}
