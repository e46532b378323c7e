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
/// before it starts (`finishInterruptedCommits`), so the output never stays half old and half new.
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
    private var produced: Set<String> = []
    /// Updating: output path → where its new bytes are in the pack file.
    private var staged: [String: (offset: Int, count: Int)] = [:]
    private var packSize = 0
    /// Updating: the pack file, open for writing until the commit; -1 when not updating or closed.
    private var pack: Int32
    /// Updating: the files the earlier build wrote, from its manifest (or every file, when it left none).
    private let previous: Set<String>

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
        if let failure = Self.finishInterruptedCommits(in: parent, for: name) {
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
        updating = allowUpdate && contents.contains { $0 != Self.markerName && $0 != Self.manifestName }
        previous = updating ? Self.previousFiles(in: self.destination) : []
        do {
            Self.removeStaleStaging(in: parent, for: name)
            if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerName))
            if updating {
                let path = staging.appendingPathComponent(Self.packName).path
                pack = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
                guard pack >= 0 else { throw Self.writeError(path, errno) }
            } else {
                pack = -1
            }
        } catch {
            throw BuildFailure([.error("output-unwritable", "tabib cannot write next to \(self.destination.path) (\(error.localizedDescription)); check that the folder is writable.")])
        }
    }

    /// The files an earlier build wrote into `folder`: its manifest, or, for an output written before
    /// tabib kept one (when every build replaced the whole folder), every file in it.
    static func previousFiles(in folder: URL) -> Set<String> {
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(manifestName).path) {
            return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
        }
        var files: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            if enumerator?.fileAttributes?[.type] as? FileAttributeType != .typeDirectory, path != markerName { files.insert(path) }
        }
        return files
    }

    /// Staging folders left by an interrupted build: tabib's by name and marker.
    static func removeStaleStaging(in parent: URL, for name: String) {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(".\(name).tabib-staging-") {
            let url = parent.appendingPathComponent(entry)
            if let pid = Int32(entry.split(separator: "-").last ?? ""), pid != ProcessInfo.processInfo.processIdentifier, kill(pid, 0) == 0 { continue }
            // One with a journal holds a commit that could not be finished: the next build tries again.
            if fm.fileExists(atPath: url.appendingPathComponent(journalName).path) { continue }
            if fm.fileExists(atPath: url.appendingPathComponent(markerName).path) { try? fm.removeItem(at: url) }
        }
    }

    public func write(_ file: OutputFile) throws {
        lock.withLock { _ = produced.insert(file.path) }
        if updating {
            if Self.holds(destination.path + "/" + file.path, file.contents) { return }
            let offset = lock.withLock {
                let offset = packSize
                packSize += file.contents.count
                staged[file.path] = (offset, file.contents.count)
                return offset
            }
            try Self.write(file.contents, to: pack, at: offset, path: staging.path + "/" + Self.packName)
        } else {
            let folder = file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? ""
            try makeFolder(folder)
            try Self.writeBytes(file.contents, to: staging.path + "/" + file.path)
        }
    }

    /// Counts `paths`, written into the staging folder by someone else (the PDF printer), as this build's.
    public func adopt(_ paths: [String]) {
        lock.withLock { produced.formUnion(paths) }
    }

    /// Whether the regular file at `path` (not a link) holds exactly `bytes`.
    static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        let capacity = bytes.count + 1
        var existing = [UInt8](repeating: 0, count: capacity)
        var offset = 0
        while offset < capacity {
            let count = existing.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, capacity - offset) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            offset += count
        }
        // A file that grew since fstat reads past the expected size and differs.
        return offset == bytes.count && existing.withUnsafeBytes { a in bytes.withUnsafeBytes { b in memcmp(a.baseAddress!, b.baseAddress!, b.count) == 0 } }
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

    /// Open, write, close: `Data.write(to:)` also forces every file to the disk (fsync), which costs a
    /// build of thousands of pages seconds and buys nothing here, since the staging folder is only
    /// swapped in when the build is done.
    static func writeBytes(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw writeError(path, errno) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw writeError(path, errno)
            }
            offset += written
        }
    }

    /// Writes all of `bytes` at `offset` of the open file `fd` (`path` names it in errors).
    static func write(_ bytes: some Collection<UInt8>, to fd: Int32, at offset: Int, path: String) throws {
        try bytes.withContiguousStorageIfAvailable { buffer in
            var done = 0
            while done < buffer.count {
                let written = pwrite(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                if written < 0 {
                    if errno == EINTR { continue }
                    throw writeError(path, errno)
                }
                done += written
            }
        }
    }

    /// The error `Data.write(to:)` throws for the same `errno`.
    static func writeError(_ path: String, _ code: Int32) -> CocoaError {
        let kind: CocoaError.Code = switch code {
        case EACCES, EPERM: .fileWriteNoPermission
        case ENOSPC, EDQUOT: .fileWriteOutOfSpace
        case EROFS: .fileWriteVolumeReadOnly
        case ENAMETOOLONG: .fileWriteInvalidFileName
        default: .fileWriteUnknown
        }
        var info: [String: Any] = [NSFilePathErrorKey: path]
        if let posix = POSIXErrorCode(rawValue: code) { info[NSUnderlyingErrorKey] = POSIXError(posix) }
        return CocoaError(kind, userInfo: info)
    }

    /// Puts this build in place of the previous output, and says how many files that changed.
    @discardableResult
    public func commit() throws(BuildFailure) -> Changes {
        let manifest = Data((produced.sorted().joined(separator: "\n") + "\n").utf8)
        return updating ? try commitUpdate(manifest: manifest) : try commitNew(manifest: manifest)
    }

    private func commitNew(manifest: Data) throws(BuildFailure) -> Changes {
        let fm = FileManager.default
        let old = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).tabib-old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try manifest.write(to: staging.appendingPathComponent(Self.manifestName))
            if fm.fileExists(atPath: destination.path) {
                try fm.moveItem(at: destination, to: old)
                do {
                    try fm.moveItem(at: staging, to: destination)
                } catch {
                    try? fm.moveItem(at: old, to: destination)
                    throw error
                }
                try? fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: staging, to: destination)
            }
        } catch {
            throw BuildFailure([.error("output-unwritable", "tabib could not put the new site in place at \(destination.path) (\(error.localizedDescription)); the previous output is unchanged.")])
        }
        return Changes(written: produced.count, removed: 0)
    }

    /// Checks that every change can be made, writes the journal (from then on the commit is decided),
    /// and carries it out.
    private func commitUpdate(manifest: Data) throws(BuildFailure) -> Changes {
        let removed = previous.subtracting(produced).sorted()
        closePack()
        let writes = staged.sorted { $0.key < $1.key }
        if let conflict = Self.conflict(in: destination.path, writing: writes.map(\.key), removing: Set(removed)) {
            throw BuildFailure([.error("output-conflict",
                "the output folder \(destination.path) has \(conflict); move it away and build again. The previous output is unchanged.")])
        }
        // Removals first: a file the build no longer makes may stand where a new folder goes.
        var journal = ""
        for path in removed { journal += "remove\t\(path)\n" }
        for (path, place) in writes { journal += "write\t\(place.offset)\t\(place.count)\t\(path)\n" }
        do {
            try manifest.write(to: staging.appendingPathComponent(Self.manifestName))
            let temporary = staging.appendingPathComponent(Self.journalName + ".new")
            try Data(journal.utf8).write(to: temporary)
            guard rename(temporary.path, staging.appendingPathComponent(Self.journalName).path) == 0 else { throw Self.writeError(temporary.path, errno) }
        } catch {
            throw BuildFailure([.error("output-unwritable", "tabib could not start putting the new site in place at \(destination.path) (\(error.localizedDescription)); the previous output is unchanged.")])
        }
        if let failure = Self.carryOut(journal: journal, from: staging, into: destination) {
            throw BuildFailure([.error("output-unwritable",
                "tabib could not finish putting the new site in place at \(destination.path) (\(failure)); the next build finishes it, once the problem is fixed.")])
        }
        // An output written before the marker said how builds update it gets today's words.
        let marker = destination.appendingPathComponent(Self.markerName)
        if FileManager.default.contents(atPath: marker.path) != Data(Self.markerText.utf8) { try? Data(Self.markerText.utf8).write(to: marker) }
        return Changes(written: writes.count, removed: removed.count)
    }

    /// What stands in the way of writing `paths` into `root` after `removing` is removed: a folder
    /// where a file goes, or a file that is not the build's where a folder goes. Nil when nothing does.
    static func conflict(in root: String, writing paths: [String], removing: Set<String>) -> String? {
        var folders: Set<Substring> = [""]
        for path in paths {
            var info = stat()
            if lstat(root + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return "a folder \(path) where the new site writes a file" }
            var end = path.startIndex
            while let slash = path[end...].firstIndex(of: "/") {
                let folder = path[..<slash]
                end = path.index(after: slash)
                if folders.contains(folder) { continue }
                if lstat(root + "/" + folder, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR, !removing.contains(String(folder)) {
                    return "a file \(folder) that tabib did not write where the new site needs a folder"
                }
                folders.insert(folder)
            }
        }
        return nil
    }

    /// Carries out a commit journal: removes the files the build no longer makes (and folders they
    /// leave empty), writes every changed file from the pack (`replace`), puts the manifest in, and
    /// removes the staging folder. Safe to run again after an interruption. Returns what went wrong, if anything.
    static func carryOut(journal: String, from staging: URL, into destination: URL) -> String? {
        let root = destination.path
        var made: Set<Substring> = [""]
        var failure: String?
        var pack: Int32 = -1
        var buffer: [UInt8] = []
        defer { if pack >= 0 { close(pack) } }
        for line in journal.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else { continue }
            switch fields[0] {
            case "remove":
                let path = fields[1]
                if unlink(root + "/" + path) != 0, errno != ENOENT { failure = failure ?? "\(path): \(String(cString: strerror(errno)))"; continue }
                // Folders the removal left empty go too; rmdir fails on the first that is not.
                var folder = path
                while let slash = folder.lastIndex(of: "/") {
                    folder = folder[..<slash]
                    if rmdir(root + "/" + folder) != 0 { break }
                }
            case "write" where fields.count == 4:
                guard let offset = Int(fields[1]), let count = Int(fields[2]) else { continue }
                let path = fields[3]
                if pack < 0 { pack = open(staging.path + "/" + packName, O_RDONLY | O_CLOEXEC) }
                if buffer.count < count { buffer = [UInt8](repeating: 0, count: count) }
                var done = 0
                while done < count {
                    let read = buffer.withUnsafeMutableBytes { pread(pack, $0.baseAddress! + done, count - done, off_t(offset + done)) }
                    if read < 0, errno == EINTR { continue }
                    if read <= 0 { break }
                    done += read
                }
                guard done == count else { failure = failure ?? "\(packName): cannot read the new bytes of \(path)"; continue }
                var end = path.startIndex
                while let slash = path[end...].firstIndex(of: "/") {
                    let folder = path[..<slash]
                    end = path.index(after: slash)
                    if made.contains(folder) { continue }
                    if mkdir(root + "/" + folder, 0o777) != 0, errno != EEXIST { failure = failure ?? "\(folder): \(String(cString: strerror(errno)))" }
                    made.insert(folder)
                }
                if let problem = buffer.withUnsafeBytes({ replace(root + "/" + path, with: UnsafeRawBufferPointer(rebasing: $0[..<count])) }) {
                    failure = failure ?? "\(path): \(problem)"
                }
            default:
                continue
            }
        }
        guard failure == nil else { return failure }
        let manifest = staging.appendingPathComponent(manifestName).path
        if access(manifest, F_OK) == 0, rename(manifest, root + "/" + manifestName) != 0 { return "\(manifestName): \(String(cString: strerror(errno)))" }
        try? FileManager.default.removeItem(at: staging)
        return nil
    }

    /// Puts `bytes` at `target`. An existing file is overwritten in place (and cut to length), not
    /// replaced: replacing it would free its blocks, which on a disk mounted with `discard` (as here)
    /// waits for the device, about a millisecond a file. A missing file is created. A file with other
    /// hard links, or a symbolic link, is replaced by a new file renamed over it, so that the other
    /// names keep what they show. Safe to repeat after an interruption: the pack still holds the bytes.
    static func replace(_ target: String, with bytes: UnsafeRawBufferPointer) -> String? {
        func failed() -> String { String(cString: strerror(errno)) }
        func writeAll(_ fd: Int32) -> Bool {
            var done = 0
            while done < bytes.count {
                let written = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(done))
                if written < 0, errno == EINTR { continue }
                if written < 0 { return false }
                done += written
            }
            return ftruncate(fd, off_t(bytes.count)) == 0
        }
        var fd = open(target, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0, errno == ENOENT { fd = open(target, O_WRONLY | O_CREAT | O_CLOEXEC, 0o666) }
        if fd >= 0 {
            defer { close(fd) }
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink == 1 { return writeAll(fd) ? nil : failed() }
        }
        let temporary = target + ".tabib-new"
        let out = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard out >= 0 else { return failed() }
        let ok = writeAll(out)
        close(out)
        guard ok, rename(temporary, target) == 0 else { let problem = failed(); unlink(temporary); return problem }
        return nil
    }

    /// A commit an interrupted build began (its staging folder holds a journal and its process is gone)
    /// is finished before anything else reads or writes the output.
    static func finishInterruptedCommits(in parent: URL, for name: String) -> String? {
        let fm = FileManager.default
        var failure: String?
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(".\(name).tabib-staging-") {
            let url = parent.appendingPathComponent(entry)
            if let pid = Int32(entry.split(separator: "-").last ?? ""), pid != ProcessInfo.processInfo.processIdentifier, kill(pid, 0) == 0 { continue }
            guard let journal = fm.contents(atPath: url.appendingPathComponent(journalName).path) else { continue }
            failure = failure ?? carryOut(journal: String(decoding: journal, as: UTF8.self), from: url, into: parent.appendingPathComponent(name))
        }
        return failure
    }

    private func closePack() {
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
