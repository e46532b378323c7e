import Foundation
import Testing
@testable import TabibCore

/// The site search of the repository's own site, built under a sub-path, served over HTTP and used in
/// headless Chromium at a phone's width: a query is typed into the search page's own box and the
/// results are read from the page. These need chromium and Pagefind; without them they fail, never skip.
struct SearchBrowserTests {
    @Test func theSearchBoxFindsPagesByAliasByStemAndInEnglishUnderASubPath() async throws {
        let site = try await SearchSite()
        do {
            try await Self.check(site)
        } catch {
            await site.close()
            throw error
        }
        await site.close()
    }

    static func check(_ site: SearchSite) async throws {
        FileHandle.standardError.write(Data("search test: searching\n".utf8))
        // An alias: the condition, by its alias "kejang", first, with its summary.
        let kejang = try await site.search("id", typing: "kejang")
        #expect(kejang.status.hasSuffix(" hasil") && Int(kejang.status.prefix { $0.isNumber }) ?? 0 >= kejang.items.count)
        #expect(kejang.items.contains(.init(title: "Kram Otot (Kejang Otot)", url: "/kesehatan/id/kondisi/kram-otot/",
                                            summary: "Kontraksi otot yang terjadi secara paksa dan tanpa disadari sehingga otot tidak mau rileks. Paling sering mengenai otot kaki dan betis, dan disertai nyeri ringan hingga berat.",
                                            reviewed: nil)))
        #expect(kejang.items.allSatisfy { $0.url.hasPrefix("/kesehatan/id/") })
        // At a phone's width nothing is wider than the screen.
        #expect(kejang.overflow == 0)

        // A stemmed form: no page says "pencegahan"; articles say "mencegah", the same word to Pagefind's Indonesian stemmer.
        let article = try String(contentsOf: site.folder.appendingPathComponent("id/artikel/kejang-otot-di-kaki/index.html"), encoding: .utf8)
        #expect(!article.contains("pencegahan"))
        let pencegahan = try await site.search("id", typing: "pencegahan")
        let found = try #require(pencegahan.items.first { $0.url == "/kesehatan/id/artikel/kejang-otot-di-kaki/" })
        // An article's result shows its review date.
        #expect(found.reviewed == "Tinjauan redaksi terakhir: 21 November 2026")

        // English, on the English search page.
        let cramp = try await site.search("en", typing: "cramp")
        #expect(cramp.items.contains { $0.title == "Muscle Cramps (Muscle Spasms)" && $0.url == "/kesehatan/en/conditions/muscle-cramps/" })
        #expect(cramp.items.allSatisfy { $0.url.hasPrefix("/kesehatan/en/") })
        #expect(cramp.status.hasSuffix(" results") && Int(cramp.status.prefix { $0.isNumber }) ?? 0 >= cramp.items.count)
        #expect(cramp.overflow == 0)

        // On a desktop screen, the same results.
        let wide = try await site.search("en", typing: "cramp", width: 1280)
        #expect(wide.items == cramp.items)
        #expect(wide.overflow == 0)

        // Nothing found, said in the live region.
        let nothing = try await site.search("en", typing: "zzyzx")
        #expect(nothing.items == [])
        #expect(nothing.status == "Nothing found. Try another word, or browse the A to Z lists.")
    }
}

/// The repository's site with search, built into a folder served by Python's HTTP server under
/// `/kesehatan/`, and a headless Chromium to use it; `close()` stops both and removes the folder.
final class SearchSite: @unchecked Sendable {
    static let basePath = "/kesehatan/"

    let base: URL
    let folder: URL
    private let server: Process
    private let session: BrowserSession

