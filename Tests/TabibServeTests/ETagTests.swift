import Testing
@testable import TabibServe

@Suite struct ETagTests {
    @Test func theTagIsAQuotedHashThatFollowsTheBytes() {
        let tag = ETag.of(Array("body {}".utf8))
        #expect(tag.count == 18 && tag.first == "\"" && tag.last == "\"")
        #expect(tag == ETag.of(Array("body {}".utf8)))
        #expect(tag != ETag.of(Array("body { }".utf8)))
    }

    @Test func ifNoneMatchMatchesAnyListedTagWeakOrStrongAndTheWildcard() {
        let tag = "\"0123456789abcdef\""
        #expect(ETag.matches(tag, tag))
        #expect(ETag.matches("\"x\", W/\(tag)", tag))
        #expect(ETag.matches("*", tag))
        #expect(!ETag.matches("\"fedcba9876543210\"", tag))
        #expect(!ETag.matches("", tag))
    }
}
