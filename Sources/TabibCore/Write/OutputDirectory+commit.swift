import Foundation

/// Putting a finished build in place: a new output by one rename, an update through a journal that a
/// later build carries out again when this one is cut short.
extension OutputDirectory {
    /// Puts this build in place of the previous output, says how many files that changed, and lets the
    /// lock go. Nothing in the output changes when it fails before its journal is written; after
    /// that, the failure says what changed (`BuildFailure.outputChange`), and the next build finishes it.
    @discardableResult
    public func commit() throws(BuildFailure) -> Changes {
        let produced = state.withLock { $0.produced }
        let manifest = OutputManifest.text(produced)
        let changes = if let releases { try commitRelease(releases, produced: produced, manifest: manifest) }
            else if updating { try commitUpdate(produced: produced, manifest: manifest) }
            else { try commitNew(produced: produced, manifest: manifest) }
        discard()
        return changes
    }

    /// At most this many conflicts or failures are listed one by one.
    static let listed = 10

    /// Conflicts as errors: the first `listed`, then how many more.
    func conflictFailure(_ conflicts: [String]) -> BuildFailure {
        var diagnostics = conflicts.prefix(Self.listed).map {
            Diagnostic.error("output-conflict", "the output folder \(destination.path) has \($0); move it away and build again. The output was not changed.")
        }
        if conflicts.count > Self.listed {
            diagnostics.append(.error("output-conflict", "the output folder \(destination.path) has \(conflicts.count - Self.listed) more files like these in the way."))
        }
        if !previousHasManifest, conflicts.contains(where: { $0.contains("that tabib did not write") }) {
            diagnostics[0].notes.append("the output has no \(Self.manifestName), the list of the files tabib wrote, so tabib treats every file in it as yours; if an earlier tabib build wrote these files, remove the output folder and build again.")
        }
        return BuildFailure(diagnostics)
    }

    /// Links the files of the previous output that tabib did not write into the staging folder, and
    /// renames the staging folder into place.
    private func commitNew(produced: Set<String>, manifest: Data) throws(BuildFailure) -> Changes {
        do {
            try manifest.write(to: staging.appendingPathComponent(Self.manifestName))
        } catch {
            throw BuildFailure([.error("output-unwritable", "tabib could not write into \(staging.path) (\(error.localizedDescription)); check the disk. The output was not changed.")])
        }
        guard output != nil else {
            guard rename(staging.path, destination.path) == 0 else {
                throw BuildFailure([.error("output-unwritable", "tabib could not put the new site in place at \(destination.path) (\(String(cString: strerror(errno)))); check that its folder is writable. The output was not changed.")])
            }
            return Changes(written: produced.count, removed: 0, anew: true)
        }
        let removed = try carryOver(from: destination, produced: produced)
        if let problem = FileBytes.exchange(staging.path, destination.path) {
            throw BuildFailure([.error("output-unwritable", "tabib could not put the new site in place at \(destination.path) (\(problem)); check that its folder is writable. The output was not changed.")])
        }
        // The staging folder now holds the previous output.
        try? FileManager.default.removeItem(at: staging)
        return Changes(written: produced.count, removed: removed, anew: true)
    }

