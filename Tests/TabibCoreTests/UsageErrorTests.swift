import Foundation
import Testing
@testable import TabibCore

/// Usage errors exit 2 with one sentence on what to pass instead; content errors exit 1. The
/// previous output is left as it was either way.
@Suite struct UsageErrorTests {
    static func site() throws -> TestSite { try TestSite("-- content/id/articles/a.md --\n\(BadInputTests.article)") }

    static func expectUsageError(_ arguments: [String], _ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let run = try CommandLineTests.run(arguments)
        #expect(run.status == 2, sourceLocation: sourceLocation)
        // ArgumentParser follows the message with the command's usage, whose options other changes add to.
        let lines = run.err.split(separator: "\n", maxSplits: 1).map(String.init)
        #expect(lines.first == "Error: \(message)", sourceLocation: sourceLocation)
        #expect(lines.last?.hasPrefix("Usage: tabib build ") == true, sourceLocation: sourceLocation)
        #expect(run.out == "", sourceLocation: sourceLocation)
    }

    @Test func baseURLWithQuotesAnglesTabsOrNoHostIsAUsageError() throws {
        let site = try Self.site()
        let cases: [(String, String)] = [
            ("https:///", "has no host name after 'https://', such as example.org"),
            ("https://example.org/\"><script>", "contains '\"', which a URL cannot hold; remove it, or percent-encode it in the path (a space is %20)"),
            ("https://example.org/<x>", "contains '<', which a URL cannot hold; remove it, or percent-encode it in the path (a space is %20)"),
            ("https://example.org/\tx", "contains a tab, which a URL cannot hold; remove it, or percent-encode it in the path (a space is %20)"),
            ("https://exa mple.org/", "contains a space, which a URL cannot hold; remove it, or percent-encode it in the path (a space is %20)"),
            ("ftp://example.org/", "does not start with https:// or http://"),
            ("https://example.org/?a=1", "has a query ('?') or a fragment ('#'), which a base URL cannot have"),
            ("https://example.org:99999/", "has the port '99999'; a port is a number from 1 to 65535, such as :8080"),
            ("https://user@example.org/", "holds a user name ('@'); leave it out"),
        ]
        for (url, problem) in cases {
            try Self.expectUsageError(["build", "--root", site.root.path, "--base-url", url],
                                      "--base-url \(problem); pass the address the site is served from, such as https://example.org/kesehatan/.")
        }
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public").path))
    }

    @Test func baseURLsThatServeASiteAreAccepted() {
        for url in ["https://example.org", "http://127.0.0.1:1313/", "https://example.org/kesehatan/", "http://[::1]:8080/", "https://xn--bcher-kva.example/a%20b/"] {
            #expect(SiteConfig.baseURLProblem(url) == nil, "\(url)")
        }
    }

    @Test func badBaseURLInSiteYAMLIsAContentErrorAtItsLine() async throws {
        let site = try TestSite("""
        -- content/site.yaml --
        baseURL: "https://example.org/\\"><script>"
        defaultLanguage: id
        languages:
          - {code: id, name: Bahasa Indonesia, title: Situs Uji}
        -- content/id/articles/a.md --
        \(BadInputTests.article)
        """)
        #expect(await site.errors() == """
        content/site.yaml:1:10: error: 'baseURL' contains '"', which a URL cannot hold; remove it, or percent-encode it in the path (a space is %20); write the address the site is served from, such as https://example.org/ or https://example.org/kesehatan/.
        """)
        let run = try CommandLineTests.run(["build", "--root", site.root.path])
        #expect(run.status == 1)
    }

    @Test func outputInsideContentOrTemplatesIsAUsageError() throws {
        let site = try Self.site()
        let root = site.root.path
        for folder in ["content", "content/id/new", "templates", "templates/assets", "templates/assets/site"] {
            let output = "\(root)/\(folder)"
            let inside = folder.hasPrefix("content") ? "content" : "templates"
            try Self.expectUsageError(["build", "--root", root, "--output", output],
                "--output '\(output)' is inside the site's \(inside)/ folder; tabib would read its own pages as input (or, in templates/assets/, copy them into themselves on every build): choose a folder outside content/ and templates/, such as \(root)/public.")
        }
        try Self.expectUsageError(["build", "--root", root, "--output", root],
            "--output '\(root)' is the site's folder or holds it; a build would replace the site with its pages: choose a folder of its own, such as \(root)/public.")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("templates/assets/site").path))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/id/new").path))
    }

    @Test func outputReachedThroughASymbolicLinkIntoContentIsAUsageError() throws {
        let site = try Self.site()
        let link = site.root.appendingPathComponent("out")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "content")
        try Self.expectUsageError(["build", "--root", site.root.path, "--output", link.path],
            "--output '\(link.path)' is inside the site's content/ folder; tabib would read its own pages as input (or, in templates/assets/, copy them into themselves on every build): choose a folder outside content/ and templates/, such as \(site.root.path)/public.")
    }

    @Test func unknownOptionAndMissingRootExitTwo() throws {
        let site = try Self.site()
        #expect(try CommandLineTests.run(["build", "--root", site.root.path, "--no-such-option"]).status == 2)
        #expect(try CommandLineTests.run(["build", "--root", site.root.appendingPathComponent("missing").path]).status == 2)
        #expect(try CommandLineTests.run(["serve", "--root", site.root.path, "--port", "70000"]).status == 2)
    }
}
