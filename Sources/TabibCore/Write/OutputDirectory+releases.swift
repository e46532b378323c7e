import Foundation

/// The releases layout: the output is a symbolic link to a release folder (`OutputReleases`); a build
/// writes a whole new release beside the one in place and swaps the link in one `rename(2)`.
extension OutputDirectory {
    /// Where a releases build finds the releases, and what stands at the output when it starts.
    struct ReleasePlan: Sendable {
        let releases: OutputReleases
        /// How many releases to keep, the new one included.
        let keep: Int
        /// The release the output links to; nil when the output is missing or a plain folder.
        let current: Int?
        /// Whether the output is a plain folder, which the commit swaps for the link and keeps as the
        /// release before the new one.
        let converting: Bool
    }

    /// Checks what stands at the output and beside it for a releases build, and puts in order what
    /// builds cut short left. Fails when the output is a link tabib did not make, a file, or the
    /// releases folder is not tabib's.
    static func planRelease(_ releases: OutputReleases, keep: Int, notes: inout [Diagnostic]) throws(BuildFailure) -> ReleasePlan {
        let destination = releases.destination
        guard releases.isOurs else {
            throw BuildFailure(notes + [.error("output-releases-not-ours",
                "the folder \(releases.folder.path) exists and was not made by tabib (it has no \(OutputReleases.markerName) file); tabib keeps the releases of \(destination.path) there and will not write into it. Move that folder away, or choose another --output.")])
        }
        var info = stat()
        var current: Int?, converting = false
        if lstat(destination.path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: destination.path)) ?? "?"
                guard let number = releases.number(linkedBy: target) else {
                    throw BuildFailure(notes + [.error("output-link-not-ours",
                        "the output \(destination.path) is a link to \(target), which is not a release tabib made in \(releases.folder.path); tabib swaps only a link to one of its releases. Remove the link (what it points to is left alone) and build again, or choose another --output.")])
                }
                current = number
            case S_IFDIR:
                converting = true
            default:
                throw BuildFailure(notes + [.error("output-not-folder", "the output \(destination.path) is a file, not a folder or a link to a release; choose another --output or move the file away.")])
            }
        } else if errno != ENOENT {
            throw BuildFailure(notes + [.error("output-unwritable", "tabib cannot look at the output \(destination.path) (\(String(cString: strerror(errno)))); check the permissions of its folder.")])
        }
        notes += releases.cleanUpLeftovers(current: current)
        return ReleasePlan(releases: releases, keep: max(keep, 1), current: current, converting: converting)
    }

    /// For a build without releases: an error when the output is a link to one of tabib's releases,
    /// which only a releases build may swap (a plain build would write into the release in place, and
    /// so into the site a web server is serving as a whole).
    static func releaseLinkProblem(_ destination: URL) -> Diagnostic? {
        let releases = OutputReleases(destination: destination)
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: destination.path),
              releases.number(linkedBy: target) != nil else { return nil }
        return .error("output-is-release-link",
            "the output \(destination.path) is a link to \(target), a release made by tabib build --releases; build with --releases to make the next release and swap the link, or remove the link to go back to a plain output folder (the releases stay in \(releases.folder.path) until you remove them).")
    }

    /// Carries the user's files over into the new release, names it by the next number, and swaps the
    /// output's link to it in one rename (a plain output folder is exchanged for the link and becomes
    /// the release before it); then removes the releases beyond `keep`. Nothing a reader of the output
    /// sees changes before the swap, and everything has after it.
    func commitRelease(_ plan: ReleasePlan, produced: Set<String>, manifest: Data) throws(BuildFailure) -> Changes {
        let releases = plan.releases
        do {
            try manifest.write(to: staging.appendingPathComponent(Self.manifestName))
        } catch {
            throw BuildFailure([.error("output-unwritable", "tabib could not write into \(staging.path) (\(error.localizedDescription)); check the disk. The output was not changed.")])
        }
        var removed = 0
        if let output { removed = try carryOver(from: URL(fileURLWithPath: output.path), produced: produced) }
        // Numbers only grow: after every release there is, and after the plain folder that becomes one.
        var number = releases.nextNumber()
        let converted = plan.converting ? number : nil
        if plan.converting { number += 1 }
        let release = releases.path(number)
        guard rename(staging.path, release) == 0 else {
            throw BuildFailure([.error("output-unwritable", "tabib could not name the new release \(release) (\(String(cString: strerror(errno)))); check that \(releases.folder.path) is writable. The output was not changed.")])
        }
        let link = OutputReleases.temporaryLink(of: destination, pid: getpid())
        unlink(link.path)
        guard symlink(releases.linkText(number), link.path) == 0 else {
            throw BuildFailure([.error("output-unwritable", "tabib could not make a link beside \(destination.path) (\(String(cString: strerror(errno)))); check that its folder is writable and its disk allows symbolic links. The output was not changed; the next build removes the unused release \(release).")])
        }
        if let converted {
            if let problem = FileBytes.exchange(link.path, destination.path) {
                unlink(link.path)
                throw BuildFailure([.error("output-unwritable", "tabib could not put the link to the new release in place of the folder \(destination.path) (\(problem)); check that its folder is writable. The output was not changed; the next build removes the unused release \(release).")])
            }
            // The link's name now holds the previous output folder: it becomes a release (or, if this is
            // cut short, the next build makes it one).
            if rename(link.path, releases.path(converted)) != 0 {
                state.withLock { $0.commitNotes.append(.warning("output-release-recovered", "the previous output folder could not be moved into \(releases.folder.path) (\(String(cString: strerror(errno)))); it is at \(link.path), and the next build moves it there.")) }
            }
        } else {
            guard rename(link.path, destination.path) == 0 else {
                let problem = String(cString: strerror(errno))
                unlink(link.path)
                throw BuildFailure([.error("output-unwritable", "tabib could not swap the link \(destination.path) to the new release (\(problem)); check that its folder is writable. The output was not changed; the next build removes the unused release \(release).")])
            }
        }
        // Kept: the new release, the one it replaced (to roll back to), then the newest others.
        var kept: [Int] = []
        for candidate in [number, plan.current ?? converted].compactMap({ $0 }) + releases.numbers().reversed()
        where kept.count < plan.keep && !kept.contains(candidate) {
            kept.append(candidate)
        }
        let start = ContinuousClock.now
        let warnings = releases.prune(keeping: Set(kept))
        let pruning = ContinuousClock.now - start
        state.withLock {
            $0.commitNotes += warnings
            $0.pruningTime = pruning
        }
        let linked = state.withLock { $0.linked.count }
        return Changes(written: produced.count - linked, removed: removed, release: release)
    }
}
