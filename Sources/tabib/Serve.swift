import ArgumentParser
import Foundation
import TabibCore
import TabibServe

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into memory, serve it locally, and rebuild and reload the open pages on every save.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The first port to try; the next free one is taken when it is busy (0: any free port).")
    var port: Int = ServeOptions.defaultPort

    @Option(name: .long, help: "The address to listen on; 0.0.0.0 exposes the preview to your network on purpose.")
    var host: String = ServeOptions.defaultHost

    @Flag(name: .long, help: "Include pages marked 'draft: true'.")
    var drafts = false

    @Flag(name: .long, help: "After each build, print how long each stage took (load, templates, graph, markdown, plan, pages).")
    var timings = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, such as 1313 (0 lets the system choose).") }
        guard !host.isEmpty else { throw ValidationError("--host must be an address such as 127.0.0.1 or 0.0.0.0.") }
    }

    func run() async throws {
        let server = PreviewServer(options: ServeOptions(root: site.rootURL, host: host, port: port, includeDrafts: drafts))
        let root = site.rootURL.path, host = host, timings = timings
        do {
            try await server.run { event in
                switch event {
                case let .listening(url, exposed):
                    Self.say("Serving \(root) at \(url)  (Ctrl-C to stop)")
                    if exposed { Self.say("Note: --host \(host) makes the preview reachable from other machines.") }
                case let .built(summary):
                    Console.report(summary.warnings, root: URL(fileURLWithPath: root))
                    Self.say(summary.description)
                    if timings { Self.say("  \(summary.stageText)") }
                case let .failed(diagnostics, trigger):
                    Console.report(diagnostics, root: URL(fileURLWithPath: root))
                    Console.error(trigger.isEmpty
                        ? "The site does not build; fix the errors above and save: the preview follows."
                        : "The rebuild failed; the last good version stays served and the open pages show the errors.")
                case let .notWatching(reason):
                    Console.error("Edits are not followed (\(reason)); restart tabib serve to see them.")
                }
            }
        } catch {
            Console.error("tabib serve could not start: \(error)")
            throw ExitCode(1)
        }
    }

    /// Standard output, unbuffered, so the URL shows at once even when the output is piped.
    private static func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
}
