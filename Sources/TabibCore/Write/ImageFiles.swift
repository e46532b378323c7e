import Foundation

/// Writes the published files of the images pages show: resized with libvips the first time an image
/// (by content hash) is seen, and kept in `.tabib-cache/images/` under the site root, so a rebuild
/// with unchanged images reads the cached files instead of resizing again.
enum ImageFiles {
    /// The cache folder under the site root; not part of the site, and ignored by git.
    static let cacheFolder = ".tabib-cache/images"

    /// Writes every file of each image in `names` into `sink`. Returns how many files were written,
    /// and an error for each image that could not be read or resized.
    static func write(_ names: [String], from catalog: ImageCatalog, root: URL, into sink: some OutputSink) async -> (Int, [Diagnostic]) {
        let images = names.compactMap { catalog.image(named: $0) }.filter { $0.problem == nil }
        let cache = root.appendingPathComponent(cacheFolder).appendingPathComponent(ImageVariants.recipe)
        let results = await ParallelMap.map(images) { image -> (Int, Diagnostic?) in
            do {
                return (try write(image, root: root, cache: cache, into: sink), nil)
            } catch let error as ImageFailure {
                return (0, .error(error.code, error.message, at: SourceLocation(path: image.path)))
            } catch {
                return (0, .error("write-failed", "could not write the files of \(image.path) (\(error)); check the disk and its permissions.",
                                  at: SourceLocation(path: image.path)))
            }
        }
        return (results.reduce(0) { $0 + $1.0 }, results.compactMap(\.1))
    }

    struct ImageFailure: Error {
        var code: String
        var message: String
    }

    private static func write(_ image: SiteImage, root: URL, cache: URL, into sink: some OutputSink) throws -> Int {
        let variants = ImageVariants(image)
        // Read only when something must be made from it, and checked against the hash the pages use.
        var source: [UInt8]?
        func original() throws -> [UInt8] {
            if let source { return source }
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(image.path).path) else {
                throw ImageFailure(code: "read-failed", message: "\(image.path) could not be read; check that it is still there and readable.")
            }
            let bytes = [UInt8](data)
            guard Vips.sha256(bytes) == image.hash else {
                throw ImageFailure(code: "image-changed", message: "\(image.path) changed while the site was being built; build again.")
            }
            source = bytes
            return bytes
        }
        if image.isSVG {
            try sink.write(OutputFile(path: variants.svgPath, contents: try original()))
            return 1
        }
        let folder = cache.appendingPathComponent(image.hash)
        var written = 0
        for width in Set(variants.variants.map(\.width)).sorted() {
            let pair = variants.variants.filter { $0.width == width }
            let cached = pair.map { FileManager.default.contents(atPath: folder.appendingPathComponent(cacheName($0)).path).map { [UInt8]($0) } }
            var files: [[UInt8]]
            if cached.allSatisfy({ $0 != nil }) {
                files = cached.map { $0! }
            } else {
                do {
                    files = try Vips.resized(try original(), width: width, encodings: pair.map(\.encoding), quality: ImageVariants.quality)
                } catch let error as VipsError {
                    throw ImageFailure(code: "bad-image",
                        message: "\(image.path) could not be resized (libvips: \(error.message)); the file may be damaged: open it in an image viewer and save it again as JPEG, PNG or WebP.")
                }
                for (variant, bytes) in zip(pair, files) { store(bytes, at: folder.appendingPathComponent(cacheName(variant))) }
            }
            for (variant, bytes) in zip(pair, files) {
                try sink.write(OutputFile(path: variant.outputPath, contents: bytes))
                written += 1
            }
        }
        return written
    }

    private static func cacheName(_ variant: ImageVariants.Variant) -> String { "\(variant.width).\(variant.encoding.fileExtension)" }

    /// Keeps a resized file for the next build; a cache that cannot be written only costs time.
    private static func store(_ bytes: [UInt8], at url: URL) {
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Written beside, then renamed: a build cut short never leaves half a file in the cache.
        let partial = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)")
        do {
            try Data(bytes).write(to: partial)
            if rename(partial.path, url.path) != 0 { try? FileManager.default.removeItem(at: partial) }
        } catch {
            try? FileManager.default.removeItem(at: partial)
        }
    }
}
