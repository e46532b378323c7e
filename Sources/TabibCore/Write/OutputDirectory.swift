import Foundation
import Synchronization

/// Writes a build into an output folder so that a failed or interrupted build leaves the previous
/// output exactly as it was, every file in the output is whole at every instant, and nothing that
/// tabib did not write is replaced or removed.
///
/// - One build at a time: a lock beside the output (`OutputLock`), taken before anything else.
/// - Only tabib's files: the folder must be missing, empty or carry tabib's marker file; the files the
///   last build wrote are listed in its manifest (`OutputManifest`, read as untrusted text); a file not
///   listed is the user's, and is never replaced or removed (without a manifest, no file is tabib's).
///   Paths are followed one name at a time, never through a link (`ConfinedFolder`).
/// - Three ways, chosen when the build starts:
///   - **New output** (the folder is missing or holds nothing but tabib's own files, or a PDF build):
///     the whole site is written into a staging folder beside it, which then takes the output's place
///     in one rename (the user's files are carried over as hard links).
///   - **Updating an output** an earlier build wrote: a page whose bytes are already there is left
///     alone (same file, same modification time: a deploy that syncs by time uploads only what
///     changed); a changed page is written to a file in the staging folder, and on success renamed
///     over the old one, so a reader sees the old page or the new one, never part of either; files the
///     earlier build wrote that this build no longer makes are removed.
///   - **Releases** (`Layout.releases`, opt-in): the output is a link to a release folder beside it
///     (`public.releases/7`); the build writes a whole new release (unchanged files are hard links to
///     the current release's, changed ones new files, never written in place) and swaps the link in one
///     rename, so a reader sees the whole old site or the whole new one (`OutputDirectory+releases`).
///
/// An update's commit writes a journal first (`CommitJournal`): a commit that is cut short (killed, or
/// stopped by an error such as a read-only file) is finished by the next build before it starts.
public final class OutputDirectory: OutputSink, Sendable {
    public static let markerName = ".tabib-output"
    static let markerText = "This folder is written by tabib build. Each build updates the files it wrote (listed in .tabib-files) and leaves other files alone.\n"
    /// The files the last build wrote, one path per line, relative to the output.
    public static let manifestName = ".tabib-files"
    /// In a staging folder: the removals and renames of a commit that has begun.
    static let journalName = ".tabib-commit"
    /// In an update's staging folder: the new bytes of every changed file, one file each, by number.
    static let stagedFiles = "files"

    /// How the output holds the site.
    public enum Layout: Sendable, Equatable {
        /// A folder, updated file by file: each file is whole at every instant, the site as a whole is not.
        case folder
        /// A link to one of the release folders beside it, swapped to a new release in one rename;
        /// `keep` releases are kept, the one in place included (at least 1; 2 keeps one to roll back to).
        case releases(keep: Int)
    }

    public let destination: URL
    public let staging: URL
    /// In the releases layout: where the releases are, and which is in place.
    let releases: ReleasePlan?
    /// Whether this build updates an earlier build's output in place rather than writing a new one.
    public let updating: Bool
    /// The files the earlier build wrote, from its manifest (none when it left none).
    let previous: Set<String>
    /// Whether the earlier build left a manifest.
    let previousHasManifest: Bool
    /// Warnings about the output for the build's report: a lock taken over, an earlier build's update
    /// finished, an old release kept.
    public var notes: [Diagnostic] { startNotes + state.withLock { $0.commitNotes } }
    private let startNotes: [Diagnostic]
    /// Releases: how long the commit spent removing old releases (nil in the folder layout).
    public var pruningTime: Duration? { state.withLock { $0.pruningTime } }
    /// The output, opened once it exists.
    let output: ConfinedFolder?
    private let lock: OutputLock

