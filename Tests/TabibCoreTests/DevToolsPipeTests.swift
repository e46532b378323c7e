import Foundation
import Testing
@testable import TabibCore

/// One headless Chromium printing many pages over its DevTools pipe (`BrowserSession` on
/// `DevToolsPipe`), and the messages on that pipe. The browser tests need chromium and poppler-utils;
/// without them they fail, never skip.
struct DevToolsPipeTests {
    @Test func messagesReadAsRepliesEventsAndErrors() throws {
        let reply = try #require(DevToolsMessage(Data(#"{"id":7,"result":{"targetId":"T1","flag":true,"n":2}}"#.utf8)))
        #expect(reply.id == 7 && reply.method == nil && reply.sessionID == nil && reply.error == nil)
        #expect(reply.body == .object(["targetId": .string("T1"), "flag": .bool(true), "n": .number(2)]))
        let event = try #require(DevToolsMessage(Data(#"{"method":"Page.lifecycleEvent","params":{"name":"load"},"sessionId":"S"}"#.utf8)))
        #expect(event.id == nil && event.method == "Page.lifecycleEvent" && event.sessionID == "S" && event.body["name"]?.string == "load")
        let failure = try #require(DevToolsMessage(Data(#"{"id":8,"error":{"code":-32000,"message":"No target with given id found"}}"#.utf8)))
        #expect(failure.error == "No target with given id found")
        #expect(DevToolsMessage(Data("[1]".utf8)) == nil)

        let command = DevToolsMessage.command(id: 3, method: "Page.navigate", params: ["url": .string("file:///a.html")], sessionID: "S")
        #expect(command.last == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: command.dropLast()) as? [String: Any])
        #expect(object["id"] as? Int == 3 && object["method"] as? String == "Page.navigate" && object["sessionId"] as? String == "S")
        #expect((object["params"] as? [String: Any])?["url"] as? String == "file:///a.html")
    }

