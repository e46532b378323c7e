import Hummingbird

/// The media type of an output file, from its extension by Hummingbird's `MediaType` table; text
/// types say they are UTF-8, as tabib writes them.
enum ContentType {
    static func of(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let type = mediaType(of: name) else { return "application/octet-stream" }
        return isText(type) ? type.withParameter(name: "charset", value: "utf-8").description : type.description
    }

    static func isHTML(_ path: String) -> Bool { of(path).hasPrefix("text/html") }

    private static func mediaType(of name: String) -> MediaType? {
        // Hummingbird's table knows neither Atom feeds, which share `.xml` with the sitemap, nor AVIF images.
        if name == "atom.xml" { return MediaType(type: .application, subType: "atom+xml") }
        guard let dot = name.lastIndex(of: ".") else { return nil }
        let fileExtension = name[name.index(after: dot)...].lowercased()
        if fileExtension == "avif" { return MediaType(type: .image, subType: "avif") }
        return MediaType.getMediaType(forExtension: fileExtension)
    }

    /// Text, and the formats written as text: JSON, XML, and their kinds such as SVG and the web manifest.
    private static func isText(_ type: MediaType) -> Bool {
        type.type == .text || ["json", "xml"].contains(type.subType) || type.subType.hasSuffix("+json") || type.subType.hasSuffix("+xml")
    }
}