    /// Links the files of the previous build's folder `source` that tabib did not write into the
    /// staging folder (the previous output keeps them until the new one is in place); fails, changing
    /// nothing, when one stands where the new site writes a file or needs a folder. How many files of
    /// the previous build the new one no longer has.
    func carryOver(from source: URL, produced: Set<String>) throws(BuildFailure) -> Int {
        let fm = FileManager.default
        var removed = 0
        var conflicts: [String] = []
        for path in FileBytes.files(in: source).sorted() where path != Self.markerName && path != Self.manifestName {
            let from = source.path + "/" + path, target = staging.path + "/" + path
            if previous.contains(path) {
                if !produced.contains(path) { removed += 1 }
                continue
            }
            if produced.contains(path) {
                // The user's file where the new site writes one: in the way, unless it holds the same bytes.
                if let bytes = fm.contents(atPath: target), FileBytes.holds(from, [UInt8](bytes)) { continue }
                conflicts.append("a file \(path) that tabib did not write where the new site writes one; tabib will not overwrite it")
                continue
            }
            // Carried over as a hard link: the previous output keeps it until the new one is in place.
            let blocked = FileBytes.folders(of: path[...]).first { folder in
                produced.contains(String(folder)) || (mkdir(staging.path + "/" + folder, 0o777) != 0 && errno != EEXIST)
            }
            if let blocked {
                conflicts.append("a file \(path) that tabib did not write in a folder \(blocked) where the new site writes a file")
                continue
            }
            if linkat(AT_FDCWD, from, AT_FDCWD, target, 0) != 0 {
                if errno == EEXIST {
                    conflicts.append("a file \(path) that tabib did not write where the new site needs a folder")
                    continue
                }
                do {
                    try fm.copyItem(atPath: from, toPath: target)
                } catch {
                    throw BuildFailure([.error("output-unwritable", "tabib could not carry \(path), a file it did not write, over into the new output (\(error.localizedDescription)). The output was not changed.")])
                }
            }
        }
        if !conflicts.isEmpty { throw conflictFailure(conflicts) }
        return removed
    }

    /// Checks that every change can be made, writes the journal (from then on the commit is decided),
    /// and carries it out.
    private func commitUpdate(produced: Set<String>, manifest: Data) throws(BuildFailure) -> Changes {
        let staged = state.withLock { $0.staged }
        let removed = previous.subtracting(produced).sorted()
        let moves = staged.sorted { $0.key < $1.key }
        let conflicts = Self.conflicts(in: destination.path, writing: moves.map(\.key), removing: removed, tabibs: previous)
        if !conflicts.isEmpty { throw conflictFailure(conflicts) }
        // Removals first: a file the build no longer makes may stand where a new folder goes.
        let journal = CommitJournal(steps: removed.map { .remove($0) } + moves.map { .move(file: String($0.value), to: $0.key) })
        do {
            try manifest.write(to: staging.appendingPathComponent(Self.manifestName))
            let temporary = staging.appendingPathComponent(Self.journalName + ".new")
            try Data(journal.text.utf8).write(to: temporary)
            guard rename(temporary.path, staging.appendingPathComponent(Self.journalName).path) == 0 else { throw FileBytes.error(temporary.path, errno) }
        } catch {
            throw BuildFailure([.error("output-unwritable", "tabib could not start putting the new site in place at \(destination.path) (\(error.localizedDescription)); check the disk. The output was not changed.")])
        }
        state.withLock { $0.journalWritten = true }
        let progress = Self.carryOut(journal, from: staging, into: output!)
        if !progress.failures.isEmpty {
            let outcome = progress.changedNothing ? "was left as it was" : "was partly updated: \(progress.summary(of: journal)); fix the problem and build again to finish the update"
            state.withLock { $0.outcome = outcome }
            var diagnostics = progress.failures.prefix(Self.listed).map {
                Diagnostic.error("output-unwritable", "tabib could not put \($0.path) in place in \(destination.path): \($0.problem); fix that (a read-only or immutable file or folder?) and build again: the next build finishes this update.")
            }
            if progress.failures.count > Self.listed {
                diagnostics.append(.error("output-unwritable", "\(progress.failures.count - Self.listed) more files of \(destination.path) could not be put in place."))
            }
            throw BuildFailure(diagnostics, outputChange: outcome)
        }
        return Changes(written: progress.moved, removed: progress.removed)
    }

