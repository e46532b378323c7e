import Foundation
import Testing

/// Ctrl-C and SIGTERM end `tabib serve`, even while pages hold live-reload streams open (a stream left
/// open made the graceful shutdown wait for ever). Ten seconds tells a hang from a busy machine; how
/// fast it stops is not what is tested.
@Suite struct ShutdownTests {
    /// The `tabib` executable built next to this test bundle.
    static var tabib: URL {
        let tests = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return tests.deletingLastPathComponent().appendingPathComponent("tabib")
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalEndsTheServerWithAStreamOpen(signal: Int32) async throws {
        let binary = Self.tabib
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the tabib executable first: \(binary.path)")
        let fixture = try SiteFixture()
        defer { fixture.remove() }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--root", fixture.root.path, "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let port = try await OffPool.run { try Self.port(from: output.fileHandleForReading) }
        let root = try await RunningPreview.request(port: port, "/", host: "127.0.0.1:\(port)")
        let (page, shown) = try #require(RunningPreview.liveArguments(in: root.text))
        let open = try await EventStreamClient(port: port, page: page, shown: shown)

        kill(process.processIdentifier, signal)
        let ended = try await OffPool.run { () -> Bool in
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { usleep(10_000) }
            return !process.isRunning
        }
        #expect(ended, "tabib serve was still running 10 s after the signal")
        if ended {
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 0)
        }
        #expect(try await open.next() == nil)
    }

    /// Reads the command's output up to the line that gives the URL, and returns its port.
    static func port(from handle: FileHandle) throws -> Int {
        var text = ""
        while true {
            let data = handle.availableData
            guard !data.isEmpty else { throw TestFailure(description: "tabib serve ended early: \(text)") }
            text += String(decoding: data, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Serving ") }),
               let url = line.split(separator: " ").first(where: { $0.hasPrefix("http://") }),
               let port = URL(string: String(url))?.port {
                return port
            }
        }
    }
}
