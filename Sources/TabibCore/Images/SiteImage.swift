/// One file of `content/images/`, as the build knows it: its content hash, what libvips read of its
/// header, what is wrong with it if anything, and its credit from the sidecar `<file>.yaml`.
struct SiteImage: Sendable, Equatable {
    /// The path under `content/images/`, as Markdown names it: `peregangan-betis.png`.
    var name: String
    /// SHA-256 of the file's bytes: names its resized files and their cache entries.
    var hash: String
    var isSVG: Bool
    /// Nil when the file has a problem.
    var header: ImageHeader?
    var problem: Problem?
    var meta: ImageMeta

    enum Problem: Sendable, Equatable {
        /// A file type tabib does not publish (its extension).
        case unsupported(String)
        /// libvips could not read it: its message.
        case unreadable(String)
        /// An SVG holding something that could run code or fetch from elsewhere: what, and on which line.
        case unsafeSVG(String)
    }

    static let folder = "content/images"
    static let extensions = ["jpg", "jpeg", "png", "webp", "svg"]

    /// The path relative to the site root.
    var path: String { "\(Self.folder)/\(name)" }

    /// Changes whenever anything that the HTML of the image shows changes.
    var fingerprint: String { "\(hash) \(meta.fingerprint)" }
}

/// What the sidecar `content/images/<file>.yaml` says about an image.
struct ImageMeta: Sendable, Equatable {
    /// Who made it, by language code; the key "" holds a credit for every language.
    var credit: [String: String] = [:]
    var license: String?
    /// Shown on the web pages only: left off handouts and printed pages.
    var screenOnly = false
    /// The sidecar's path relative to the site root, when there is one.
    var sidecar: String?

    static let keys = ["credit", "license", "screenOnly"]

    func credit(in language: String) -> String? { credit[language] ?? credit[""] }

    var fingerprint: String {
        credit.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "|") + "|\(license ?? "")|\(screenOnly)"
    }
}
