import Foundation

/// What the loader parsed in an earlier build, by file, with the file's size and times on disk: a
/// rebuild parses again only the files whose stamp changed, and tells which those were.
public struct LoadCache: Sendable {
    struct Entry: Sendable {
        var stamp: FileStamp
        var file: ContentFile?
        var diagnostics: [Diagnostic]

        /// Whether parsing the unchanged file again, now with `realFolder` as the real path of its
        /// folder and on `today`, would give this entry, which was parsed with `inputs`: only the
        /// checks of dates against today (`DateRules`) and of links out of the site read more than the file.
        func holds(realFolder: String?, folder: String, today: Day, parsedWith inputs: Inputs) -> Bool {
            guard inputs.realFolders[folder] == realFolder else { return false }
            guard today != inputs.today else { return true }
            // A file with an error in its dates has none, so is parsed again.
            guard let file else { return false }
            return DateRules.check(file.meta, today: today) == DateRules.check(file.meta, today: inputs.today)
        }
    }

    /// What parsing a file reads besides the file itself.
    struct Inputs: Equatable, Sendable {
        /// The day dates were checked against.
        var today: Day
        /// The site's language codes, sorted: `translation.from` must name one.
        var languages: [String]
        /// The real path of the site's folder, and of each content folder by its path: files leading
        /// outside the site are refused (`LinkedFile`).
        var realRoot: String
        var realFolders: [String: String]

        /// Whether entries parsed with these inputs may stand with `other`, the day and the folders apart.
        func sameSite(as other: Inputs) -> Bool { languages == other.languages && realRoot == other.realRoot }
    }

    /// The content files found by the last full listing of the folders, as changed since.
    struct Listing: Sendable {
        var languages: [String]
        var entries: [ContentLoader.Entry]
        var diagnostics: [Diagnostic]
    }

    /// By path relative to the site root.
    var entries: [String: Entry] = [:]
    var listing: Listing?
    /// What the entries were parsed with; nil before the first load.
    var inputs: Inputs?
    /// Whether a load parsed a file or dropped an entry since the cache was read from `.tabib-cache/`,
    /// so that the copy there is written again.
    var changed = false

    public init() {}

    var isEmpty: Bool { entries.isEmpty && listing == nil && inputs == nil }

    /// The cached listing with the files in `changed` added or dropped as they now are on disk, or nil
    /// when a change needs the folders listed again: a folder, a file that is not a well-named Markdown
    /// file of a known language and section, or a listing made with other languages.
    func listing(after changed: Set<String>, config: SiteConfig, content: String) -> ([ContentLoader.Entry], [Diagnostic])? {
        guard var listing, listing.languages == config.languages.map(\.code) else { return nil }
        for path in changed where path.hasPrefix("content/") && path != "content/site.yaml" {
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count == 4, config.language(parts[1]) != nil, let kind = ContentKind(folder: parts[2]),
                  parts[3].hasSuffix(".md"), !parts[3].hasPrefix("."),
                  FrontMatterParser.slugProblem(String(parts[3].dropLast(3))) == nil else { return nil }
            let absolute = content + "/" + parts[1...].joined(separator: "/")
            var info = stat()
            let exists = stat(absolute, &info) == 0
            if exists, info.st_mode & S_IFMT != S_IFREG { return nil }
            let entry = ContentLoader.Entry(absolutePath: absolute, path: path, kind: kind, language: parts[1])
            // The first entry not before this one.
            var (low, high) = (0, listing.entries.count)
            while low < high {
                let middle = (low + high) / 2
                if ContentLoader.Entry.inOrder(listing.entries[middle], entry) { low = middle + 1 } else { high = middle }
            }
            let index = low
            let present = index < listing.entries.endIndex && listing.entries[index].path == path
            if exists, !present { listing.entries.insert(entry, at: index) }
            if !exists, present { listing.entries.remove(at: index) }
        }
        return (listing.entries, listing.diagnostics)
    }
}

/// A file's identity and last change as the file system reports them. Two equal stamps mean the
/// file was not written in between: editors that save by rename get a new inode, the others a new
/// modification time (nanoseconds) and change time.
struct FileStamp: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec
    var changed: timespec

    init(device: UInt64, inode: UInt64, size: Int64, modified: timespec, changed: timespec) {
        (self.device, self.inode, self.size, self.modified, self.changed) = (device, inode, size, modified, changed)
    }

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = info.st_mtim
        changed = info.st_ctim
    }

    static func == (a: FileStamp, b: FileStamp) -> Bool {
        a.device == b.device && a.inode == b.inode && a.size == b.size
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(inode)
        hasher.combine(size)
        hasher.combine(modified.tv_nsec)
    }
}
