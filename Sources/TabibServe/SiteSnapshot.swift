/// One successful build of the site, held in memory and never changed: what the server answers from.
struct SiteSnapshot: Sendable {
    let files: [String: ServedFile]

    init(files: [String: [UInt8]]) {
        self.files = files.reduce(into: [:]) { $0[$1.key] = ServedFile(path: $1.key, bytes: $1.value) }
    }

    static let empty = SiteSnapshot(files: [:])

    subscript(key: String) -> ServedFile? { files[key] }

    /// The keys whose bytes differ between `self` and `newer`, including files added or removed.
    func changedKeys(in newer: SiteSnapshot) -> Set<String> {
        var changed: Set<String> = []
        for (key, file) in newer.files where files[key]?.bytes != file.bytes { changed.insert(key) }
        for key in files.keys where newer.files[key] == nil { changed.insert(key) }
        return changed
    }
}
