import Foundation
import TabibCore
import Testing

/// Running a program to completion, with what it printed and how it ended, and stopping one that runs too long.
@Suite struct CommandLineToolTests {
    let shell = CommandLineTool(executable: URL(fileURLWithPath: "/bin/sh"))

    @Test func aRunGivesTheStatusAndBothOutputs() async throws {
        let result = try await shell.run(["-c", "echo out; echo err >&2; exit 3"])
        #expect(result.status == 3)
        #expect(result.output == "out\n")
        #expect(result.errorOutput == "err\n")
        #expect(!result.timedOut)
    }

    @Test func aProgramThatPrintsMoreThanAPipeHoldsDoesNotHang() async throws {
        let result = try await shell.run(["-c", "head -c 1000000 /dev/zero | tr '\\0' x; head -c 300000 /dev/zero | tr '\\0' y >&2"])
        #expect(result.status == 0)
        #expect(result.output == String(repeating: "x", count: 1_000_000))
        #expect(result.errorOutput == String(repeating: "y", count: 300_000))
    }

    @Test func aProgramThatOutrunsTheTimeoutIsStoppedAndSaysSo() async throws {
        let result = try await shell.run(["-c", "echo started; exec sleep 60"], timeout: 0.5)
        #expect(result.timedOut)
        #expect(result.status == SIGTERM)
        #expect(result.output == "started\n")
    }

    @Test func aMissingProgramIsAnError() async {
        await #expect(throws: (any Error).self) {
            try await CommandLineTool(executable: URL(fileURLWithPath: "/nonexistent/tool")).run([])
        }
    }
}
