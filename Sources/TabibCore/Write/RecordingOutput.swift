import Synchronization

/// Passes files on to another sink and remembers their paths: what an incremental build wrote.
final class RecordingOutput<Base: OutputSink>: OutputSink, Sendable {
    private let base: Base
    private let written = Mutex<Set<String>>([])

    init(_ base: Base) { self.base = base }

    func write(_ file: OutputFile) throws {
        try base.write(file)
        written.withLock { _ = $0.insert(file.path) }
    }

    var paths: Set<String> { written.withLock { $0 } }
}
