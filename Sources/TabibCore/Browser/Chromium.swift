import Foundation

/// Headless Chromium, found on PATH: prints built pages to PDF and takes screenshots of them.
/// Every run gets its own throw-away profile, so several can run at once.
public struct Chromium: Sendable {
    /// The names tried on PATH, in order.
    public static let names = ["chromium", "chromium-browser", "google-chrome"]

    public let tool: CommandLineTool

    public init(tool: CommandLineTool) { self.tool = tool }

    /// The first of `names` on `path` (default: `$PATH`), or nil.
    public static func find(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> Chromium? {
        CommandLineTool.find(names, path: path).map(Chromium.init)
    }

    /// Chromium, or an error that says how to install it.
    public static func locate(path: String? = ProcessInfo.processInfo.environment["PATH"]) throws(BuildFailure) -> Chromium {
        guard let browser = find(path: path) else {
            throw BuildFailure([.error("chromium-missing",
                "printing handouts to PDF needs headless Chromium, and none of \(names.joined(separator: ", ")) is on PATH. Install it (on Debian or Ubuntu: sudo apt-get install chromium) or add its folder to PATH, or build without --pdf.")])
        }
        return browser
    }

    /// Prints `page` to `pdf` as the page's CSS asks (`@page` size and margin boxes), without
    /// Chromium's own header and footer, which would show the local file's path.
    public func printToPDF(_ page: URL, to pdf: URL) async throws(BuildFailure) {
        try await run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)"], page: page, output: pdf, doing: "print")
    }

    /// Takes a PNG screenshot of `page` in a window `width` × `height` CSS pixels, at scale 1.
    public func screenshot(_ page: URL, width: Int, height: Int, to png: URL) async throws(BuildFailure) {
        try await run(["--window-size=\(width),\(height)", "--force-device-scale-factor=1", "--hide-scrollbars", "--screenshot=\(png.path)"],
                      page: page, output: png, doing: "take a screenshot of")
    }

    func run(_ arguments: [String], page: URL, output: URL, doing action: String) async throws(BuildFailure) {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("tabib-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        try? FileManager.default.removeItem(at: output)
        let common = Self.commonArguments(profile: profile)
        let result: CommandLineTool.Result
        do {
            result = try await tool.run(common + arguments + [page.absoluteString], timeout: 90)
        } catch {
            throw BuildFailure([.error("chromium-failed", "could not start \(tool.executable.path) (\(error.localizedDescription)); check that it runs: \(tool.executable.path) --version.")])
        }
        let written = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0
        guard result.status != 0 || result.timedOut || written == 0 else { return }
        let why = result.timedOut ? "it did not finish within 90 seconds" : "exit status \(result.status)"
        throw BuildFailure([.error("chromium-failed", "Chromium could not \(action) \(page.path) (\(why)); run the build again, and if it fails again, run Chromium by hand with the command in the note.",
                                   notes: [([tool.executable.path] + common + arguments + [page.absoluteString]).joined(separator: " ")]
                                       + Self.meaningfulLines(result.errorOutput))])
    }

    /// The flags of every headless run, with its own throw-away `profile` folder.
    static func commonArguments(profile: URL) -> [String] {
        var common = ["--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                      "--disable-dev-shm-usage", "--mute-audio", "--user-data-dir=\(profile.path)"]
        // Chromium refuses to start as root with its sandbox on (as in containers and CI).
        if geteuid() == 0 { common.append("--no-sandbox") }
        return common
    }

    /// Chromium's error lines without the D-Bus complaints every headless run prints.
    static func meaningfulLines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.contains("dbus") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }.suffix(5)
    }
}