    @Test func severalPagesPrintAtOnceInOneBrowserAsA4PDFsWithTitleLanguageAndPageNumbers() async throws {
        let folder = try Self.folder(["a", "b", "c", "d"])
        defer { try? FileManager.default.removeItem(at: folder) }
        try await Self.withSession { session in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for name in ["a", "b", "c", "d"] {
                    group.addTask {
                        try await session.printToPDF(folder.appendingPathComponent("\(name).html"), to: folder.appendingPathComponent("\(name).pdf"))
                    }
                }
                try await group.waitForAll()
            }
        }
        for name in ["a", "b", "c", "d"] {
            let pdf = folder.appendingPathComponent("\(name).pdf")
            let info = try await RealSite.pdfInfo(pdf)
            #expect(info.isA4, "\(name).pdf is \(info.width) × \(info.height) pt, not A4")
            #expect(info.pages == 2)
            #expect(info.title == "Halaman \(name)")
            #expect(String(decoding: try Data(contentsOf: pdf), as: UTF8.self).contains("/Lang (id)"), "\(name).pdf has no /Lang")
            let text = try await RealSite.pdfText(pdf)
            #expect(text.hasPrefix("Isi halaman \(name)."))
            #expect(text.contains("1/2") && text.contains("2/2"))
            // Chromium's own footer would show the page's file:// URL.
            #expect(!text.contains("file:"))
        }
    }

    @Test func missingPageFailsNamingItWhileTheOthersPrint() async throws {
        let folder = try Self.folder(["a", "b"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = try await Self.withSession { session in
            await withTaskGroup(of: (String, BuildFailure?).self) { group in
                for name in ["a", "missing", "b"] {
                    group.addTask {
                        (name, await Self.failure { () async throws(BuildFailure) in
                            try await session.printToPDF(folder.appendingPathComponent("\(name).html"), to: folder.appendingPathComponent("\(name).pdf"),
                                                         named: "pages/\(name).html")
                        })
                    }
                }
                return await group.reduce(into: [String: BuildFailure]()) { $0[$1.0] = $1.1 }
            }
        }
        #expect(results["missing"]?.description == """
            error: Chromium could not open pages/missing.html (net::ERR_FILE_NOT_FOUND); check that the page exists and can be read, then run the build again.
            """)
        #expect(results["missing"]?.diagnostics.map(\.code) == ["chromium-failed"])
        #expect(results.keys.sorted() == ["missing"], "\(results.values.map(\.description))")
        for name in ["a", "b"] {
            #expect(try await RealSite.pdfInfo(folder.appendingPathComponent("\(name).pdf")).isA4)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("missing.pdf").path))
    }

    @Test func pageThatNeverLoadsTimesOutNamingItWhileTheOthersPrint() async throws {
        let folder = try Self.folder(["a"])
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<!DOCTYPE html><title>Hangs</title><script>for (;;) {}</script>".utf8).write(to: folder.appendingPathComponent("hangs.html"))
        let failure = try await Self.withSession { session in
            async let hung = Self.failure { () async throws(BuildFailure) in
                try await session.printToPDF(folder.appendingPathComponent("hangs.html"), to: folder.appendingPathComponent("hangs.pdf"), named: "hangs.html",
                                             timeout: .seconds(3))
            }
            try await session.printToPDF(folder.appendingPathComponent("a.html"), to: folder.appendingPathComponent("a.pdf"))
            return await hung
        }
        #expect(failure?.description == """
            error: Chromium did not load and print hangs.html within 3 seconds; check that the page waits on no network request or script that never ends, then run the build again.
            """)
        #expect(try await RealSite.pdfInfo(folder.appendingPathComponent("a.pdf")).pages == 2)
    }

    @Test func browserThatDiesFailsEveryOutstandingPageWithWhatItPrinted() async throws {
        let folder = try Self.folder(["a"])
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<!DOCTYPE html><title>Hangs</title><script>for (;;) {}</script>".utf8).write(to: folder.appendingPathComponent("hangs.html"))
        let (first, second) = try await Self.withSession { session in
            async let waiting = Self.failure { () async throws(BuildFailure) in
                try await session.printToPDF(folder.appendingPathComponent("hangs.html"), to: folder.appendingPathComponent("hangs.pdf"), named: "hangs.html")
            }
            // The hanging page is outstanding, or about to start: either way it must fail the same.
            try await Task.sleep(for: .milliseconds(500))
            kill(session.processID, SIGKILL)
            let later = await Self.failure { () async throws(BuildFailure) in
                try await session.printToPDF(folder.appendingPathComponent("a.html"), to: folder.appendingPathComponent("a.pdf"), named: "a.html")
            }
            return (await waiting, later)
        }
        for (failure, name) in [(first, "hangs.html"), (second, "a.html")] {
            let diagnostic = try #require(failure?.diagnostics.first)
            #expect(failure?.diagnostics.count == 1)
            #expect(diagnostic.code == "chromium-failed")
            #expect(diagnostic.message == "Chromium quit (signal 9) before it printed \(name); run the build again, and if it fails again, see Chromium's command line and its own messages in the notes.")
            #expect(diagnostic.notes.first?.contains("--remote-debugging-pipe") == true)
        }
    }

    @Test func closedSessionLeavesNoProcessAndNoProfile() async throws {
        let folder = try Self.folder(["a"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = try await BrowserSession.start(try RealSite.chromium())
        let pid = session.processID
        #expect(FileManager.default.fileExists(atPath: "/proc/\(pid)"))
        #expect(FileManager.default.fileExists(atPath: session.scratch.appendingPathComponent("profile").path))
        do {
            try await session.printToPDF(folder.appendingPathComponent("a.html"), to: folder.appendingPathComponent("a.pdf"))
        } catch {
            Issue.record(error)
        }
        await session.close()
        // A process not reaped stays in /proc as a zombie.
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(pid)"), "Chromium (\(pid)) is still there after the session closed")
        #expect(!FileManager.default.fileExists(atPath: session.scratch.path))
    }

    @Test func cancelledPrintEndsAtOnceAndTheCancelledTaskStillStopsTheBrowser() async throws {
        let folder = try Self.folder([])
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<!DOCTYPE html><title>Hangs</title><script>for (;;) {}</script>".utf8).write(to: folder.appendingPathComponent("hangs.html"))
        let session = try await BrowserSession.start(try RealSite.chromium())
        let printing = Task {
            let failure = await Self.failure { () async throws(BuildFailure) in
                try await session.printToPDF(folder.appendingPathComponent("hangs.html"), to: folder.appendingPathComponent("hangs.pdf"), named: "hangs.html")
            }
            await session.close()
            return failure
        }
        try await Task.sleep(for: .milliseconds(500))
        printing.cancel()
        let failure = await printing.value
        #expect(failure?.description == "error: printing hangs.html was cancelled before it finished.")
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(session.processID)"), "Chromium (\(session.processID)) is still there after the session closed")
        #expect(!FileManager.default.fileExists(atPath: session.scratch.path))
    }

    @Test func browserThatCannotStartSaysWhatToDo() async throws {
        let broken = Chromium(tool: CommandLineTool(executable: URL(fileURLWithPath: "/bin/false")))
        let failure = await Self.failure { () async throws(BuildFailure) in _ = try await BrowserSession.start(broken) }
        #expect(failure?.diagnostics.map(\.message) == [
            "Chromium did not answer on its DevTools pipe (it quit with exit status 1 before it answered); check that /bin/false is a recent Chromium or Chrome, and see its command line and its own messages in the notes.",
        ])
        #expect(failure?.diagnostics.first?.notes.first?.hasPrefix("/bin/false --headless ") == true)
    }

    /// What `body` failed with; nil when it succeeded.
    static func failure(_ body: () async throws(BuildFailure) -> Void) async -> BuildFailure? {
        do {
            try await body()
            return nil
        } catch {
            return error
        }
    }

    /// A started session, closed after `body` whatever happens.
    static func withSession<T>(_ body: (BrowserSession) async throws -> T) async throws -> T {
        let session = try await BrowserSession.start(try RealSite.chromium())
        do {
            let result = try await body(session)
            await session.close()
            return result
        } catch {
            await session.close()
            throw error
        }
    }

    /// A temporary folder with a two-page A4 page `NAME.html` for each of `names`.
    static func folder(_ names: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tabib-devtools-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in names {
            try Data("""
                <!DOCTYPE html>
                <html lang="id">
                <head>
                <meta charset="utf-8">
                <title>Halaman \(name)</title>
                <style>
                @page { size: A4; margin: 20mm; @bottom-center { content: counter(page) "/" counter(pages); } }
                section { break-after: page; }
                </style>
                </head>
                <body><section>Isi halaman \(name).</section><section>Halaman kedua.</section></body>
                </html>
                """.utf8).write(to: folder.appendingPathComponent("\(name).html"))
        }
        return folder
    }
}
