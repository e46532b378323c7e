import Foundation
import Synchronization

/// The QR codes of earlier builds, by the text they encode, kept in `.tabib-cache/qr-codes` under the
/// site's root: choosing a code's mask is most of libqrencode's work, and a handout's URL rarely
/// changes, so a rebuild draws each code from its stored modules instead of encoding it again.
///
/// Only a speed-up: a missing, foreign or damaged file is ignored (every code is encoded again), a
/// file made by another libqrencode version too, and a cache folder that is a symbolic link is never
/// read or written. Safe to use from every rendering thread at once.
final class QRCodeCache: Sendable {
    private struct State {
        var symbols: [String: QRSymbol]
        var used: Set<String> = []
        var added = 0
    }

    private let state: Mutex<State>
    private let loaded: Int

    init(symbols: [String: QRSymbol] = [:]) {
        state = Mutex(State(symbols: symbols))
        loaded = symbols.count
    }

    /// The symbol for `text`: from the cache, else encoded now and kept.
    func symbol(for text: String) -> QRSymbol? {
        if let hit = state.withLock({ state -> QRSymbol? in
            guard let symbol = state.symbols[text] else { return nil }
            state.used.insert(text)
            return symbol
        }) { return hit }
        guard let symbol = QRCode.symbol(for: text) else { return nil }
        state.withLock { state in
            if state.symbols.updateValue(symbol, forKey: text) == nil { state.added += 1 }
            state.used.insert(text)
        }
        return symbol
    }

    // MARK: On disk

    static let folder = CacheFolder.name
    static let fileName = "qr-codes"
    private static var header: [UInt8] { Array("tabib qr-codes 1 libqrencode \(QRCode.libraryVersion)\n".utf8) }

    /// The cache of the site at `root`, or an empty one.
    static func load(root: URL) -> QRCodeCache {
        guard let folder = usableFolder(root: root, create: false),
              let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else { return QRCodeCache() }
        return QRCodeCache(symbols: decode([UInt8](data)) ?? [:])
    }

    /// Writes the codes this build used, when they differ from what was loaded; failures are ignored.
    func save(root: URL) {
        let (symbols, changed) = state.withLock { state -> ([(String, QRSymbol)], Bool) in
            let kept = state.used.sorted().map { ($0, state.symbols[$0]!) }
            return (kept, state.added > 0 || kept.count != loaded)
        }
        guard changed, let folder = Self.usableFolder(root: root, create: true) else { return }
        var bytes = Self.header
        for (text, symbol) in symbols {
            let utf8 = Array(text.utf8)
            Self.append(UInt32(utf8.count), to: &bytes)
            bytes += utf8
            bytes.append(UInt8(symbol.width))
            bytes += symbol.bits
        }
        let target = folder.appendingPathComponent(Self.fileName)
        let temporary = folder.appendingPathComponent(".\(Self.fileName).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else { return }
        if rename(temporary.path, target.path) != 0 { unlink(temporary.path) }
    }

    /// `root/.tabib-cache`, unless it is anything but a real folder.
    static func usableFolder(root: URL, create: Bool) -> URL? { CacheFolder.usable(root: root, create: create) }

    /// The entries of a cache file, or nil when it is not one this tabib and libqrencode wrote.
    static func decode(_ bytes: [UInt8]) -> [String: QRSymbol]? {
        let header = Self.header
        guard bytes.count >= header.count, Array(bytes[0..<header.count]) == header else { return nil }
        var symbols: [String: QRSymbol] = [:]
        var at = header.count
        while at < bytes.count {
            guard at + 4 <= bytes.count else { return nil }
            let length = Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
            at += 4
            guard length <= 4096, at + length + 1 <= bytes.count else { return nil }
            let text = String(decoding: bytes[at..<(at + length)], as: UTF8.self)
            at += length
            let width = Int(bytes[at])
            at += 1
            let count = QRSymbol.byteCount(width: width)
            guard at + count <= bytes.count, let symbol = QRSymbol(width: width, bits: Array(bytes[at..<(at + count)])) else { return nil }
            at += count
            symbols[text] = symbol
        }
        return symbols
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}
