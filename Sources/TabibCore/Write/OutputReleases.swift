import Foundation

/// The release folders of an output built with `tabib build --releases`: the output (`public`) is a
/// symbolic link to one of `public.releases/1`, `public.releases/2`, …, each a whole site with tabib's
/// marker and manifest. A build writes a new release and swaps the link in one `rename(2)`, so a web
/// server that follows the link serves the whole old site or the whole new one, never a mix.
///
/// What tabib made is proven, never assumed: the releases folder carries its own marker file; a
/// release is a real folder (not a link) in it, named by a number, holding tabib's output marker.
/// Nothing else in the releases folder is ever touched.
struct OutputReleases {
    static let markerName = ".tabib-releases"
    static let markerText = """
    This folder holds the releases that tabib build --releases made. The output beside it is a link
    to one of them; each build writes a new numbered release and swaps the link in one step. To roll
    back, point the link at an earlier release (ln -sfn NAME.releases/NUMBER NAME.new && mv -T
    NAME.new NAME). Files in these folders that tabib did not write are carried into each new release.

    """
    /// In the releases folder: a release being written, by the build with this process id.
    static let stagingPrefix = ".tabib-staging-"

    /// The output, a link when a release is in place.
    let destination: URL
    /// `public.releases` beside it.
    let folder: URL

    init(destination: URL) {
        self.destination = destination
        folder = destination.deletingLastPathComponent().appendingPathComponent(destination.lastPathComponent + ".releases")
    }

    /// The text of the link to release `number`: relative, so the output and its releases can move together.
    func linkText(_ number: Int) -> String { "\(folder.lastPathComponent)/\(number)" }

    func path(_ number: Int) -> String { folder.path + "/\(number)" }

    /// The release a link with `target` as its text points at, or nil when that is not a release of
    /// this folder (wherever the link points, a folder tabib did not make is never a release).
    func number(linkedBy target: String) -> Int? {
        let resolved = target.hasPrefix("/") ? URL(fileURLWithPath: target) : destination.deletingLastPathComponent().appendingPathComponent(target)
        let standardized = resolved.standardizedFileURL
        guard standardized.deletingLastPathComponent().path == folder.path, let number = Self.number(standardized.lastPathComponent),
              isRelease(number) else { return nil }
        return number
    }

