import Foundation

/// Passes files on to another sink and remembers their paths: what an incremental build wrote.
final class RecordingOutput<Base: OutputSink>: OutputSink, @unchecked Sendable {
    private let base: Base
    private let lock = NSLock()
    private var written: Set<String> = []

    init(_ base: Base) { self.base = base }

    func write(_ file: OutputFile) throws {
        try base.write(file)
        lock.withLock { _ = written.insert(file.path) }
    }

    var paths: Set<String> { lock.withLock { written } }
}
