import Foundation

/// Writes a build into an output folder so that a failed or interrupted build leaves the previous
/// output exactly as it was, and never touches a folder that tabib did not create (tabib's folders
/// carry a marker file).
///
/// Two ways, chosen when the build starts:
/// - **New output** (the folder is missing or holds nothing but tabib's own files): the whole site is
///   written into a staging folder beside it, which is renamed into place on success.
/// - **Updating an output** an earlier build wrote: a page whose bytes are already there is left alone
///   (same file, same modification time: a deploy that syncs by time uploads only what changed); a
///   changed page is appended to one pack file in the staging folder and, on success, written over the
///   old file in place; files the earlier build wrote (listed in its manifest) that this build no
///   longer makes are removed; any other file in the folder is left alone. Creating, renaming over and
///   deleting tens of thousands of files on every build is what made large rebuilds slow: on ext4,
///   freeing blocks that are on the disk waits for the device when it is mounted with `discard` (about
///   a millisecond a file here), and files deleted in the last minutes make creating files slow.
///
/// An update's commit writes a journal first; an interrupted commit is finished by the next build
/// before it starts (`cleanUpLeftovers`), so the output never stays half old and half new. A file in
/// the output that tabib did not write survives a new output too.
public final class OutputDirectory: OutputSink, @unchecked Sendable {
    public static let markerName = ".tabib-output"
    static let markerText = "This folder is written by tabib build. Each build updates the files it wrote (listed in .tabib-files) and leaves other files alone.\n"
    /// The files the last build wrote, one path per line, relative to the output.
    public static let manifestName = ".tabib-files"
    /// In a staging folder: the writes and removals of a commit that has begun.
    static let journalName = ".tabib-commit"
    /// In a staging folder: the new bytes of every changed file, one after the other.
    static let packName = "pages.pack"

    public let destination: URL
    public let staging: URL
    /// Whether this build updates an earlier build's output in place rather than writing a new one.
    public let updating: Bool

    private let lock = NSLock()
    /// Folders under the staging folder that exist already (new output only): the staging folder is
    /// new, so every one of them was made by this object, and need not be made again for the next page.
    private var folders: Set<String> = [""]
    /// Every file this build wrote, whether it changed or not.
    private(set) var produced: Set<String> = []
    /// Updating: output path → where its new bytes are in the pack file.
    private(set) var staged: [String: (offset: Int, count: Int)] = [:]
    private var packSize = 0
    /// Updating: the pack file, open for writing until the commit; -1 when not updating or closed.
    private var pack: Int32
    /// The files the earlier build wrote, from its manifest (or every file, when it left none).
    let previous: Set<String>
    /// Whether the earlier build left a manifest, so that files outside it are not tabib's.
    let previousHasManifest: Bool

    /// What a commit changed in the output folder.
    public struct Changes: Sendable, Equatable {
        /// Files written anew or replaced, and files removed because the build no longer makes them.
        public var written: Int
        public var removed: Int
    }

    /// Checks that `destination` is missing, empty or tabib's own, finishes a commit an interrupted
    /// build left, and creates the staging folder. `updating: false` writes a new output even over an
    /// earlier one (a build that prints PDFs needs the whole site in one folder).
    public init(destination: URL, updating allowUpdate: Bool = true) throws(BuildFailure) {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let name = self.destination.lastPathComponent
        self.staging = parent.appendingPathComponent(".\(name).tabib-staging-\(ProcessInfo.processInfo.processIdentifier)")
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        var contents: [String] = []
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([.error("output-unwritable", "tabib cannot write next to \(self.destination.path) (\(error.localizedDescription)); check that the folder is writable.")])
        }
        if let failure = Self.cleanUpLeftovers(in: parent, for: name) {
            throw BuildFailure([.error("output-unwritable",
                "an earlier build was interrupted while putting its site in place at \(self.destination.path), and tabib cannot finish it (\(failure)); fix that and build again.")])
        }
        if fm.fileExists(atPath: self.destination.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw BuildFailure([.error("output-not-folder", "the output \(self.destination.path) is a file, not a folder; choose another --output or move the file away.")])
            }
            contents = (try? fm.contentsOfDirectory(atPath: self.destination.path)) ?? []
            if !contents.isEmpty, !fm.fileExists(atPath: self.destination.appendingPathComponent(Self.markerName).path) {
                throw BuildFailure([.error("output-not-ours",
                    "the output folder \(self.destination.path) exists and was not created by tabib (it has no \(Self.markerName) file); tabib will not replace it. Choose another --output, or empty or remove that folder yourself.")])
            }
        }
        let earlierBuild = contents.contains { $0 != Self.markerName && $0 != Self.manifestName }
        updating = allowUpdate && earlierBuild
        let earlier = earlierBuild ? Self.previousFiles(in: self.destination) : (files: [], fromManifest: false)
        previous = earlier.files
        previousHasManifest = earlier.fromManifest
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerName))
            if updating {
                let path = staging.appendingPathComponent(Self.packName).path
                pack = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
                guard pack >= 0 else { throw FileBytes.error(path, errno) }
            } else {
                pack = -1
            }
        } catch {
            throw BuildFailure([.error("output-unwritable", "tabib cannot write next to \(self.destination.path) (\(error.localizedDescription)); check that the folder is writable.")])
        }
    }

    /// The files an earlier build wrote into `folder`: its manifest, or, for an output written before
    /// tabib kept one (when every build replaced the whole folder), every file in it.
    static func previousFiles(in folder: URL) -> (files: Set<String>, fromManifest: Bool) {
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(manifestName).path) {
            return (Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)), true)
        }
        return (Set(FileBytes.files(in: folder).filter { $0 != markerName }), false)
    }

    public func write(_ file: OutputFile) throws {
        lock.withLock { _ = produced.insert(file.path) }
        if updating {
            if FileBytes.holds(destination.path + "/" + file.path, file.contents) { return }
            let offset = lock.withLock {
                let offset = packSize
                packSize += file.contents.count
                staged[file.path] = (offset, file.contents.count)
                return offset
            }
            if let code = file.contents.withUnsafeBytes({ FileBytes.write($0, to: pack, at: offset) }) {
                throw FileBytes.error(staging.path + "/" + Self.packName, code)
            }
        } else {
            let folder = file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? ""
            try makeFolder(folder)
            try FileBytes.create(staging.path + "/" + file.path, file.contents)
        }
    }

    /// Counts `paths`, written into the staging folder by someone else (the PDF printer), as this build's.
    public func adopt(_ paths: [String]) {
        lock.withLock { produced.formUnion(paths) }
    }

    /// Makes `folder` (relative to the staging folder) and its parents, unless they were made before.
    private func makeFolder(_ folder: String) throws {
        if lock.withLock({ folders.contains(folder) }) { return }
        if let slash = folder.lastIndex(of: "/") { try makeFolder(String(folder[..<slash])) }
        let path = staging.path + "/" + folder
        if mkdir(path, 0o777) != 0 {
            // Made by another page at the same moment, or a real error: FileManager tells which, and says it as before.
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        _ = lock.withLock { folders.insert(folder) }
    }

    /// Closes the pack file: no page is written after the commit begins.
    func closePack() {
        lock.withLock {
            if pack >= 0 { close(pack) }
            pack = -1
        }
    }

    deinit { if pack >= 0 { close(pack) } }

    /// Throws the staging folder away; the destination is untouched.
    public func discard() {
        closePack()
        try? FileManager.default.removeItem(at: staging)
    }
}
