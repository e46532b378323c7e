import Foundation

/// Putting a finished build in place: a new output by one rename, an update through a journal that a
/// later build can carry out again when this one is cut short.
extension OutputDirectory {
    /// Puts this build in place of the previous output, and says how many files that changed.
    @discardableResult
    public func commit() throws(BuildFailure) -> Changes {
        let manifest = Data((produced.sorted().joined(separator: "\n") + "\n").utf8)
        return updating ? try commitUpdate(manifest: manifest) : try commitNew(manifest: manifest)
    }

    /// Renames the staging folder into place. Files of the previous output that tabib did not write
    /// (those its manifest does not list) move into the new one first.
    private func commitNew(manifest: Data) throws(BuildFailure) -> Changes {
        let fm = FileManager.default
        let old = Self.oldOutput(of: destination, pid: ProcessInfo.processInfo.processIdentifier)
        do {
            try manifest.write(to: staging.appendingPathComponent(Self.manifestName))
            if fm.fileExists(atPath: destination.path) {
                if previousHasManifest {
                    for path in FileBytes.files(in: destination) where !previous.contains(path) && !produced.contains(path)
                        && path != Self.markerName && path != Self.manifestName {
                        for folder in FileBytes.folders(of: path[...]) { mkdir(staging.path + "/" + folder, 0o777) }
                        try fm.moveItem(atPath: destination.path + "/" + path, toPath: staging.path + "/" + path)
                    }
                }
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
        closePack()
        let removed = previous.subtracting(produced).sorted()
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
            guard rename(temporary.path, staging.appendingPathComponent(Self.journalName).path) == 0 else { throw FileBytes.error(temporary.path, errno) }
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
        var checked: Set<Substring> = []
        var info = stat()
        for path in paths {
            if lstat(root + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return "a folder \(path) where the new site writes a file" }
            for folder in FileBytes.folders(of: path[...]) where checked.insert(folder).inserted {
                if lstat(root + "/" + folder, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR, !removing.contains(String(folder)) {
                    return "a file \(folder) that tabib did not write where the new site needs a folder"
                }
            }
        }
        return nil
    }

    /// Carries out a commit journal: removes the files the build no longer makes (and folders they
    /// leave empty), writes every changed file from the pack (`FileBytes.replace`), puts the manifest
    /// in, and removes the staging folder. Safe to run again after an interruption: the pack keeps
    /// every new byte until the end. Returns what went wrong, if anything.
    static func carryOut(journal: String, from staging: URL, into destination: URL) -> String? {
        let root = destination.path
        var made: Set<Substring> = []
        var failure: String?
        func fail(_ what: some StringProtocol, _ problem: String = String(cString: strerror(errno))) {
            failure = failure ?? "\(what): \(problem)"
        }
        let pack = open(staging.path + "/" + packName, O_RDONLY | O_CLOEXEC)
        defer { if pack >= 0 { close(pack) } }
        var buffer: [UInt8] = []
        for line in journal.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch (fields.first, fields.count) {
            case ("remove", 2):
                let path = fields[1]
                if unlink(root + "/" + path) != 0, errno != ENOENT { fail(path); continue }
                // Folders the removal left empty go too; rmdir fails on the first that is not.
                for folder in FileBytes.folders(of: path).reversed() where rmdir(root + "/" + folder) != 0 { break }
            case ("write", 4):
                guard let offset = Int(fields[1]), let count = Int(fields[2]) else { continue }
                let path = fields[3]
                if buffer.count < count { buffer = [UInt8](repeating: 0, count: count) }
                guard buffer.withUnsafeMutableBytes({ FileBytes.read(pack, into: UnsafeMutableRawBufferPointer(rebasing: $0[..<count]), at: offset) }) == count else {
                    fail(packName, "cannot read the new bytes of \(path)")
                    continue
                }
                for folder in FileBytes.folders(of: path) where made.insert(folder).inserted {
                    if mkdir(root + "/" + folder, 0o777) != 0, errno != EEXIST { fail(folder) }
                }
                if let problem = buffer.withUnsafeBytes({ FileBytes.replace(root + "/" + path, with: UnsafeRawBufferPointer(rebasing: $0[..<count])) }) {
                    fail(path, problem)
                }
            default:
                continue
            }
        }
        if let failure { return failure }
        let manifest = staging.appendingPathComponent(manifestName).path
        if access(manifest, F_OK) == 0, rename(manifest, root + "/" + manifestName) != 0 { return "\(manifestName): \(String(cString: strerror(errno)))" }
        try? FileManager.default.removeItem(at: staging)
        return nil
    }

    /// Where a new output's commit puts the previous output while it renames the new one into place.
    static func oldOutput(of destination: URL, pid: Int32) -> URL {
        destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).tabib-old-\(pid)")
    }

    /// What builds into `parent/name` that are no longer running left beside it: a commit whose journal
    /// was written is finished; a previous output put aside by a new output's commit goes back in
    /// place if the new one never arrived, and is removed if it did; anything else is thrown away.
    /// What went wrong finishing a commit, if anything; its staging folder is kept for the next try.
    static func cleanUpLeftovers(in parent: URL, for name: String) -> String? {
        let fm = FileManager.default
        let destination = parent.appendingPathComponent(name)
        var failure: String?
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] {
            let staging = entry.hasPrefix(".\(name).tabib-staging-"), old = entry.hasPrefix(".\(name).tabib-old-")
            guard staging || old, let pid = Int32(entry.split(separator: "-").last ?? "") else { continue }
            if pid != ProcessInfo.processInfo.processIdentifier, kill(pid, 0) == 0 { continue }
            let url = parent.appendingPathComponent(entry)
            guard fm.fileExists(atPath: url.appendingPathComponent(markerName).path) else { continue }
            if old {
                if !fm.fileExists(atPath: destination.path) { try? fm.moveItem(at: url, to: destination) } else { try? fm.removeItem(at: url) }
            } else if let journal = fm.contents(atPath: url.appendingPathComponent(journalName).path) {
                failure = failure ?? carryOut(journal: String(decoding: journal, as: UTF8.self), from: url, into: destination)
            } else {
                try? fm.removeItem(at: url)
            }
        }
        return failure
    }
}
