import Synchronization
import TabibCore

/// One successful build of the site, held in memory and never changed: what the server answers from.
struct SiteSnapshot: Sendable {
    let files: [String: ServedFile]

    init(files: [String: ServedFile]) { self.files = files }

    init(files: [String: [UInt8]]) {
        self.files = files.reduce(into: [:]) { $0[$1.key] = ServedFile(path: $1.key, bytes: $1.value) }
    }

    static let empty = SiteSnapshot(files: [String: ServedFile]())

    subscript(key: String) -> ServedFile? { files[key] }

    /// This snapshot with the files a quick build wrote and without those it removed; every other
    /// file is shared with this one.
    func applying(_ written: [String: ServedFile], removing removed: Set<String>) -> SiteSnapshot {
        var files = self.files
        for key in removed { files[key] = nil }
        files.merge(written) { $1 }
        return SiteSnapshot(files: files)
    }

    /// The keys whose bytes differ between `self` and `newer`, including files added or removed; only
    /// `candidates` are compared when given (the files a quick build wrote or removed).
    func changedKeys(in newer: SiteSnapshot, among candidates: Set<String>? = nil) -> Set<String> {
        guard let candidates else {
            var changed: Set<String> = []
            for (key, file) in newer.files where files[key]?.body != file.body { changed.insert(key) }
            for key in files.keys where newer.files[key] == nil { changed.insert(key) }
            return changed
        }
        return candidates.filter { files[$0]?.body != newer.files[$0]?.body }
    }
}

/// Collects a build's files as the server will send them, on the cores that render them.
final class SnapshotOutput: OutputSink, Sendable {
    private let storage = Mutex<[String: ServedFile]>([:])

    func write(_ file: OutputFile) throws {
        let served = ServedFile(path: file.path, bytes: file.contents)
        storage.withLock { $0[file.path] = served }
    }

    var files: [String: ServedFile] { storage.withLock { $0 } }
}
