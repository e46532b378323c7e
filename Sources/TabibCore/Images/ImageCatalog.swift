import Foundation

/// Every image of `content/images/` with its sidecar metadata, read before the Markdown bodies that
/// show them: a body needs each image's size and hash to write its `<img>`. Images are shared by all
/// languages; each translation gives its own alt text and caption.
struct ImageCatalog: Sendable {
    /// By name (path under `content/images/`).
    var images: [String: SiteImage] = [:]
    /// The site's base path (`/` or `/sub/`), which every image address starts with.
    var basePath = "/"

    func image(named name: String) -> SiteImage? { images[name] }

    /// The site path of an output file under the site root.
    func url(_ outputPath: String) -> String { basePath + outputPath }

    /// Lists `content/images/`, reads the files whose stamp changed since `cache` (hash, header, SVG
    /// safety) and every sidecar. Problems of an image file are kept on the image and reported where a
    /// page shows it; problems of a sidecar are reported here.
    static func load(root: URL, config: SiteConfig, reusing cache: inout ImageCache) -> (ImageCatalog, [Diagnostic]) {
        let folder = root.appendingPathComponent(SiteImage.folder)
        var catalog = ImageCatalog(basePath: config.basePath)
        var diagnostics: [Diagnostic] = []
        let languages = Set(config.languages.map(\.code))
        var files: [String] = []
        var sidecars: Set<String> = []
        if let enumerator = FileManager.default.enumerator(atPath: folder.path) {
            while let relative = enumerator.nextObject() as? String {
                guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path, isDirectory: &isDirectory),
                      !isDirectory.boolValue else { continue }
                if relative.hasSuffix(".yaml") { sidecars.insert(relative) } else { files.append(relative) }
            }
        }
        let previous = cache.entries
        cache.entries = [:]
        let stale = files.filter { name in
            guard let stamp = FileStamp(path: folder.appendingPathComponent(name).path), let entry = previous[name], entry.stamp == stamp else { return true }
            cache.entries[name] = entry
            return false
        }
        let read = ParallelMap.mapBlocking(stale) { name -> (String, ImageCache.Entry?) in
            let url = folder.appendingPathComponent(name)
            // Stamped before reading: a write during the read leaves a stamp that the next build sees as changed.
            guard let stamp = FileStamp(path: url.path), let data = FileManager.default.contents(atPath: url.path) else { return (name, nil) }
            return (name, ImageCache.Entry(stamp: stamp, file: inspect(name: name, bytes: [UInt8](data))))
        }
        for case let (name, entry?) in read { cache.entries[name] = entry }
        for name in files {
            guard let entry = cache.entries[name] else { continue }
            var image = entry.file
            let sidecar = name + ".yaml"
            if sidecars.contains(sidecar) {
                let (meta, metaDiagnostics) = readSidecar(root: root, path: "\(SiteImage.folder)/\(sidecar)", languages: languages)
                image.meta = meta
                diagnostics += metaDiagnostics
            }
            catalog.images[name] = image
        }
        for sidecar in sidecars where catalog.images[String(sidecar.dropLast(5))] == nil {
            diagnostics.append(.warning("orphan-image-metadata",
                "\(SiteImage.folder)/\(sidecar) describes no image: there is no \(SiteImage.folder)/\(sidecar.dropLast(5)); rename it after its image or remove it.",
                at: SourceLocation(path: "\(SiteImage.folder)/\(sidecar)")))
        }
        return (catalog, diagnostics)
    }

    /// Hash, header and problems of one image file.
    static func inspect(name: String, bytes: [UInt8]) -> SiteImage {
        let ext = (name as NSString).pathExtension.lowercased()
        var image = SiteImage(name: name, hash: Vips.sha256(bytes), isSVG: ext == "svg", header: nil, problem: nil, meta: ImageMeta())
        guard SiteImage.extensions.contains(ext) else {
            image.problem = .unsupported(ext)
            return image
        }
        if image.isSVG, let unsafe = SVGSafety.problem(in: bytes) {
            image.problem = .unsafeSVG(unsafe)
            return image
        }
        do {
            image.header = try Vips.header(of: bytes)
        } catch {
            image.problem = .unreadable(error.message)
        }
        return image
    }

    /// Reads `credit` (text, or text per language), `license` and `screenOnly` from a sidecar.
    static func readSidecar(root: URL, path: String, languages: Set<String>) -> (ImageMeta, [Diagnostic]) {
        var meta = ImageMeta(sidecar: path)
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
            return (meta, [.error("read-failed", "\(path) could not be read; check its permissions.", at: SourceLocation(path: path))])
        }
        let text: String
        switch SourceText.decode(data, path: path) {
        case let .success(decoded): text = decoded
        case let .failure(diagnostic): return (meta, [diagnostic])
        }
        var reader = YAMLValueReader(path: path, lineOffset: 0)
        guard let root = reader.compose(text) else { return (meta, reader.diagnostics) }
        for (key, _, value) in reader.mapping(root, what: "the image's metadata", allowed: ImageMeta.keys) {
            switch key {
            case "credit":
                if case .mapping = value {
                    for (code, _, credit) in reader.mapping(value, what: "'credit'", allowed: languages.sorted()) {
                        meta.credit[code] = reader.string(credit, key: "credit")
                    }
                } else {
                    meta.credit[""] = reader.string(value, key: "credit")
                }
            case "license": meta.license = reader.string(value, key: "license")
            case "screenOnly": meta.screenOnly = reader.bool(value, key: "screenOnly") ?? false
            default: break
            }
        }
        return (meta, reader.diagnostics)
    }

    /// A warning for each image in `used` without a credit or a licence, once per image, at its sidecar
    /// (or at the image, when it has none).
    func creditWarnings(used: Set<String>, languages: [String]) -> [Diagnostic] {
        used.sorted().compactMap { name -> Diagnostic? in
            guard let image = images[name], image.problem == nil else { return nil }
            let meta = image.meta
            var missing: [String] = []
            let uncredited = languages.filter { meta.credit(in: $0) == nil }
            if uncredited.count == languages.count { missing.append("credit") } else if !uncredited.isEmpty {
                missing.append("credit in \(uncredited.joined(separator: ", "))")
            }
            if meta.license == nil { missing.append("licence") }
            guard !missing.isEmpty else { return nil }
            let sidecar = meta.sidecar ?? "\(image.path).yaml"
            return .warning("image-credit",
                "the image \(image.path) has \(missing.map { "no \($0)" }.joined(separator: " and ")) in its metadata; write who made it and under which licence in \(sidecar), such as credit: \"Ilustrasi: tim tabib\" and license: CC BY 4.0.",
                at: SourceLocation(path: meta.sidecar ?? image.path))
        }
    }
}

/// What an earlier build read of each image file, with the file's stamp: a rebuild (`tabib serve`)
/// reads, hashes and probes again only the images whose stamp changed.
public struct ImageCache: Sendable {
    struct Entry: Sendable {
        var stamp: FileStamp
        var file: SiteImage
    }

    var entries: [String: Entry] = [:]
    public init() {}
}