    init() async throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("tabib-search-site-\(UUID().uuidString)")
        folder = base.appendingPathComponent("kesehatan")
        let builder = SiteBuilder(options: BuildOptions(root: RealSite.root, baseURL: "https://example.org/kesehatan/"))
        let report = try await builder.build(toDirectory: folder)
        try #require(report.search?.ran == true)
        (server, port) = try Self.serve(base)
        do {
            session = try await BrowserSession.start(try RealSite.chromium())
        } catch {
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
            throw error
        }
    }

    func close() async {
        FileHandle.standardError.write(Data("search test: closing\n".utf8))
        await session.close()
        FileHandle.standardError.write(Data("search test: browser closed\n".utf8))
        // SIGKILL: the test process blocks SIGTERM, and its children inherit that.
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()
        try? FileManager.default.removeItem(at: base)
    }

    private let port: Int

    /// Python's HTTP server on a free port, serving `folder`.
    static func serve(_ folder: URL) throws -> (Process, Int) {
        let python = try #require(CommandLineTool.find(["python3"]), "these tests need python3 on PATH")
        let process = Process()
        process.executableURL = python.executable
        process.arguments = ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        let port = text.components(separatedBy: " port ").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) }
        return (process, try #require(port, "python3 -m http.server said: \(text)"))
    }

    struct Result: Equatable {
        var title: String
        var url: String
        var summary: String
        var reviewed: String?
    }

    /// Opens the search page of `language` at `width` × 844 CSS pixels (a phone's by default), types
    /// `query` into its box, waits for the results and returns them with what the live region says and
    /// by how many pixels the page is wider than the window (0 when nothing overflows). Saves a screenshot as
    /// `search-<language>-<query>-<width>.png` in the folder `TABIB_SCREENSHOTS` names, when it names one.
    func search(_ language: String, typing query: String, width: Int = 390) async throws -> (items: [Result], status: String, overflow: Int) {
        let pipe = session.pipe
        let deadline = ContinuousClock.now + .seconds(60)
        let page = "http://127.0.0.1:\(port)\(Self.basePath)\(language)/\(language == "id" ? "cari" : "search")/"
        let target = try await pipe.send("Target.createTarget", ["url": .string("about:blank")], deadline: deadline)
        let targetID = try #require(target.body["targetId"]?.string)
        defer { Task { [pipe] in _ = try? await pipe.send("Target.closeTarget", ["targetId": .string(targetID)], deadline: .now + .seconds(5)) } }
        let attached = try await pipe.send("Target.attachToTarget", ["targetId": .string(targetID), "flatten": .bool(true)], deadline: deadline)
        let sessionID = try #require(attached.body["sessionId"]?.string)
        pipe.watch(sessionID)
        defer { pipe.forget(sessionID) }
        _ = try await pipe.send("Emulation.setDeviceMetricsOverride", [
            "width": .number(Double(width)), "height": .number(844), "deviceScaleFactor": .number(1), "mobile": .bool(width < 800),
        ], session: sessionID, deadline: deadline)
        try await session.load(try #require(URL(string: page)), in: sessionID, deadline: deadline)
        func evaluate(_ script: String) async throws -> DevToolsMessage.Value? {
            let reply = try await pipe.send("Runtime.evaluate", ["expression": .string(script), "returnByValue": .bool(true), "awaitPromise": .bool(true)],
                                            session: sessionID, deadline: deadline)
            return reply.body["result"]?["value"]
        }
        _ = try await evaluate("document.getElementById('search-query').focus()")
        _ = try await pipe.send("Input.insertText", ["text": .string(query)], session: sessionID, deadline: deadline)
        let read = """
            JSON.stringify({status: document.getElementById('search-status').textContent,
              overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
              items: [...document.querySelectorAll('#search-results > li')].map(li => ({
                title: li.querySelector('h2').textContent, url: li.querySelector('a').getAttribute('href'),
                summary: li.querySelector('p').textContent, reviewed: li.querySelector('p.meta')?.textContent ?? null}))})
            """
        var status = ""
        var items: [Result] = []
        var overflow = 0
        while ContinuousClock.now < deadline {
            let json = try #require(try await evaluate(read)?.string)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            status = object["status"] as? String ?? ""
            overflow = object["overflow"] as? Int ?? -1
            items = (object["items"] as? [[String: Any]] ?? []).map {
                Result(title: $0["title"] as? String ?? "", url: $0["url"] as? String ?? "", summary: $0["summary"] as? String ?? "",
                       reviewed: $0["reviewed"] as? String)
            }
            if !status.isEmpty { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        // A figure for the README, not a check: what this query downloaded of the index.
        if let downloaded = try await evaluate("""
            JSON.stringify(performance.getEntriesByType('resource').filter(e => e.name.includes('/pagefind/'))
              .map(e => [e.name.split('/pagefind/')[1], e.encodedBodySize]))
            """)?.string {
            FileHandle.standardError.write(Data("search test: '\(query)' at \(width) px downloaded from pagefind/: \(downloaded)\n".utf8))
        }
        if let folder = ProcessInfo.processInfo.environment["TABIB_SCREENSHOTS"] {
            let shot = try await pipe.send("Page.captureScreenshot", ["format": .string("png")], session: sessionID, deadline: deadline)
            if let data = shot.body["data"]?.string.flatMap({ Data(base64Encoded: $0) }) {
                try data.write(to: URL(fileURLWithPath: folder).appendingPathComponent("search-\(language)-\(query)-\(width).png"))
            }
        }
        return (items, status, overflow)
    }
}
