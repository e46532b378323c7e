import Foundation
import Glibc
import Synchronization

/// A browser process started with `--remote-debugging-pipe`, and the pipe to it: the browser reads
/// DevTools commands on its descriptor 3 and writes replies and events on its descriptor 4, each a
/// NUL-terminated JSON object. Both are one end of a socket pair (a socket, so a write to a browser
/// that died fails instead of raising SIGPIPE). A thread reads the messages and hands each reply to
/// the command waiting for it and each event of a watched page session to whoever waits for it; a
/// second thread reaps the process when it ends, so it never lingers as a zombie.
///
/// This is the only file that spawns processes or touches descriptors by hand, and it is written for
/// Linux and glibc, where tabib builds its PDFs.
final class DevToolsPipe: Sendable {
    /// Why a command or a wait ended without its answer.
    enum Failure: Error, Sendable {
        /// The browser closed the pipe or exited.
        case closed
        /// The deadline passed first.
        case timedOut
        /// Chromium answered the command with an error.
        case replied(String)
    }

    /// How a finished process ended, as a phrase: "exit status 1", "signal 9".
    typealias Ending = String

    /// The browser's process ID; after `waitForExit` returns, it is no longer the browser's.
    let processID: pid_t

    private let socket: Int32
    /// Whether the socket is open; held while writing one message, so messages never interleave, and to close the socket.
    private let socketOpen = Mutex(true)

    private struct State {
        var nextID = 0
        var replies: [Int: CheckedContinuation<DevToolsMessage, any Error>] = [:]
        /// Events of watched sessions that nobody waited for yet.
        var buffered: [String: [DevToolsMessage]] = [:]
        var eventWaiters: [Int: EventWaiter] = [:]
        var pipeClosed = false
        /// Set once the process has ended, before it is reaped, so `terminate` never signals a stranger.
        var exited = false
        var ending: Ending?
        var exitWaiters: [Int: CheckedContinuation<Ending?, Never>] = [:]

        mutating func newID() -> Int {
            nextID += 1
            return nextID
        }
    }

    private let state = Mutex(State())

    private struct EventWaiter {
        var sessionID: String
        var matches: @Sendable (DevToolsMessage) -> Bool
        var continuation: CheckedContinuation<DevToolsMessage, any Error>
    }

