/// The files one image is published as: a few widths (never wider than the original), each in WebP and
/// in JPEG (PNG when it has transparency); an SVG as itself. Named by the content hash, so a changed
/// image gets new addresses and browsers may cache each file for ever.
struct ImageVariants: Sendable, Equatable {
    struct Variant: Sendable, Equatable {
        var width: Int
        var height: Int
        var encoding: ImageEncoding
        /// Relative to the output folder: `images/peregangan-betis.1a2b3c4d5e.800.webp`.
        var outputPath: String
    }

    /// The widths written, in CSS pixels at 1x up to print: 480 for phones, 800 for tablets and 2x
    /// phones, 1200 for wide screens and handouts (about 300 dpi across 10 cm of A4).
    static let widths = [480, 800, 1200]
    /// The quality of WebP and JPEG.
    static let quality = 80
    /// Changes whenever what is written for a given original changes: part of the cache's key.
    static let recipe = "v1-\(widths.map(String.init).joined(separator: "-"))-q\(quality)"

    var image: SiteImage
    /// WebP first, then the fallback, each from the narrowest width; empty for an SVG.
    var variants: [Variant]

    var fallback: ImageEncoding { image.header?.hasAlpha == true ? .png : .jpeg }

    init(_ image: SiteImage) {
        self.image = image
        guard !image.isSVG, let header = image.header, header.width > 0, header.height > 0 else {
            variants = []
            return
        }
        let widths = Self.widths(forOriginal: header.width)
        let stem = Self.stem(image)
        let fallback: ImageEncoding = header.hasAlpha ? .png : .jpeg
        variants = [ImageEncoding.webp, fallback].flatMap { encoding in
            widths.map { width in
                // libvips rounds the same way when it shrinks to a width.
                let height = max(1, Int((Double(header.height) * Double(width) / Double(header.width)).rounded()))
                return Variant(width: width, height: height, encoding: encoding,
                               outputPath: "\(stem).\(width).\(encoding.fileExtension)")
            }
        }
    }

    /// 480, 800 and 1200 where the original is wider, and the original's own width when under 1200.
    static func widths(forOriginal width: Int) -> [Int] {
        var result = Self.widths.filter { $0 < width }
        if width <= Self.widths.last! { result.append(width) }
        return result.isEmpty ? [width] : result
    }

    /// `images/<name without extension>.<first 10 hex digits of the hash>`.
    static func stem(_ image: SiteImage) -> String {
        let name = image.name
        let base = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        return "images/\(base).\(image.hash.prefix(10))"
    }

    /// Where an SVG is published.
    var svgPath: String { "\(Self.stem(image)).svg" }

    func variants(_ encoding: ImageEncoding) -> [Variant] { variants.filter { $0.encoding == encoding } }

    /// The widest fallback file: the `src` of the `<img>`, and what handouts print.
    var largest: Variant? { variants(fallback).last }

    /// Every output path, for the write stage.
    var outputPaths: [String] { image.isSVG ? [svgPath] : variants.map(\.outputPath) }
}
