import Foundation
import Testing
@testable import TabibCore

/// `tabib build` into an output folder while things go wrong: another build at the same time, a kill
/// -9 in the middle of the commit, a file that cannot be replaced. Runs the real binary.
@Suite struct BuildOutputSafetyTests {
    /// A site of `count` articles in two versions: version 2 has every page built with the layout
    /// changed, and article 0 gone.
    struct TwoVersionSite {
        let site: TestSite
        let layout: String
        let firstArticle: String
        var output: URL { site.root.appendingPathComponent("public") }

        init(articles count: Int) throws {
            var description = ""
            for index in 0..<count {
                description += """
                -- content/id/articles/artikel-\(index).md --
                ---
                title: Artikel \(index)
                summary: Ringkasan artikel \(index).
                date: 2026-11-20
                reviewed: 2026-11-20
                ---
                Isi artikel \(index), dengan \(String(repeating: "kalimat yang cukup panjang ", count: 40 + index % 13)).

                """
            }
            site = try TestSite(description)
            layout = try String(contentsOf: site.root.appendingPathComponent("templates/layout.mustache"), encoding: .utf8)
            firstArticle = try String(contentsOf: site.root.appendingPathComponent("content/id/articles/artikel-0.md"), encoding: .utf8)
        }

        func use(version: Int) throws {
            try site.write("templates/layout.mustache", version == 1 ? layout : layout + "<!-- version \(version) -->\n")
            let first = site.root.appendingPathComponent("content/id/articles/artikel-0.md")
            if version == 1 {
                if !FileManager.default.fileExists(atPath: first.path) {
                    try site.write("content/id/articles/artikel-0.md", firstArticle)
                }
            } else if FileManager.default.fileExists(atPath: first.path) {
                try site.remove("content/id/articles/artikel-0.md")
            }
        }

        /// The files of `version`, built into a folder of their own (without tabib's own files).
        func files(of version: Int) throws -> [String: [UInt8]] {
            try use(version: version)
            let reference = site.root.appendingPathComponent("reference-\(version)")
            let run = try CommandLineTests.run(["build", "--root", site.root.path, "--output", reference.path])
            #expect(run.status == 0, "\(run.err)")
            var files = TestSite.files(in: reference)
            files[OutputDirectory.markerName] = nil
            files[OutputDirectory.manifestName] = nil
            try FileManager.default.removeItem(at: reference)
            return files
        }
    }

    /// The output's files without tabib's own.
    static func pages(in output: URL) -> [String: [UInt8]] {
        var files = TestSite.files(in: output)
        files[OutputDirectory.markerName] = nil
        files[OutputDirectory.manifestName] = nil
        return files
    }

    /// The `tabib` binary, started with its output going to files.
    struct Child {
        let process = Process()
        let out: URL, err: URL

        init(_ arguments: [String]) throws {
            let folder = FileManager.default.temporaryDirectory
            out = folder.appendingPathComponent("tabib-out-\(UUID().uuidString)")
            err = folder.appendingPathComponent("tabib-err-\(UUID().uuidString)")
            FileManager.default.createFile(atPath: out.path, contents: nil)
            FileManager.default.createFile(atPath: err.path, contents: nil)
            process.executableURL = CommandLineTests.binary
            process.arguments = arguments
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            try process.run()
        }

        func finish() throws -> CommandLineTests.Run {
            process.waitUntilExit()
            defer {
                try? FileManager.default.removeItem(at: out)
                try? FileManager.default.removeItem(at: err)
            }
            return CommandLineTests.Run(status: process.terminationStatus,
                                        out: try String(contentsOf: out, encoding: .utf8), err: try String(contentsOf: err, encoding: .utf8))
        }
    }