    /// Starts `executable` with `arguments` (`--remote-debugging-pipe` among them), its standard
    /// output and error going to `log` so a chatty browser never blocks.
    init(executable: String, arguments: [String], log: URL) throws {
        let (ours, theirs) = try socketPair()
        defer { close(theirs) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // dup2 clears close-on-exec, also when `theirs` already is 3 or 4.
        posix_spawn_file_actions_adddup2(&actions, theirs, 3)
        posix_spawn_file_actions_adddup2(&actions, theirs, 4)
        closeOtherDescriptors(&actions, from: 5)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with no blocked signals and default handlers, whatever this process set up.
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv + [nil], environ)
        guard result == 0 else {
            close(ours)
            throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO)
        }
        processID = pid
        socket = ours
        Thread { [self] in readMessages() }.start()
        Thread { [self] in reap() }.start()
    }

    /// Sends `method` with `params` to the browser, or to the page session `sessionID`, and returns
    /// Chromium's reply. Throws `Failure` or, when the task is cancelled, `CancellationError`.
    func send(_ method: String, _ params: [String: DevToolsMessage.Value] = [:], session sessionID: String? = nil,
              deadline: ContinuousClock.Instant) async throws -> DevToolsMessage {
        let id = state.withLock { $0.newID() }
        let reply = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<DevToolsMessage, any Error>) in
                let open = state.withLock { state -> Bool in
                    guard !state.pipeClosed else { return false }
                    state.replies[id] = continuation
                    return true
                }
                guard open else { return continuation.resume(throwing: Failure.closed) }
                if Task.isCancelled { return failReply(id, with: CancellationError()) }
                schedule(at: deadline) { [self] in failReply(id, with: Failure.timedOut) }
                if !write(DevToolsMessage.command(id: id, method: method, params: params, sessionID: sessionID)) {
                    failReply(id, with: Failure.closed)
                }
            }
        } onCancel: {
            failReply(id, with: CancellationError())
        }
        if let error = reply.error { throw Failure.replied(error) }
        return reply
    }

    /// Starts keeping the events of page session `sessionID`, for `event(in:)`.
    func watch(_ sessionID: String) {
        state.withLock { $0.buffered[sessionID] = $0.buffered[sessionID] ?? [] }
    }

    /// Stops keeping the events of page session `sessionID` and forgets those kept.
    func forget(_ sessionID: String) {
        state.withLock { _ = $0.buffered.removeValue(forKey: sessionID) }
    }

    /// The first event of the watched session `sessionID` that `matches`, kept or still to come.
    func event(in sessionID: String, deadline: ContinuousClock.Instant,
               where matches: @escaping @Sendable (DevToolsMessage) -> Bool) async throws -> DevToolsMessage {
        let id = state.withLock { $0.newID() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<DevToolsMessage, any Error>) in
                enum Outcome { case kept(DevToolsMessage), closed, waiting }
                let outcome = state.withLock { state -> Outcome in
                    if let index = state.buffered[sessionID]?.firstIndex(where: matches) {
                        return .kept(state.buffered[sessionID]!.remove(at: index))
                    }
                    guard !state.pipeClosed else { return .closed }
                    state.eventWaiters[id] = EventWaiter(sessionID: sessionID, matches: matches, continuation: continuation)
                    return .waiting
                }
                switch outcome {
                case .kept(let message): continuation.resume(returning: message)
                case .closed: continuation.resume(throwing: Failure.closed)
                case .waiting:
                    if Task.isCancelled { return failEvent(id, with: CancellationError()) }
                    schedule(at: deadline) { [self] in failEvent(id, with: Failure.timedOut) }
                }
            }
        } onCancel: {
            failEvent(id, with: CancellationError())
        }
    }

    /// Waits until the process has ended and been reaped, at most until `deadline` when given, and
    /// returns how it ended; nil when the deadline passed first. Cancelling the task does not cut
    /// this short: whoever started a browser must see it gone.
    func waitForExit(deadline: ContinuousClock.Instant? = nil) async -> Ending? {
        let id = state.withLock { $0.newID() }
        return await withCheckedContinuation { continuation in
            let ended = state.withLock { state -> Ending? in
                if state.ending == nil { state.exitWaiters[id] = continuation }
                return state.ending
            }
            if let ended { return continuation.resume(returning: ended) }
            if let deadline {
                schedule(at: deadline) { [self] in
                    state.withLock { $0.exitWaiters.removeValue(forKey: id) }?.resume(returning: nil)
                }
            }
        }
    }

    /// Whether the browser still reads commands: false once it closed its end.
    var isOpen: Bool { state.withLock { !$0.pipeClosed } }

    /// How the process ended, once it has.
    var exitDescription: Ending? { state.withLock { $0.ending } }

    /// Kills the browser at once (SIGKILL); the reaping thread then collects it.
    func terminate() {
        state.withLock { state in
            if !state.exited { _ = kill(processID, SIGKILL) }
        }
    }

    // MARK: - Internals

    private func schedule(at deadline: ContinuousClock.Instant, _ action: @escaping @Sendable () -> Void) {
        let seconds = max(0, Double((deadline - .now).components.seconds) + Double((deadline - .now).components.attoseconds) / 1e18)
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: action)
    }

    private func failReply(_ id: Int, with error: any Error) {
        state.withLock { $0.replies.removeValue(forKey: id) }?.resume(throwing: error)
    }

    private func failEvent(_ id: Int, with error: any Error) {
        state.withLock { $0.eventWaiters.removeValue(forKey: id) }?.continuation.resume(throwing: error)
    }

    /// Writes all of `data`; false when the pipe is closed.
    private func write(_ data: Data) -> Bool {
        socketOpen.withLock { socketOpen in
            guard socketOpen else { return false }
            return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
                var offset = 0
                while offset < bytes.count {
                    let written = sendWithoutSignal(socket, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    offset += written
                }
                return true
            }
        }
    }

    /// The reading thread: splits what the browser writes at NULs until it closes its end.
    private func readMessages() {
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            var scanFrom = pending.count
            pending.append(contentsOf: chunk[0..<count])
            var messageStart = 0
            while let end = pending[scanFrom...].firstIndex(of: 0) {
                if let message = DevToolsMessage(Data(pending[messageStart..<end])) { deliver(message) }
                messageStart = end + 1
                scanFrom = end + 1
            }
            pending.removeFirst(messageStart)
        }
        socketOpen.withLock { socketOpen in
            socketOpen = false
            close(socket)
        }
        let (waitingReplies, waitingEvents) = state.withLock { state in
            state.pipeClosed = true
            defer {
                state.replies = [:]
                state.eventWaiters = [:]
            }
            return (Array(state.replies.values), Array(state.eventWaiters.values))
        }
        waitingReplies.forEach { $0.resume(throwing: Failure.closed) }
        waitingEvents.forEach { $0.continuation.resume(throwing: Failure.closed) }
    }

    private func deliver(_ message: DevToolsMessage) {
        if let id = message.id {
            state.withLock { $0.replies.removeValue(forKey: id) }?.resume(returning: message)
            return
        }
        guard let sessionID = message.sessionID else { return }
        let waiter = state.withLock { state -> EventWaiter? in
            if let (id, waiter) = state.eventWaiters.first(where: { $0.value.sessionID == sessionID && $0.value.matches(message) }) {
                state.eventWaiters[id] = nil
                return waiter
            }
            state.buffered[sessionID]?.append(message)
            return nil
        }
        waiter?.continuation.resume(returning: message)
    }

    /// The reaping thread: waits for the process to end, then wakes the reading thread in case
    /// something else still holds the browser's end of the pipe.
    private func reap() {
        // Wait for the end without reaping first: until it is reaped, the ID cannot be reused, so
        // `terminate` may still signal it.
        var info = siginfo_t()
        while waitid(P_PID, id_t(processID), &info, WEXITED | WNOWAIT) == -1, errno == EINTR {}
        state.withLock { $0.exited = true }
        var status: Int32 = 0
        while waitpid(processID, &status, 0) == -1, errno == EINTR {}
        let signal = status & 0x7f
        let description = signal == 0 ? "exit status \((status >> 8) & 0xff)" : "signal \(signal)"
        socketOpen.withLock { socketOpen in
            if socketOpen { shutdown(socket, Int32(SHUT_RDWR)) }
        }
        let waiters = state.withLock { state in
            state.ending = description
            defer { state.exitWaiters = [:] }
            return Array(state.exitWaiters.values)
        }
        waiters.forEach { $0.resume(returning: description) }
    }
}

/// A connected pair of stream sockets, both closed on exec.
private func socketPair() throws -> (Int32, Int32) {
    var ends: [Int32] = [-1, -1]
    guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
    return (ends[0], ends[1])
}

/// `send` that fails with EPIPE instead of raising SIGPIPE when the other end is gone.
private func sendWithoutSignal(_ socket: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    send(socket, bytes, count, Int32(MSG_NOSIGNAL))
}

/// Makes the child close every descriptor from `first` on: descriptors this process opened without
/// close-on-exec (as Foundation's `Pipe` does) would otherwise stay open in the browser for as long as
/// it runs, and a reader waiting for the end of such a pipe would wait for the browser. Uses glibc's
/// `posix_spawn_file_actions_addclosefrom_np` (2.34 and later) when it is there.
private func closeOtherDescriptors(_ actions: inout posix_spawn_file_actions_t, from first: Int32) {
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
    _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, first)
}