    /// The number a release's folder name is, or nil: decimal digits without a leading zero.
    static func number(_ name: String) -> Int? {
        guard !name.isEmpty, name.count <= 18, name.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), name == "0" || !name.hasPrefix("0") else { return nil }
        return Int(name)
    }

    /// Whether the releases folder is tabib's: missing, empty, or holding tabib's marker.
    var isOurs: Bool {
        var info = stat()
        guard lstat(folder.path, &info) == 0 else { return errno == ENOENT }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return false }
        if access(folder.path + "/" + Self.markerName, F_OK) == 0 { return true }
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? ["?"]).isEmpty
    }

    /// Whether `number` is a release tabib made: a real folder holding tabib's output marker.
    func isRelease(_ number: Int) -> Bool {
        var info = stat()
        guard lstat(path(number), &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return false }
        return lstat(path(number) + "/" + OutputDirectory.markerName, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The releases tabib made, lowest first.
    func numbers() -> [Int] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).compactMap(Self.number).filter(isRelease).sorted()
    }

    /// The number of the next release: after every folder named by a number, tabib's or not, so that
    /// a release never takes the name of something else.
    func nextNumber() -> Int {
        (((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).compactMap(Self.number).max() ?? 0) + 1
    }

    /// Makes the releases folder with its marker, unless it is there.
    func create() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let marker = folder.appendingPathComponent(Self.markerName)
        if FileManager.default.contents(atPath: marker.path) != Data(Self.markerText.utf8) {
            try Data(Self.markerText.utf8).write(to: marker, options: .atomic)
        }
    }

    /// The temporary link a swap makes beside the output before renaming it over the output.
    static func temporaryLink(of destination: URL, pid: Int32) -> URL {
        destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).tabib-link-\(pid)")
    }

    /// Puts what builds cut short left in order (the caller holds the output's lock): release folders
    /// still being written are thrown away; a temporary link is removed; a plain output folder that a
    /// conversion had swapped out but not yet moved becomes release `current - 1` (or the next free
    /// number), so that nothing of it is lost. What was done, as notes.
    func cleanUpLeftovers(current: Int?) -> [Diagnostic] {
        let fm = FileManager.default
        var notes: [Diagnostic] = []
        for entry in ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []) where entry.hasPrefix(Self.stagingPrefix) {
            guard Int32(entry.dropFirst(Self.stagingPrefix.count)) != nil else { continue }
            let url = folder.appendingPathComponent(entry)
            var info = stat()
            guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
                  access(url.path + "/" + OutputDirectory.markerName, F_OK) == 0 else { continue }
            try? fm.removeItem(at: url)
        }
        let parent = destination.deletingLastPathComponent()
        let prefix = ".\(destination.lastPathComponent).tabib-link-"
        for entry in ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []) where entry.hasPrefix(prefix) {
            guard Int32(entry.dropFirst(prefix.count)) != nil else { continue }
            let url = parent.appendingPathComponent(entry)
            var info = stat()
            guard lstat(url.path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                unlink(url.path)
            case S_IFDIR where access(url.path + "/" + OutputDirectory.markerName, F_OK) == 0:
                let taken = Set(numbers())
                let number = current.map { $0 - 1 }.flatMap { $0 >= 0 && !taken.contains($0) && access(path($0), F_OK) != 0 ? $0 : nil }
                    ?? ((taken.max() ?? 0) + 1)
                if rename(url.path, path(number)) == 0 {
                    notes.append(.warning("output-release-recovered", "an earlier build was cut short while turning the output folder \(destination.path) into a link to releases; the folder it replaced is now the release \(path(number))."))
                }
            default:
                continue
            }
        }
        return notes
    }

    /// Removes the releases tabib made other than `kept`. A release's files listed in its manifest
    /// go; a file tabib did not write goes only when a kept release has it at the same path as the same
    /// file (one inode: it was carried over), so no bytes of the user's are lost. A release that still
    /// holds anything else is kept, with its marker and manifest, and named in a warning.
    func prune(keeping kept: Set<Int>) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for number in numbers() where !kept.contains(number) {
            let manifest = OutputManifest.read(URL(fileURLWithPath: path(number) + "/" + OutputDirectory.manifestName)).paths ?? []
            let left = ReleaseRemoval(root: path(number), manifest: manifest, kept: kept.map { path($0) }).run()
            if !left.isEmpty {
                let listed = left.sorted().prefix(OutputDirectory.listed).joined(separator: ", ")
                let more = left.count > OutputDirectory.listed ? " and \(left.count - OutputDirectory.listed) more" : ""
                warnings.append(.warning("output-release-kept",
                    "the old release \(path(number)) was kept: it holds \(left.count == 1 ? "a file" : "\(left.count) files") that tabib did not write and no newer release has (\(listed)\(more)); move \(left.count == 1 ? "it" : "them") away if you need \(left.count == 1 ? "it" : "them"), then the next build removes the release."))
            }
        }
        return warnings
    }
}

/// Removing one old release, one name at a time from descriptors and never through a link.
private struct ReleaseRemoval {
    let root: String
    let manifest: Set<String>
    /// The kept releases' folders.
    let kept: [String]

    /// Removes what may go; the paths left (besides tabib's marker and manifest, which stay with them).
    func run() -> [String] {
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return [root] }
        defer { close(fd) }
        var left: [String] = []
        walk(fd, prefix: "", left: &left)
        guard left.isEmpty else { return left }
        // Last, what makes it provably a release: a removal cut short is taken up again by the next build.
        unlinkat(fd, OutputDirectory.manifestName, 0)
        unlinkat(fd, OutputDirectory.markerName, 0)
        if rmdir(root) != 0 { return [root] }
        return []
    }

    private func walk(_ folder: Int32, prefix: String, left: inout [String]) {
        for name in Self.names(in: folder) {
            let path = prefix + name
            if prefix.isEmpty, name == OutputDirectory.markerName || name == OutputDirectory.manifestName { continue }
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let inner = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard inner >= 0 else {
                    left.append(path + "/")
                    continue
                }
                var innerLeft: [String] = []
                walk(inner, prefix: path + "/", left: &innerLeft)
                close(inner)
                if innerLeft.isEmpty, unlinkat(folder, name, AT_REMOVEDIR) != 0 { innerLeft.append(path + "/") }
                left += innerLeft
            } else if manifest.contains(path) || carriedOver(path, info) {
                if unlinkat(folder, name, 0) != 0, errno != ENOENT { left.append(path) }
            } else {
                left.append(path)
            }
        }
    }

    /// Whether a kept release has the file at `path` as the same inode.
    private func carriedOver(_ path: String, _ info: stat) -> Bool {
        kept.contains { release in
            var other = stat()
            return lstat(release + "/" + path, &other) == 0 && other.st_ino == info.st_ino && other.st_dev == info.st_dev
        }
    }

    /// The names in the folder open as `folder`, without `.` and `..`.
    private static func names(in folder: Int32) -> [String] {
        let copy = dup(folder)
        guard copy >= 0, let stream = fdopendir(copy) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }
}
