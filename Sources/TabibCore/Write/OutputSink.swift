import Foundation
import Synchronization

/// Where a build puts its files: a folder on disk, or memory for tests and the preview server.
public protocol OutputSink: Sendable {
    func write(_ file: OutputFile) throws
}

/// Keeps every file in memory, keyed by its path under the output.
public final class MemoryOutput: OutputSink, Sendable {
    private let storage = Mutex<[String: [UInt8]]>([:])

    public init() {}

    public func write(_ file: OutputFile) throws {
        storage.withLock { $0[file.path] = file.contents }
    }

    public var files: [String: [UInt8]] { storage.withLock { $0 } }

    public func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }
}
