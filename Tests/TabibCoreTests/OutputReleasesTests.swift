import Foundation
import Testing
@testable import TabibCore

/// The releases layout: the output is a link to a release folder; a build writes a new release
/// (unchanged files hard-linked to the release in place) and swaps the link in one rename.
@Suite struct OutputReleasesTests {
    /// Writes `files` as one releases build and commits it.
    @discardableResult
    static func build(_ files: [String: String], into destination: URL, keep: Int = 2) throws -> (OutputDirectory, OutputDirectory.Changes) {
        let output = try OutputDirectory(destination: destination, layout: .releases(keep: keep))
        do {
            for (path, text) in files.sorted(by: { $0.key < $1.key }) { try output.write(OutputFile(path: path, text: text)) }
            return (output, try output.commit())
        } catch {
            output.discard()
            throw error
        }
    }

    static func releases(_ destination: URL) -> URL {
        destination.deletingLastPathComponent().appendingPathComponent("public.releases")
    }

    static func release(_ destination: URL, _ number: Int) -> URL {
        releases(destination).appendingPathComponent("\(number)")
    }

    /// The releases' folder names, and what else the releases folder holds.
    static func listing(_ destination: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: releases(destination).path).sorted()
    }

    static func link(_ destination: URL) throws -> String {
        try FileManager.default.destinationOfSymbolicLink(atPath: destination.path)
    }

    /// A release's files with tabib's marker and manifest.
    static func expected(_ files: [String: String], tabibs: [String]? = nil) -> [String: [UInt8]] {
        var expected = files.mapValues { Array($0.utf8) }
        expected[OutputDirectory.markerName] = Array(OutputDirectory.markerText.utf8)
        expected[OutputDirectory.manifestName] = Array(((tabibs ?? files.keys.sorted()).map { $0 + "\n" }.joined()).utf8)
        return expected
    }

    static func failure(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let failure as BuildFailure {
            return failure.description
        } catch {
            return "\(error)"
        }
    }

    @Test func firstBuildMakesReleaseOneAndLinksTheOutputToIt() throws {
        let destination = OutputDirectoryTests.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        let files = ["index.html": "home", "id/artikel/a/index.html": "a"]
        let (_, changes) = try Self.build(files, into: destination)
        #expect(changes == .init(written: 2, removed: 0, release: Self.release(destination, 1).path))
        #expect(try Self.link(destination) == "public.releases/1")
        #expect(try Self.listing(destination) == [OutputReleases.markerName, "1"])
        #expect(TestSite.files(in: Self.release(destination, 1)) == Self.expected(files))
        #expect(try String(contentsOf: destination.appendingPathComponent("index.html"), encoding: .utf8) == "home")
        let beside = try FileManager.default.contentsOfDirectory(atPath: destination.deletingLastPathComponent().path).sorted()
        #expect(beside == ["public", "public.releases"])
    }

    @Test func rebuildHardLinksUnchangedFilesAndLeavesThePreviousReleaseItsOldBytes() throws {
        let destination = OutputDirectoryTests.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Self.build(["index.html": "home", "a.html": "a", "b.html": "b"], into: destination)
        let (_, changes) = try Self.build(["index.html": "home", "a.html": "a, edited", "b.html": "b"], into: destination)
        #expect(changes == .init(written: 1, removed: 0, release: Self.release(destination, 2).path))
        #expect(try Self.link(destination) == "public.releases/2")
        let (first, second) = (Self.release(destination, 1), Self.release(destination, 2))
        for unchanged in ["index.html", "b.html"] {
            #expect(try OutputDirectoryTests.stamp(first.appendingPathComponent(unchanged)).inode
                    == OutputDirectoryTests.stamp(second.appendingPathComponent(unchanged)).inode, "\(unchanged) is one file in both releases")
        }
        #expect(try OutputDirectoryTests.stamp(first.appendingPathComponent("a.html")).inode
                != OutputDirectoryTests.stamp(second.appendingPathComponent("a.html")).inode)
        #expect(TestSite.files(in: first) == Self.expected(["index.html": "home", "a.html": "a", "b.html": "b"]))
        #expect(TestSite.files(in: second) == Self.expected(["index.html": "home", "a.html": "a, edited", "b.html": "b"]))
    }

    @Test func fileWrittenTwiceInOneBuildNeverWritesIntoThePreviousRelease() throws {
        let destination = OutputDirectoryTests.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Self.build(["index.html": "home"], into: destination)
        let output = try OutputDirectory(destination: destination, layout: .releases(keep: 2))
        try output.write(OutputFile(path: "index.html", text: "home"))  // linked to release 1's file
        try output.write(OutputFile(path: "index.html", text: "home, again"))
        try output.commit()
        #expect(try String(contentsOf: Self.release(destination, 1).appendingPathComponent("index.html"), encoding: .utf8) == "home")
        #expect(try String(contentsOf: destination.appendingPathComponent("index.html"), encoding: .utf8) == "home, again")
    }

    @Test func filesTabibDidNotWriteAreCarriedIntoTheNewReleaseAndFilesItNoLongerMakesAreNot() throws {
        let destination = OutputDirectoryTests.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Self.build(["index.html": "home", "old.html": "old"], into: destination)
        try FileManager.default.createDirectory(at: destination.appendingPathComponent("downloads"), withIntermediateDirectories: true)
        try Data("the user's".utf8).write(to: destination.appendingPathComponent("downloads/leaflet.txt"))
        try Data("google-site-verification".utf8).write(to: destination.appendingPathComponent("google123.html"))
        let (_, changes) = try Self.build(["index.html": "home"], into: destination)
        #expect(changes == .init(written: 0, removed: 1, release: Self.release(destination, 2).path))
        var files = Self.expected(["index.html": "home", "downloads/leaflet.txt": "the user's", "google123.html": "google-site-verification"], tabibs: ["index.html"])
        #expect(TestSite.files(in: Self.release(destination, 2)) == files)
        #expect(try OutputDirectoryTests.stamp(Self.release(destination, 1).appendingPathComponent("downloads/leaflet.txt")).inode
                == OutputDirectoryTests.stamp(Self.release(destination, 2).appendingPathComponent("downloads/leaflet.txt")).inode)
        // The previous release is left whole for rollback.
        files = Self.expected(["index.html": "home", "old.html": "old", "downloads/leaflet.txt": "the user's", "google123.html": "google-site-verification"],
                              tabibs: ["index.html", "old.html"])
        #expect(TestSite.files(in: Self.release(destination, 1)) == files)
    }

    @Test func releasesBeyondKeepAreRemovedButNothingTabibCannotProveItMade() throws {
        let destination = OutputDirectoryTests.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Self.build(["index.html": "home 1"], into: destination)
        try Data("the user's".utf8).write(to: destination.appendingPathComponent("mine.txt"))
        // Beside the releases: a folder named like one without tabib's marker, other names, a link.
        let releases = Self.releases(destination)
        for folder in ["7", "07", "backup"] {
            try FileManager.default.createDirectory(at: releases.appendingPathComponent(folder), withIntermediateDirectories: true)
            try Data("kept".utf8).write(to: releases.appendingPathComponent("\(folder)/\(OutputDirectory.manifestName)"))
        }
        try FileManager.default.createSymbolicLink(atPath: releases.appendingPathComponent("8").path, withDestinationPath: "1")
        for version in 2...4 { try Self.build(["index.html": "home \(version)"], into: destination) }
        // A new release takes no name that is there: 7 and 8 are not releases, and are passed over.
        #expect(try Self.listing(destination) == [OutputReleases.markerName, "07", "10", "11", "7", "8", "backup"])
        #expect(try Self.link(destination) == "public.releases/11")
        #expect(try String(contentsOf: destination.appendingPathComponent("mine.txt"), encoding: .utf8) == "the user's")
        try Self.build(["index.html": "home 5"], into: destination, keep: 1)
        #expect(try Self.listing(destination) == [OutputReleases.markerName, "07", "12", "7", "8", "backup"])
        try Self.build(["index.html": "home 6"], into: destination, keep: 3)
        try Self.build(["index.html": "home 7"], into: destination, keep: 3)
        try Self.build(["index.html": "home 8"], into: destination, keep: 3)
        #expect(try Self.listing(destination) == [OutputReleases.markerName, "07", "13", "14", "15", "7", "8", "backup"])
        #expect(try String(contentsOf: releases.appendingPathComponent("7/\(OutputDirectory.manifestName)"), encoding: .utf8) == "kept")
    }

    @Test func oldReleaseHoldingAFileOnlyItHasIsKeptWithAWarning() throws {
        let destination = OutputDirectoryTests.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Self.build(["index.html": "home 1"], into: destination)
        try Self.build(["index.html": "home 2"], into: destination)
        // Written into release 1 after it stopped being the one in place: no newer release has it.
        try Data("late".utf8).write(to: Self.release(destination, 1).appendingPathComponent("late.txt"))
        let (output, _) = try Self.build(["index.html": "home 3"], into: destination)
        let release = Self.release(destination, 1).path
        #expect(output.notes.map(\.description) == [
            "warning: the old release \(release) was kept: it holds a file that tabib did not write and no newer release has (late.txt); move it away if you need it, then the next build removes the release.",
        ])
        #expect(TestSite.files(in: Self.release(destination, 1)) == Self.expected(["late.txt": "late"], tabibs: ["index.html"]))
        try FileManager.default.removeItem(atPath: release + "/late.txt")
        let (next, _) = try Self.build(["index.html": "home 4"], into: destination)
        #expect(next.notes == [])
        #expect(try Self.listing(destination) == [OutputReleases.markerName, "3", "4"])
    }

    @Test func plainOutputFolderBecomesTheReleaseBeforeTheNewOne() throws {
        let destination = OutputDirectoryTests.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try OutputDirectoryTests.build(["index.html": "home", "a.html": "a"], into: destination)
        try Data("the user's".utf8).write(to: destination.appendingPathComponent("mine.txt"))
        let (_, changes) = try Self.build(["index.html": "home, edited", "a.html": "a"], into: destination)
        #expect(changes == .init(written: 1, removed: 0, release: Self.release(destination, 2).path))
        #expect(try Self.link(destination) == "public.releases/2")
        #expect(try Self.listing(destination) == [OutputReleases.markerName, "1", "2"])
        #expect(TestSite.files(in: Self.release(destination, 1)) == Self.expected(["index.html": "home", "a.html": "a", "mine.txt": "the user's"], tabibs: ["a.html", "index.html"]))
        #expect(TestSite.files(in: Self.release(destination, 2)) == Self.expected(["index.html": "home, edited", "a.html": "a", "mine.txt": "the user's"], tabibs: ["a.html", "index.html"]))
        let beside = try FileManager.default.contentsOfDirectory(atPath: destination.deletingLastPathComponent().path).sorted()
        #expect(beside == ["public", "public.releases"])
    }

    @Test func outputsTabibDidNotMakeAreRefusedAndLeftAsTheyWere() throws {
        let parent = OutputDirectoryTests.folder().deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let fm = FileManager.default
        // A folder of the user's.
        let folder = parent.appendingPathComponent("public")
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("index.html"))
        #expect(Self.failure { try Self.build(["index.html": "home"], into: folder) } == """
        error: the output folder \(folder.path) exists and was not created by tabib (it has no .tabib-output file); tabib will not replace it. Choose another --output, or empty or remove that folder yourself.
        """)
        #expect(TestSite.files(in: folder) == ["index.html": Array("mine".utf8)])
        // A link to somewhere else.
        let site = parent.appendingPathComponent("site")
        try fm.createSymbolicLink(atPath: site.path, withDestinationPath: "public")
        #expect(Self.failure { try Self.build(["index.html": "home"], into: site) } == """
        error: the output \(site.path) is a link to public, which is not a release tabib made in \(parent.path)/site.releases; tabib swaps only a link to one of its releases. Remove the link (what it points to is left alone) and build again, or choose another --output.
        """)
        #expect(try fm.destinationOfSymbolicLink(atPath: site.path) == "public")
        // A releases folder of someone else's.
        let other = parent.appendingPathComponent("other")
        try fm.createDirectory(at: parent.appendingPathComponent("other.releases/1"), withIntermediateDirectories: true)
        #expect(Self.failure { try Self.build(["index.html": "home"], into: other) } == """
        error: the folder \(parent.path)/other.releases exists and was not made by tabib (it has no .tabib-releases file); tabib keeps the releases of \(other.path) there and will not write into it. Move that folder away, or choose another --output.
        """)
        // A file.
        let file = parent.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        #expect(Self.failure { try Self.build(["index.html": "home"], into: file) } == """
        error: the output \(file.path) is a file, not a folder or a link to a release; choose another --output or move the file away.
        """)
        #expect(try fm.contentsOfDirectory(atPath: parent.path).sorted() == ["file", "other", "other.releases", "public", "site"].filter { $0 != "other" })
    }

    @Test func plainBuildIntoALinkToAReleaseIsRefused() throws {
        let destination = OutputDirectoryTests.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Self.build(["index.html": "home"], into: destination)
        let before = TestSite.files(in: Self.release(destination, 1))
        #expect(Self.failure { try OutputDirectoryTests.build(["index.html": "home, edited"], into: destination) } == """
        error: the output \(destination.path) is a link to public.releases/1, a release made by tabib build --releases; build with --releases to make the next release and swap the link, or remove the link to go back to a plain output folder (the releases stay in \(Self.releases(destination).path) until you remove them).
        """)
        #expect(Self.failure { _ = try OutputDirectory(destination: destination, updating: false) } != nil)
        #expect(TestSite.files(in: Self.release(destination, 1)) == before)
        #expect(try Self.link(destination) == "public.releases/1")
    }

    @Test func fileOfTheUsersWhereTheNewSiteWritesOneFailsTheCommitAndChangesNothing() throws {
        let destination = OutputDirectoryTests.folder()
        defer { try? FileManager.default.removeItem(at: destination.deletingLastPathComponent()) }
        try Self.build(["index.html": "home"], into: destination)
        try Data("the user's".utf8).write(to: destination.appendingPathComponent("new.html"))
        #expect(Self.failure { try Self.build(["index.html": "home", "new.html": "tabib's"], into: destination) } == """
        error: the output folder \(destination.path) has a file new.html that tabib did not write where the new site writes one; tabib will not overwrite it; move it away and build again. The output was not changed.
        """)
        #expect(try Self.link(destination) == "public.releases/1")
        #expect(try Self.listing(destination) == [OutputReleases.markerName, "1"])
    }

    @Test func whatABuildCutShortLeftIsPutInOrderByTheNext() throws {
        let destination = OutputDirectoryTests.folder()
        let parent = destination.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let fm = FileManager.default
        try OutputDirectoryTests.build(["index.html": "home 0"], into: destination)
        let dead = try OutputDirectoryTests.deadProcess()
        // Killed after exchanging the plain folder for the link, before moving the folder into the releases.
        try Self.build(["index.html": "home 1"], into: destination)
        let aside = OutputReleases.temporaryLink(of: destination, pid: dead)
        try fm.moveItem(at: Self.release(destination, 1), to: aside)
        // Killed while writing release 3, and after naming release 4 but before swapping the link.
        let staging = Self.releases(destination).appendingPathComponent(OutputReleases.stagingPrefix + "\(dead)")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data(OutputDirectory.markerText.utf8).write(to: staging.appendingPathComponent(OutputDirectory.markerName))
        try fm.copyItem(at: Self.release(destination, 2), to: Self.release(destination, 4))
        let (output, _) = try Self.build(["index.html": "home 5"], into: destination)
        #expect(output.notes.map(\.description) == [
            "warning: an earlier build was cut short while turning the output folder \(destination.path) into a link to releases; the folder it replaced is now the release \(Self.release(destination, 1).path).",
        ])
        #expect(try Self.listing(destination) == [OutputReleases.markerName, "2", "5"])
        #expect(try fm.contentsOfDirectory(atPath: parent.path).sorted() == ["public", "public.releases"])
        #expect(try String(contentsOf: destination.appendingPathComponent("index.html"), encoding: .utf8) == "home 5")
        // A temporary link left by a build killed just before its rename.
        try fm.createSymbolicLink(atPath: aside.path, withDestinationPath: "public.releases/5")
        try Self.build(["index.html": "home 6"], into: destination)
        #expect(try fm.contentsOfDirectory(atPath: parent.path).sorted() == ["public", "public.releases"])
    }
}
