import Foundation

/// A built page made ready for a browser that reads it from disk. The site's pages use root-relative
/// URLs (`/assets/style.css`), which under `file://` would point at the disk's root; the copy loads its
/// assets and images from the build folder, and a `<base>` makes its links those of the published site, so links
/// in a PDF lead to the web and never to the machine that printed it.
public struct LocalPage: Sendable {
    /// The copy to hand to the browser.
    public let url: URL

    /// Copies `outputPath` (such as `en/handouts/x/index.html`) of the built site in `folder` into
    /// `scratch`, for the page published at `pageURL`.
    public init(_ outputPath: String, in folder: URL, basePath: String, pageURL: String, scratch: URL) throws {
        var html = try String(contentsOf: folder.appendingPathComponent(outputPath), encoding: .utf8)
        // Assets and images (an image's srcset lists several addresses: each is rewritten).
        for local in ["assets", "images"] {
            let files = folder.appendingPathComponent(local, isDirectory: true).absoluteString
            for before in ["\"", "'", ", "] { html = html.replacingOccurrences(of: "\(before)\(basePath)\(local)/", with: before + files) }
        }
        if let head = html.range(of: "<head>") {
            html.insert(contentsOf: "\n<base href=\"\(HTML.escape(pageURL))\">", at: head.upperBound)
        }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        url = scratch.appendingPathComponent(outputPath.replacingOccurrences(of: "/", with: "_"))
        try Data(html.utf8).write(to: url)
    }
}
