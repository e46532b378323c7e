import Foundation
import Testing
@testable import TabibCore

/// `tabib build --releases`, run as the real binary: what it says, what it refuses, and a kill -9 at
/// any moment, after which the output is the whole old site or the whole new one.
@Suite struct BuildReleasesTests {
    typealias Site = BuildOutputSafetyTests.TwoVersionSite

    /// The release the output links to, or nil when it is not a link.
    static func release(of output: URL) -> URL? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: output.path) else { return nil }
        return output.deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL
    }

    @Test func releasesBuildSaysWhichReleaseTheOutputNowLinksTo() throws {
        let site = try Site(articles: 3)
        let (first, second) = (try site.files(of: 1), try site.files(of: 2))
        try site.use(version: 1)
        let root = site.site.root.path
        let releases = site.site.root.appendingPathComponent("public.releases").path
        let new = try CommandLineTests.run(["build", "--root", root, "--releases"])
        #expect(new.status == 0, "\(new.err)")
        #expect(new.out.hasSuffix(" s; \(first.count) files changed, 0 removed; public now links to \(releases)/1.\n"), "\(new.out)")
        try site.use(version: 2)
        let changed = second.keys.filter { first[$0] != second[$0] }.count, removed = first.keys.filter { second[$0] == nil }.count
        let update = try CommandLineTests.run(["build", "--root", root, "--releases"])
        #expect(update.out.hasSuffix(" s; \(changed) files changed, \(removed) removed; public now links to \(releases)/2.\n"), "\(update.out)")
        #expect(BuildOutputSafetyTests.pages(in: Self.release(of: site.output)!) == second)
        #expect(BuildOutputSafetyTests.pages(in: URL(fileURLWithPath: releases + "/1")) == first)
        // Unchanged: every file of the new release is a hard link to the previous one's.
        let same = try CommandLineTests.run(["build", "--root", root, "--releases", "--keep-releases", "1"])
        #expect(same.out.hasSuffix(" s; 0 files changed, 0 removed; public now links to \(releases)/3.\n"), "\(same.out)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: releases).sorted() == [OutputReleases.markerName, "3"])
    }

    @Test func keepReleasesWithoutReleasesOrBelowOneIsAUsageError() throws {
        let site = try UsageErrorTests.site()
        try UsageErrorTests.expectUsageError(["build", "--root", site.root.path, "--keep-releases", "3"],
                                             "--keep-releases applies only to builds with --releases; add --releases, or leave --keep-releases out.")
        try UsageErrorTests.expectUsageError(["build", "--root", site.root.path, "--releases", "--keep-releases", "0"],
                                             "--keep-releases must be 1 or more (the release in place counts); use 2 to keep one to roll back to.")
    }

    @Test func releasesBuildIntoALinkTabibDidNotMakeFailsAndChangesNothing() throws {
        let site = try Site(articles: 1)
        let elsewhere = site.site.root.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.output.path, withDestinationPath: "www")
        let run = try CommandLineTests.run(["build", "--root", site.site.root.path, "--releases"])
        #expect(run.status == 1)
        #expect(run.err == """
        error: the output \(site.output.path) is a link to www, which is not a release tabib made in \(site.output.path).releases; tabib swaps only a link to one of its releases. Remove the link (what it points to is left alone) and build again, or choose another --output.
        1 error, 0 warnings.
        The build failed; \(site.output.path) was left as it was.

        """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == [])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.output.path) == "www")
    }

    @Test func releasesBuildWhileAnotherHoldsTheLockFailsNamingItAndChangesNothing() throws {
        let site = try Site(articles: 1)
        let root = site.site.root.path
        #expect(try CommandLineTests.run(["build", "--root", root, "--releases"]).status == 0)
        let holder = try OutputDirectory(destination: site.output, layout: .releases(keep: 2))
        defer { holder.discard() }
        let started = OutputLock.Holder(try String(contentsOfFile: OutputLock.path(for: site.output), encoding: .utf8)).started ?? "?"
        let run = try CommandLineTests.run(["build", "--root", root, "--releases"])
        #expect(run.status == 1)
        #expect(run.err == """
        error: another tabib build (pid \(getpid()) on \(OutputLock.hostName), started \(started)) is writing to \(site.output.path); wait for it to finish or stop it, then build again. The output was not changed.
        1 error, 0 warnings.
        The build failed; \(site.output.path) was left as it was.

        """)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.output.path) == "public.releases/1")
        // The holder's release being written is left alone.
        #expect(FileManager.default.fileExists(atPath: holder.staging.path))
    }

    @Test func pdfBuildPrintsTheHandoutsIntoTheNewReleaseBeforeTheSwap() throws {
        let site = try Site(articles: 2)
        let root = site.site.root.path
        #expect(try CommandLineTests.run(["build", "--root", root, "--releases"]).status == 0)
        let first = BuildOutputSafetyTests.pages(in: Self.release(of: site.output)!)
        let run = try CommandLineTests.run(["build", "--root", root, "--releases", "--pdf"])
        #expect(run.status == 0, "\(run.err)")
        let release = try #require(Self.release(of: site.output))
        #expect(release.lastPathComponent == "2")
        let pdfs = try OutputDirectoryTests.manifest(release).filter { $0.hasSuffix(".pdf") }
        #expect(pdfs.count == 2, "a PDF of each article's handout: \(pdfs)")
        for pdf in pdfs {
            #expect(FileManager.default.contents(atPath: release.path + "/" + pdf)?.starts(with: Array("%PDF".utf8)) == true, "\(pdf)")
        }
        // The previous release is as it was: no PDFs, pages without links to them.
        #expect(BuildOutputSafetyTests.pages(in: site.output.deletingLastPathComponent().appendingPathComponent("public.releases/1")) == first)
        #expect(!first.keys.contains { $0.hasSuffix(".pdf") })
    }

    @Test func buildKilledAtAnyMomentLeavesTheOutputAWholeReleaseOldOrNew() throws {
        let site = try Site(articles: 150)
        let versions = [1: try site.files(of: 1), 2: try site.files(of: 2)]
        let root = site.site.root.path
        try site.use(version: 1)
        #expect(try CommandLineTests.run(["build", "--root", root, "--releases"]).status == 0)
        // How long a whole build takes, to spread the kills over it.
        try site.use(version: 2)
        let start = ContinuousClock.now
        #expect(try CommandLineTests.run(["build", "--root", root, "--releases"]).status == 0)
        let elapsed = ContinuousClock.now - start
        let whole = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var current = 2
        var random = SystemRandomNumberGenerator()
        let kills = 12
        var outcomes: [String: Int] = [:]
        for kill in 0..<kills {
            let next = 3 - current
            try site.use(version: next)
            let child = try BuildOutputSafetyTests.Child(["build", "--root", root, "--releases"])
            if kill.isMultiple(of: 2) {
                // Anywhere in the build.
                usleep(UInt32(Double.random(in: 0...1.5, using: &random) * whole * 1e6))
            } else {
                // Around the swap: once the commit has begun writing the new release's manifest.
                let manifest = root + "/public.releases/\(OutputReleases.stagingPrefix)\(child.process.processIdentifier)/\(OutputDirectory.manifestName)"
                while child.process.isRunning, access(manifest, F_OK) != 0 { usleep(50) }
                usleep(UInt32.random(in: 0...4000, using: &random))
            }
            Foundation.kill(child.process.processIdentifier, SIGKILL)
            let run = try child.finish()
            // The output is a link to a release that is the whole old site or the whole new one.
            let release = try #require(Self.release(of: site.output), "the output is a link")
            let files = BuildOutputSafetyTests.pages(in: release)
            let outcome = files == versions[next] ? "new" : files == versions[current] ? "old" : "mixed"
            #expect(outcome != "mixed", "\(release.path) is neither version (\(files.count) files)")
            #expect(Set(try OutputDirectoryTests.manifest(release)) == Set(files.keys))
            outcomes[run.status == 0 ? "finished" : outcome, default: 0] += 1
            // The next build puts in order what the killed one left.
            let after = try CommandLineTests.run(["build", "--root", root, "--releases"])
            #expect(after.status == 0, "\(after.err)")
            #expect(BuildOutputSafetyTests.pages(in: Self.release(of: site.output)!) == versions[next])
            current = next
        }
        let beside = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix(".public") }
        #expect(beside == [])
        let releases = try FileManager.default.contentsOfDirectory(atPath: root + "/public.releases")
        #expect(releases.count == 3, "the marker and two releases: \(releases.sorted())")
        print("\(kills) kills over a \(whole) s build: \(outcomes)")
    }
}
