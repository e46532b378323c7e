import Foundation

/// Writes a build into a staging folder beside the output and swaps it in only when the whole build
/// succeeded, so a failed or interrupted build leaves the previous output exactly as it was. It never
/// replaces a folder that tabib did not create: tabib's folders carry a marker file.
public final class OutputDirectory: OutputSink, @unchecked Sendable {
    public static let markerName = ".tabib-output"
    static let markerText = "This folder is written by tabib build and is replaced on every build.\n"

    public let destination: URL
    public let staging: URL
    /// Folders under the staging folder that exist already, relative to it: the staging folder is new,
    /// so every one of them was made by this object, and need not be made again for the next page.
    private var folders: Set<String> = [""]
    private let foldersLock = NSLock()

    /// Checks that `destination` is missing, empty or tabib's own, and creates the staging folder.
    public init(destination: URL) throws(BuildFailure) {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        self.staging = parent.appendingPathComponent(".\(self.destination.lastPathComponent).tabib-staging-\(ProcessInfo.processInfo.processIdentifier)")
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: self.destination.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw BuildFailure([.error("output-not-folder", "the output \(self.destination.path) is a file, not a folder; choose another --output or move the file away.")])
            }
            let contents = (try? fm.contentsOfDirectory(atPath: self.destination.path)) ?? []
            if !contents.isEmpty, !fm.fileExists(atPath: self.destination.appendingPathComponent(Self.markerName).path) {
                throw BuildFailure([.error("output-not-ours",
                    "the output folder \(self.destination.path) exists and was not created by tabib (it has no \(Self.markerName) file); tabib will not replace it. Choose another --output, or empty or remove that folder yourself.")])
            }
        }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            Self.removeStaleStaging(in: parent, for: self.destination.lastPathComponent)
            if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerName))
        } catch {
            throw BuildFailure([.error("output-unwritable", "tabib cannot write next to \(self.destination.path) (\(error.localizedDescription)); check that the folder is writable.")])
        }
    }

    /// Staging folders left by an interrupted build: tabib's by name and marker.
    static func removeStaleStaging(in parent: URL, for name: String) {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(".\(name).tabib-staging-") {
            let url = parent.appendingPathComponent(entry)
            if let pid = Int32(entry.split(separator: "-").last ?? ""), pid != ProcessInfo.processInfo.processIdentifier, kill(pid, 0) == 0 { continue }
            if fm.fileExists(atPath: url.appendingPathComponent(markerName).path) { try? fm.removeItem(at: url) }
        }
    }

    public func write(_ file: OutputFile) throws {
        let folder = file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? ""
        try makeFolder(folder)
        try Self.writeBytes(file.contents, to: staging.path + "/" + file.path)
    }

    /// Makes `folder` (relative to the staging folder) and its parents, unless they were made before.
    private func makeFolder(_ folder: String) throws {
        if foldersLock.withLock({ folders.contains(folder) }) { return }
        if let slash = folder.lastIndex(of: "/") { try makeFolder(String(folder[..<slash])) }
        let path = staging.path + "/" + folder
        if mkdir(path, 0o777) != 0 {
            // Made by another page at the same moment, or a real error: FileManager tells which, and says it as before.
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        _ = foldersLock.withLock { folders.insert(folder) }
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

    /// Puts the staging folder in place of the destination.
    public func commit() throws(BuildFailure) {
        let fm = FileManager.default
        let old = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).tabib-old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
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
    }

    /// Throws the staging folder away; the destination is untouched.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
