import Foundation
import Testing
@testable import TabibServe

@Suite struct SiteWatcherTests {
    @Test func aBurstOfSavesArrivesAsOneChange() async throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        // A long quiet period: the five saves below take far less, so they must arrive together.
        let watcher = try SiteWatcher(root: fixture.root, quietPeriod: .milliseconds(400))
        defer { watcher.stop() }
        let saved = ["content/id/articles/kram-betis.md", "content/id/causes/dehidrasi.md", "content/site.yaml",
                     "templates/i18n/id.yaml", "templates/article.mustache"]
        for path in saved { try fixture.write(path, try fixture.read(path) + "\n") }
        var iterator = watcher.changes.makeAsyncIterator()
        #expect(await iterator.next() == Set(saved))
    }

    @Test func filesInAFolderCreatedAfterStartAreReported() async throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let watcher = try SiteWatcher(root: fixture.root, quietPeriod: .milliseconds(50))
        defer { watcher.stop() }
        var iterator = watcher.changes.makeAsyncIterator()
        try FileManager.default.createDirectory(at: fixture.root.appendingPathComponent("content/id/pages/bantuan"), withIntermediateDirectories: true)
        var seen: Set<String> = try #require(await iterator.next())
        try fixture.write("content/id/pages/bantuan/deep.md", "x")
        while !seen.contains("content/id/pages/bantuan/deep.md"), let more = await iterator.next() { seen.formUnion(more) }
        #expect(seen.contains("content/id/pages/bantuan"))
        #expect(seen.contains("content/id/pages/bantuan/deep.md"))
    }

    @Test func editorScratchFilesDoNotCount() {
        #expect(!SiteWatcher.matters("content/id/articles/.kram-betis.md.swp"))
        #expect(!SiteWatcher.matters("content/id/articles/kram-betis.md~"))
        #expect(!SiteWatcher.matters("content/id/articles/4913"))
        #expect(!SiteWatcher.matters("content/id/articles/#kram-betis.md#"))
        #expect(SiteWatcher.matters("content/id/articles/kram-betis.md"))
        #expect(SiteWatcher.matters("templates/assets/style.css"))
    }

    @Test func stoppingEndsTheChanges() async throws {
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let watcher = try SiteWatcher(root: fixture.root, quietPeriod: .milliseconds(50))
        watcher.stop()
        var iterator = watcher.changes.makeAsyncIterator()
        #expect(await iterator.next() == nil)
    }
}