    /// What stands in the way of writing `paths` into `root` after `removing` is removed, or of
    /// removing those: a link where a folder should be (never followed), a folder where a file goes,
    /// a file where a folder goes that is not removed, a file that tabib did not write (not in
    /// `tabibs`) where a file goes. Empty when nothing does.
    static func conflicts(in root: String, writing paths: [String], removing: [String], tabibs: Set<String>) -> [String] {
        var conflicts: [String] = []
        let removing = Set(removing)
        // Folders found to be real folders (outermost first), or missing: what lies below them is safe to look at.
        var checked: [Substring: Bool] = [:]
        var info = stat()
        func reachable(_ path: String, writing: Bool) -> Bool {
            for folder in FileBytes.folders(of: path[...]) {
                if let safe = checked[folder] {
                    if safe { continue } else { return false }
                }
                var safe = true
                if lstat(root + "/" + folder, &info) == 0 {
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: break
                    case S_IFLNK:
                        conflicts.append("a link \(folder) where the new site needs a folder (tabib does not follow links in its output)")
                        safe = false
                    default:
                        if writing, !removing.contains(String(folder)) {
                            conflicts.append("a file \(folder) that tabib did not write where the new site needs a folder")
                        }
                        safe = false
                    }
                }
                checked[folder] = safe
                if !safe { return false }
            }
            return true
        }
        for path in removing { _ = reachable(path, writing: false) }
        for path in paths where reachable(path, writing: true) && lstat(root + "/" + path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                conflicts.append("a folder \(path) where the new site writes a file")
            } else if !tabibs.contains(path) {
                conflicts.append("a file \(path) that tabib did not write where the new site writes one; tabib will not overwrite it")
            }
        }
        return conflicts
    }

    /// How far a commit got.
    struct Progress {
        var moved = 0
        var removed = 0
        var failures: [ConfinedFolder.Failure] = []
        var changedNothing: Bool { moved == 0 && removed == 0 }

        func summary(of journal: CommitJournal) -> String {
            "\(moved) of \(journal.moves) changed \(journal.moves == 1 ? "file" : "files") written, \(removed) of \(journal.removals) removed"
        }
    }

    /// Carries out a commit journal: lists every file the output may hold until the end (the old list
    /// and the new files) as tabib's, removes the files the build no longer makes (and folders they
    /// leave empty), renames every staged file over the old one, puts the new manifest in, and removes
    /// the staging folder. A step that fails is skipped and reported, and the staging folder kept.
    /// Safe to run again after an interruption: a staged file already renamed is not there any more.
    static func carryOut(_ journal: CommitJournal, from staging: URL, into output: ConfinedFolder) -> Progress {
        var progress = Progress()
        let manifestPath = output.path + "/" + manifestName
        let listed = OutputManifest.read(URL(fileURLWithPath: manifestPath)).paths ?? []
        var during = listed
        for case .move(_, let path) in journal.steps { during.insert(path) }
        if during != listed {
            let list = staging.appendingPathComponent(manifestName + ".during")
            do {
                try OutputManifest.text(during).write(to: list)
                try output.move(from: list.path, to: manifestName)
            } catch let failure as ConfinedFolder.Failure {
                progress.failures.append(failure)
                return progress
            } catch {
                progress.failures.append(ConfinedFolder.Failure(path: list.path, problem: error.localizedDescription))
                return progress
            }
        }
        for step in journal.steps {
            do {
                switch step {
                case .remove(let path):
                    if try output.remove(path) { progress.removed += 1 }
                case .move(let file, let path):
                    let source = "\(staging.path)/\(stagedFiles)/\(file)"
                    if access(source, F_OK) != 0 { continue }
                    try output.move(from: source, to: path)
                    progress.moved += 1
                }
            } catch {
                progress.failures.append(error)
            }
        }
        guard progress.failures.isEmpty else { return progress }
        let manifest = staging.appendingPathComponent(manifestName).path
        if access(manifest, F_OK) == 0 {
            do {
                try output.move(from: manifest, to: manifestName)
            } catch {
                progress.failures.append(error)
                return progress
            }
        }
        // An output written before the marker said how builds update it gets today's words.
        let marker = staging.appendingPathComponent(markerName + ".new")
        if FileManager.default.contents(atPath: output.path + "/" + markerName) != Data(markerText.utf8),
           (try? Data(markerText.utf8).write(to: marker)) != nil {
            try? output.move(from: marker.path, to: markerName)
        }
        try? FileManager.default.removeItem(at: staging)
        return progress
    }

    /// Where a new output's commit puts the previous output while it renames the new one into place,
    /// where the two cannot be exchanged in one step.
    static func oldOutput(of destination: URL, pid: Int32) -> URL {
        destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).tabib-old-\(pid)")
    }

    /// What builds into `parent/name` that were cut short left beside it (the caller holds the output's
    /// lock, so no build that left them is still running): a commit whose journal was written is
    /// finished; a previous output put aside by a new output's commit goes back in place if the new one
    /// never arrived, and is removed if it did; anything else is thrown away. Errors when a journal is
    /// not valid or cannot be carried out (its staging folder is kept for the next try), and what
    /// finishing changed.
    static func cleanUpLeftovers(in parent: URL, for name: String) -> (errors: [Diagnostic], finished: String?) {
        let fm = FileManager.default
        let destination = parent.appendingPathComponent(name)
        var errors: [Diagnostic] = []
        var finished: [String] = []
        for entry in ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted() {
            let staging = entry.hasPrefix(".\(name).tabib-staging-"), old = entry.hasPrefix(".\(name).tabib-old-")
            guard staging || old, Int32(entry.split(separator: "-").last ?? "") != nil else { continue }
            let url = parent.appendingPathComponent(entry)
            guard fm.fileExists(atPath: url.appendingPathComponent(markerName).path) else { continue }
            if old {
                if !fm.fileExists(atPath: destination.path) { try? fm.moveItem(at: url, to: destination) } else { try? fm.removeItem(at: url) }
                continue
            }
            let journalURL = url.appendingPathComponent(journalName)
            guard let data = fm.contents(atPath: journalURL.path) else {
                try? fm.removeItem(at: url)
                continue
            }
            let (journal, diagnostics) = CommitJournal.parse(String(decoding: data, as: UTF8.self), at: journalURL.path, staging: url.path)
            errors += diagnostics
            guard let journal else { continue }
            // What the journal still has to rename, checked as the build that wrote it checked it.
            var writing: [String] = [], removing: [String] = []
            for step in journal.steps {
                switch step {
                case .remove(let path): removing.append(path)
                case .move(let file, let path): if access("\(url.path)/\(stagedFiles)/\(file)", F_OK) == 0 { writing.append(path) }
                }
            }
            let tabibs = OutputManifest.read(destination.appendingPathComponent(manifestName)).paths ?? []
            let conflicts = conflicts(in: destination.path, writing: writing, removing: removing, tabibs: tabibs)
            for conflict in conflicts.prefix(listed) {
                errors.append(.error("output-conflict", "the journal of an interrupted build in \(url.path) cannot be carried out: the output folder \(destination.path) has \(conflict). Move what is in the way, or remove \(url.path), and build again."))
            }
            if !conflicts.isEmpty { continue }
            guard let output = try? ConfinedFolder(destination.path) else {
                errors.append(.error("output-unwritable", "an earlier build was cut short while updating \(destination.path), which is gone now, so its update cannot be finished; remove the folder \(url.path) and build again."))
                continue
            }
            let progress = carryOut(journal, from: url, into: output)
            if !progress.changedNothing { finished.append(progress.summary(of: journal)) }
            for failure in progress.failures.prefix(listed) {
                errors.append(.error("output-unwritable", "an earlier build was cut short while updating \(destination.path), and tabib cannot finish its update: \(failure.path): \(failure.problem); fix that (a read-only or immutable file or folder?) and build again."))
            }
        }
        return (errors, finished.isEmpty ? nil : finished.joined(separator: "; "))
    }
}