    struct State {
        /// Folders under the staging folder that exist already (new output only): the staging folder is
        /// new, so every one of them was made by this object, and need not be made again for the next page.
        var folders: Set<String> = [""]
        /// Every file this build wrote, whether it changed or not.
        var produced: Set<String> = []
        /// Updating: output path → the number of its staged file.
        var staged: [String: Int] = [:]
        /// Whether the commit's journal was written: from then on the staging folder is kept until the
        /// commit is done, by this build or the next.
        var journalWritten = false
        /// What a commit that failed changed in the output (`BuildFailure.outputChange`).
        var outcome: String?
        /// Releases: the files that are hard links to the release in place, not written anew.
        var linked: Set<String> = []
        /// Warnings of the commit (an old release kept).
        var commitNotes: [Diagnostic] = []
        /// Releases: how long removing the old releases took, within the commit.
        var pruningTime: Duration?
    }
    let state = Mutex(State())

    /// What a commit changed in the output folder.
    public struct Changes: Sendable, Equatable {
        /// Files written anew or replaced, and files removed because the build no longer makes them.
        public var written: Int
        public var removed: Int
        /// Whether the whole output was written anew (a new output) rather than updated.
        public var anew = false
        /// Releases: the release the output now links to.
        public var release: String?
    }

    /// Locks the output, finishes a commit an interrupted build left, checks that `destination` is
    /// missing, empty or tabib's own with a valid manifest, and creates the staging folder.
    /// `updating: false` writes a new output even over an earlier one (a build that prints PDFs needs
    /// the whole site in one folder); a release always holds the whole site.
    public init(destination: URL, updating allowUpdate: Bool = true, layout: Layout = .folder) throws(BuildFailure) {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let name = self.destination.lastPathComponent
        let releases: OutputReleases? = if case .releases = layout { OutputReleases(destination: self.destination) } else { nil }
        self.staging = releases.map { $0.folder.appendingPathComponent(OutputReleases.stagingPrefix + "\(getpid())") }
            ?? parent.appendingPathComponent(".\(name).tabib-staging-\(getpid())")
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([.error("output-unwritable", "tabib cannot write next to \(self.destination.path) (\(error.localizedDescription)); check that the folder is writable.")])
        }
        var notes: [Diagnostic] = []
        lock = try OutputLock(for: self.destination, notes: &notes)
        let leftovers = Self.cleanUpLeftovers(in: parent, for: name)
        if !leftovers.errors.isEmpty {
            throw BuildFailure(notes + leftovers.errors, outputChange: leftovers.finished.map { "was partly updated by finishing an interrupted build (\($0)), and nothing of this build was written" })
        }
        if let finished = leftovers.finished {
            notes.append(.warning("output-commit-finished", "an earlier build was cut short while updating \(self.destination.path); this build finished its update first (\(finished))."))
        }
        // The folder holding the previous build's files: the output, or the release it links to.
        var previousFolder: URL? = self.destination
        if let releases, case .releases(let keep) = layout {
            let plan = try Self.planRelease(releases, keep: keep, notes: &notes)
            self.releases = plan
            previousFolder = plan.current.map { URL(fileURLWithPath: releases.path($0)) } ?? (plan.converting ? self.destination : nil)
        } else {
            self.releases = nil
            if let problem = Self.releaseLinkProblem(self.destination) { throw BuildFailure(notes + [problem]) }
        }
        var isDirectory: ObjCBool = false
        var contents: [String] = []
        var manifest: (paths: Set<String>?, diagnostics: [Diagnostic]) = (nil, [])
        let exists = previousFolder.map { fm.fileExists(atPath: $0.path, isDirectory: &isDirectory) } ?? false
        if let previousFolder, exists {
            guard isDirectory.boolValue else {
                throw BuildFailure(notes + [.error("output-not-folder", "the output \(self.destination.path) is a file, not a folder; choose another --output or move the file away.")])
            }
            contents = (try? fm.contentsOfDirectory(atPath: previousFolder.path)) ?? []
            if !contents.isEmpty, !fm.fileExists(atPath: previousFolder.appendingPathComponent(Self.markerName).path) {
                throw BuildFailure(notes + [.error("output-not-ours",
                    "the output folder \(self.destination.path) exists and was not created by tabib (it has no \(Self.markerName) file); tabib will not replace it. Choose another --output, or empty or remove that folder yourself.")])
            }
            manifest = OutputManifest.read(previousFolder.appendingPathComponent(Self.manifestName))
            if !manifest.diagnostics.isEmpty { throw BuildFailure(notes + manifest.diagnostics) }
        }
        let earlierBuild = contents.contains { $0 != Self.markerName && $0 != Self.manifestName }
        updating = self.releases == nil && allowUpdate && earlierBuild
        previous = manifest.paths ?? []
        previousHasManifest = manifest.paths != nil
        do {
            output = exists ? try ConfinedFolder(previousFolder!.path) : nil
        } catch {
            throw BuildFailure(notes + [.error("output-unwritable", "tabib cannot open the output \(error.description); check its permissions.")])
        }
        do {
            if let releases { try releases.create() }
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerName))
            if updating { try fm.createDirectory(at: staging.appendingPathComponent(Self.stagedFiles), withIntermediateDirectories: false) }
        } catch {
            try? fm.removeItem(at: staging)
            throw BuildFailure(notes + [.error("output-unwritable", "tabib cannot write next to \(self.destination.path) (\(error.localizedDescription)); check that the folder is writable.")])
        }
        startNotes = notes
    }

    /// A path the renderer made that is not a plain path inside the output: never written.
    struct UnsafePath: LocalizedError {
        var problem: String
        var errorDescription: String? { problem }
    }

    public func write(_ file: OutputFile) throws {
        if let problem = OutputManifest.problem(with: file.path[...]) { throw UnsafePath(problem: problem) }
        state.withLock { _ = $0.produced.insert(file.path) }
        if releases != nil {
            // Never written in place: a hard link shares its bytes with the release in place.
            let folder = file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? ""
            try makeFolder(folder)
            let target = staging.path + "/" + file.path
            if output?.link(file.path, holding: file.contents, to: target) == true {
                state.withLock { _ = $0.linked.insert(file.path) }
                return
            }
            state.withLock { _ = $0.linked.remove(file.path) }
            try FileBytes.createNew(target, file.contents)
        } else if updating {
            if output?.holds(file.path, file.contents) == true { return }
            let number = state.withLock { state in
                let number = state.staged.count
                state.staged[file.path] = number
                return number
            }
            try FileBytes.create("\(staging.path)/\(Self.stagedFiles)/\(number)", file.contents)
        } else {
            let folder = file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? ""
            try makeFolder(folder)
            try FileBytes.create(staging.path + "/" + file.path, file.contents)
        }
    }

    /// Counts `paths`, written into the staging folder by someone else (the PDF printer), as this build's.
    public func adopt(_ paths: [String]) {
        state.withLock { $0.produced.formUnion(paths) }
    }

    /// Makes `folder` (relative to the staging folder) and its parents, unless they were made before.
    private func makeFolder(_ folder: String) throws {
        if state.withLock({ $0.folders.contains(folder) }) { return }
        if let slash = folder.lastIndex(of: "/") { try makeFolder(String(folder[..<slash])) }
        let path = staging.path + "/" + folder
        if mkdir(path, 0o777) != 0 {
            // Made by another page at the same moment, or a real error: FileManager tells which, and says it as before.
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        _ = state.withLock { $0.folders.insert(folder) }
    }

    /// Throws the staging folder away, unless a commit journal in it still has to be carried out (the
    /// next build does that); lets the lock go.
    public func discard() {
        if !state.withLock({ $0.journalWritten }) { try? FileManager.default.removeItem(at: staging) }
        lock.release()
    }

    /// `failure` with this output's notes, and what the failed build changed in the output.
    public func explain(_ failure: BuildFailure) -> BuildFailure {
        var explained = BuildFailure(failure.diagnostics + notes.filter { !failure.diagnostics.contains($0) })
        explained.outputChange = failure.outputChange ?? state.withLock { $0.outcome }
        return explained
    }
}
