import Foundation

/// A program found on PATH, run to completion without blocking a thread: Chromium for PDFs and
/// screenshots, and poppler's and zbar's tools in the tests that read those back.
public struct CommandLineTool: Sendable {
    public let executable: URL

    public init(executable: URL) { self.executable = executable }

    /// The first of `names` that is an executable file in a folder of `path` (default: `$PATH`).
    public static func find(_ names: [String], path: String? = ProcessInfo.processInfo.environment["PATH"]) -> CommandLineTool? {
        let folders = (path ?? "").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders where !folder.isEmpty {
                let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                   FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return CommandLineTool(executable: candidate)
                }
            }
        }
        return nil
    }

    /// What a finished run printed and how it ended.
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var errorOutput: String
        public var timedOut: Bool
    }

    /// Runs the program with `arguments`, killing it after `timeout` seconds. Output goes through files,
    /// so a chatty program can never fill a pipe and hang.
    public func run(_ arguments: [String], timeout: Double = 120) async throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tabib-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let watchdog = Watchdog()
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in
                watchdog.cancel()
                continuation.resume(returning: finished.terminationStatus)
            }
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
                return
            }
            watchdog.start(after: timeout) { if process.isRunning { process.terminate() } }
        }
        return Result(status: status, output: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                      errorOutput: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "", timedOut: watchdog.fired)
    }
}

/// Terminates a run that takes too long, and remembers that it did.
private final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var item: DispatchWorkItem?
    private var didFire = false
    private var cancelled = false

    func start(after seconds: Double, _ action: @escaping @Sendable () -> Void) {
        let item = DispatchWorkItem { [self] in
            lock.withLock { didFire = true }
            action()
        }
        let armed = lock.withLock { () -> Bool in
            guard !cancelled else { return false }
            self.item = item
            return true
        }
        if armed { DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: item) }
    }

    func cancel() {
        lock.withLock {
            cancelled = true
            item?.cancel()
        }
    }

    var fired: Bool { lock.withLock { didFire } }
}