    @Test func buildIntoALockedOutputFailsNamingTheOtherBuildAndChangesNothing() throws {
        let site = try TwoVersionSite(articles: 2)
        #expect(try CommandLineTests.run(["build", "--root", site.site.root.path]).status == 0)
        let before = TestSite.files(in: site.output)
        try site.use(version: 2)
        let holder = try OutputDirectory(destination: site.output)
        defer { holder.discard() }
        let started = OutputLock.Holder(try String(contentsOfFile: OutputLock.path(for: site.output), encoding: .utf8)).started ?? "?"
        let run = try CommandLineTests.run(["build", "--root", site.site.root.path])
        #expect(run.status == 1)
        #expect(run.err == """
        error: another tabib build (pid \(getpid()) on \(OutputLock.hostName), started \(started)) is writing to \(site.output.path); wait for it to finish or stop it, then build again. The output was not changed.
        1 error, 0 warnings.
        The build failed; \(site.output.path) was left as it was.

        """)
        #expect(TestSite.files(in: site.output) == before)
    }

    @Test func twoBuildsAtOnceNeverMixTheirOutputs() throws {
        let site = try TwoVersionSite(articles: 40)
        let second = try site.files(of: 2)
        try site.use(version: 1)
        #expect(try CommandLineTests.run(["build", "--root", site.site.root.path]).status == 0)
        try site.use(version: 2)
        let builds = try [Child(["build", "--root", site.site.root.path]), Child(["build", "--root", site.site.root.path])]
        let runs = try builds.map { try $0.finish() }
        #expect(runs.contains { $0.status == 0 })
        for (index, run) in runs.enumerated() where run.status != 0 {
            // The one that lost names the other.
            #expect(run.status == 1)
            #expect(run.err.hasPrefix("error: another tabib build (pid \(builds[1 - index].process.processIdentifier) on "), "\(run.err)")
            #expect(run.err.hasSuffix("is writing to \(site.output.path); wait for it to finish or stop it, then build again. The output was not changed.\n1 error, 0 warnings.\nThe build failed; \(site.output.path) was left as it was.\n"), "\(run.err)")
        }
        #expect(Self.pages(in: site.output) == second)
        #expect(try CommandLineTests.run(["build", "--root", site.site.root.path]).out.contains(" s; 0 files changed, 0 removed.\n"))
    }

    /// The time of the commit stage in `--timings` output.
    static func commitTime(_ out: String) -> Double? {
        guard let range = out.range(of: "commit ") else { return nil }
        return Double(out[range.upperBound...].prefix { $0 == "." || $0.isNumber })
    }

    @Test func buildKilledAtAnyPointOfItsCommitLeavesEveryFileOldOrNewAndTheNextBuildFinishes() throws {
        let site = try TwoVersionSite(articles: 150)
        let versions = [1: try site.files(of: 1), 2: try site.files(of: 2)]
        try site.use(version: 1)
        #expect(try CommandLineTests.run(["build", "--root", site.site.root.path]).status == 0)
        // How long a commit from one version to the other takes, to spread the kills over it.
        try site.use(version: 2)
        let timed = try CommandLineTests.run(["build", "--root", site.site.root.path, "--timings"])
        let commit = Self.commitTime(timed.out) ?? 0.05
        var current = 2
        let kills = 10
        var mixed = 0
        for kill in 0..<kills {
            let next = 3 - current
            try site.use(version: next)
            let child = try Child(["build", "--root", site.site.root.path])
            let journal = site.site.root.appendingPathComponent(".public.tabib-staging-\(child.process.processIdentifier)/\(OutputDirectory.journalName)").path
            while child.process.isRunning, access(journal, F_OK) != 0 { usleep(50) }
            usleep(UInt32(commit * 1.2e6 * Double(kill) / Double(kills - 1)))
            Foundation.kill(child.process.processIdentifier, SIGKILL)
            _ = try child.finish()
            // Every file is the old one or the new one, whole; a file of both versions is never missing;
            // every file of either version in the output is listed as tabib's.
            let old = versions[current]!, new = versions[next]!
            let files = Self.pages(in: site.output)
            let listed = Set(try OutputDirectoryTests.manifest(site.output))
            #expect(Set(files.keys).subtracting(old.keys).subtracting(new.keys) == [], "files of neither version")
            for path in Set(old.keys).intersection(new.keys) { #expect(files[path] != nil, "\(path) is missing") }
            var sawOld = false, sawNew = false
            for (path, bytes) in files {
                let isOld = bytes == old[path], isNew = bytes == new[path]
                #expect(isOld || isNew, "\(path) is neither the old nor the new file (\(bytes.count) bytes)")
                #expect(listed.contains(path), "\(path) is not in the manifest")
                if old[path] != new[path] {
                    sawOld = sawOld || isOld
                    sawNew = sawNew || isNew
                }
            }
            if sawOld && sawNew { mixed += 1 }
            // The next build finishes (or redoes) the commit.
            let finish = try CommandLineTests.run(["build", "--root", site.site.root.path])
            #expect(finish.status == 0, "\(finish.err)")
            #expect(Self.pages(in: site.output) == new)
            #expect(try OutputDirectoryTests.manifest(site.output) == new.keys.sorted())
            current = next
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.site.root.path)
            .filter { $0.contains(".tabib-") && $0 != QRCodeCache.folder }  // the site's cache is kept on purpose
        #expect(leftovers == [])
        print("\(kills) kills, \(mixed) of them in the middle of a commit (commit \(commit) s)")
    }

    @Test func commitThatFailsPartwaySaysHowTheOutputChangedAndTheNextBuildFinishesIt() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr") else { return }
        let site = try TwoVersionSite(articles: 6)
        let (first, second) = (try site.files(of: 1), try site.files(of: 2))
        try site.use(version: 1)
        #expect(try CommandLineTests.run(["build", "--root", site.site.root.path]).status == 0)
        let changed = second.keys.filter { first[$0] != second[$0] }.sorted()
        let removed = first.keys.filter { second[$0] == nil }
        let stuck = changed[changed.count / 2]
        let lock = try CommandLineTests.run(["+i", site.output.appendingPathComponent(stuck).path], executable: "/usr/bin/chattr")
        try #require(lock.status == 0, "chattr +i works here")
        defer { _ = try? CommandLineTests.run(["-i", site.output.appendingPathComponent(stuck).path], executable: "/usr/bin/chattr") }
        try site.use(version: 2)
        let run = try CommandLineTests.run(["build", "--root", site.site.root.path])
        #expect(run.status == 1)
        #expect(run.err == """
        error: tabib could not put \(stuck) in place in \(site.output.path): Operation not permitted; fix that (a read-only or immutable file or folder?) and build again: the next build finishes this update.
        1 error, 0 warnings.
        The build failed; \(site.output.path) was partly updated: \(changed.count - 1) of \(changed.count) changed files written, \(removed.count) of \(removed.count) removed; fix the problem and build again to finish the update.

        """)
        var expected = second
        expected[stuck] = first[stuck]
        #expect(Self.pages(in: site.output) == expected)
        // Still stuck: the next build says so, and changes nothing more.
        let again = try CommandLineTests.run(["build", "--root", site.site.root.path])
        #expect(again.status == 1)
        #expect(again.err.hasPrefix("error: an earlier build was cut short while updating \(site.output.path), and tabib cannot finish its update: \(stuck): Operation not permitted; fix that"), "\(again.err)")
        #expect(Self.pages(in: site.output) == expected)
        _ = try CommandLineTests.run(["-i", site.output.appendingPathComponent(stuck).path], executable: "/usr/bin/chattr")
        let fixed = try CommandLineTests.run(["build", "--root", site.site.root.path])
        #expect(fixed.status == 0, "\(fixed.err)")
        #expect(fixed.err == """
        warning: an earlier build was cut short while updating \(site.output.path); this build finished its update first (1 of \(changed.count) changed files written, 0 of \(removed.count) removed).
        0 errors, 1 warning.

        """)
        #expect(Self.pages(in: site.output) == second)
    }

    @Test func summaryLineSaysWhetherTheOutputIsNewOrHowItChanged() throws {
        let site = try TwoVersionSite(articles: 3)
        let (first, second) = (try site.files(of: 1), try site.files(of: 2))
        try site.use(version: 1)
        let new = try CommandLineTests.run(["build", "--root", site.site.root.path])
        #expect(new.out.hasPrefix("Built ") && new.out.hasSuffix(" s; a new output folder.\n"), "\(new.out)")
        try site.use(version: 2)
        let changed = second.keys.filter { first[$0] != second[$0] }.count, removed = first.keys.filter { second[$0] == nil }.count
        #expect(changed > 0 && removed > 0)
        let update = try CommandLineTests.run(["build", "--root", site.site.root.path])
        #expect(update.out.hasSuffix(" s; \(changed) files changed, \(removed) removed.\n"), "\(update.out)")
        // A PDF-less new output over the earlier one says what it dropped.
        let output = try OutputDirectory(destination: site.output, updating: false)
        try output.write(OutputFile(path: "index.html", text: "home"))
        #expect(try output.commit() == .init(written: 1, removed: second.count - 1, anew: true))
    }
}
