import Testing
@testable import TabibServe

@Suite struct RequestPathTests {
    @Test func aFolderPathNamesItsIndex() {
        #expect(RequestPath(target: "/")?.key == "index.html")
        #expect(RequestPath(target: "/id/artikel/kram-betis/")?.key == "id/artikel/kram-betis/index.html")
        #expect(RequestPath(target: "/id/?q=1#top")?.key == "id/index.html")
    }

    @Test func aFilePathNamesTheFileAndItsFolderIndex() {
        let path = RequestPath(target: "/id/artikel/kram-betis")
        #expect(path?.key == "id/artikel/kram-betis")
        #expect(path?.folderIndexKey == "id/artikel/kram-betis/index.html")
        #expect(path?.folderLocation == "/id/artikel/kram-betis/")
    }

    @Test func percentEncodingIsDecodedOnceAndEncodedAgainForRedirects() {
        let path = RequestPath(target: "/id/caf%C3%A9")
        #expect(path?.segments == ["id", "café"])
        #expect(path?.folderLocation == "/id/caf%C3%A9/")
    }

    @Test(arguments: [
        "/..", "/../etc/passwd", "/id/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2e/x", "/..%2fetc/passwd",
        "/id%2f..%2f..%2fetc", "/./id/", "/id/.", "/..\\etc", "/%5c..%5cetc", "//etc/passwd", "/id//x",
        "/%00", "/a%0ab", "/%", "/%2", "/%zz", "/%ff", "etc/passwd", "http://example.org/", "*",
    ])
    func pathsThatCouldLeaveTheOutputAreRefused(target: String) {
        #expect(RequestPath(target: target) == nil)
    }
}
