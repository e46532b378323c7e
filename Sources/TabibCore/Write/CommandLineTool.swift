import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

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

    /// What a run does when the timeout cancels it: SIGTERM, and SIGKILL five seconds later.
    private static var stoppedByTerminateThenKill: PlatformOptions {
        var options = PlatformOptions()
        options.teardownSequence = [.gracefulShutDown(allowedDurationToNextStep: .seconds(5))]
        return options
    }

    /// The most a run may print on each of its outputs; a program that prints more is stopped with an error.
    public static let outputLimit = 64 << 20

    /// Runs the program with `arguments`, stopping it after `timeout` seconds: SIGTERM, then SIGKILL
    /// five seconds later. swift-subprocess reads both outputs while the program runs, so a chatty
    /// program can never fill a pipe and hang.
    public func run(_ arguments: [String], timeout: Double = 120) async throws -> Result {
        let options = Self.stoppedByTerminateThenKill
        let executable = FilePath(executable.path)
        let limit = Self.outputLimit
        let run: @Sendable () async throws -> Result = {
            let finished = try await Subprocess.run(.path(executable), arguments: Arguments(arguments), platformOptions: options,
                                                    input: .none, output: .string(limit: limit), error: .string(limit: limit))
            let status: Int32 = switch finished.terminationStatus {
            case let .exited(code): code
            case let .signaled(signal): signal
            }
            return Result(status: status, output: finished.standardOutput, errorOutput: finished.standardError, timedOut: false)
        }
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask { try await run() }
            group.addTask {
                try await Task.sleep(for: .seconds(timeout))
                return nil
            }
            defer { group.cancelAll() }
            if let result = try await group.next()! { return result }
            // The timeout came first: cancelling the run tears the program down.
            group.cancelAll()
            var ended = (try? await group.next()) ?? nil
            ended?.timedOut = true
            return ended ?? Result(status: SIGKILL, output: "", errorOutput: "", timedOut: true)
        }
    }
}
