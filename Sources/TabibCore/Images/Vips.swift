// The only file that imports libvips. Nothing C-typed leaves it: the rest of tabib sees byte arrays,
// `ImageHeader` and `VipsError`, whose message is the one libvips gave.
import CVips
import Foundation

/// What libvips read of an image without decoding its pixels.
struct ImageHeader: Sendable, Equatable {
    /// Pixels, as the image is shown: turned by its EXIF orientation.
    var width: Int
    var height: Int
    var hasAlpha: Bool
}

/// libvips could not read or write an image; `message` is libvips' own words.
struct VipsError: Error, Equatable {
    var message: String
}

/// An encoding the resized images are written in.
enum ImageEncoding: String, Sendable, CaseIterable {
    case webp, jpeg, png

    var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
    var mimeType: String { "image/\(rawValue)" }
}

/// libvips' reading, resizing and encoding, and glib's SHA-256, which libvips links.
enum Vips {
    /// libvips started once per process, with no operation cache (each image is resized once per build,
    /// and the cache would keep its pixels) and one worker per operation (the build resizes images on
    /// every core already). Nil when it could not start.
    private static let started: VipsError? = {
        guard vips_init("tabib") == 0 else { return takeError(or: "libvips could not start") }
        tabib_vips_quiet()
        vips_cache_set_max(0)
        vips_concurrency_set(1)
        return nil
    }()

    /// Reads the size and whether there is an alpha channel, without decoding pixels.
    static func header(of bytes: [UInt8]) throws(VipsError) -> ImageHeader {
        if let failure = started { throw failure }
        let result: Result<ImageHeader, VipsError> = withBytes(bytes) { base, count in
            guard let image = tabib_vips_open(base, count) else { return .failure(takeError(or: "not an image")) }
            defer { g_object_unref(UnsafeMutableRawPointer(image)) }
            var width = Int(vips_image_get_width(image)), height = Int(vips_image_get_height(image))
            var orientation: Int32 = 1
            if vips_image_get_typeof(image, "orientation") != 0, vips_image_get_int(image, "orientation", &orientation) == 0,
               orientation >= 5, orientation <= 8 {
                swap(&width, &height)
            }
            return .success(ImageHeader(width: width, height: height, hasAlpha: vips_image_hasalpha(image) != 0))
        }
        return try result.get()
    }

    /// The image `width` pixels wide (or its own width, when smaller), encoded in each of `encodings`,
    /// in that order; decoded once.
    static func resized(_ bytes: [UInt8], width: Int, encodings: [ImageEncoding], quality: Int) throws(VipsError) -> [[UInt8]] {
        if let failure = started { throw failure }
        let result: Result<[[UInt8]], VipsError> = withBytes(bytes) { base, count in
            var thumbnail: UnsafeMutablePointer<VipsImage>?
            guard tabib_vips_thumbnail(base, count, Int32(width), &thumbnail) == 0, let thumbnail else {
                return .failure(takeError(or: "the image could not be decoded"))
            }
            defer { g_object_unref(UnsafeMutableRawPointer(thumbnail)) }
            // Decoded into memory once, then encoded as many times as asked.
            guard let pixels = vips_image_copy_memory(thumbnail) else { return .failure(takeError(or: "the image could not be decoded")) }
            defer { g_object_unref(UnsafeMutableRawPointer(pixels)) }
            var outputs: [[UInt8]] = []
            for encoding in encodings {
                var data: UnsafeMutableRawPointer?
                var length = 0
                let status: Int32 = switch encoding {
                case .webp: tabib_vips_webp(pixels, Int32(quality), &data, &length)
                case .jpeg: tabib_vips_jpeg(pixels, Int32(quality), &data, &length)
                case .png: tabib_vips_png(pixels, &data, &length)
                }
                guard status == 0, let data else { return .failure(takeError(or: "the image could not be written as \(encoding.rawValue)")) }
                defer { g_free(data) }
                outputs.append([UInt8](UnsafeRawBufferPointer(start: data, count: length)))
            }
            return .success(outputs)
        }
        return try result.get()
    }

    /// The SHA-256 of `bytes`, as 64 lowercase hexadecimal digits.
    static func sha256(_ bytes: [UInt8]) -> String {
        // glib wants a pointer even for no bytes.
        let storage = bytes.isEmpty ? [0] : bytes
        return storage.withUnsafeBufferPointer { buffer in
            guard let digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256, buffer.baseAddress!, gsize(bytes.count)) else {
                preconditionFailure("glib has SHA-256")
            }
            defer { g_free(digest) }
            return String(cString: digest)
        }
    }

    private static func withBytes<T>(_ bytes: [UInt8], _ body: (UnsafeRawPointer, Int) -> Result<T, VipsError>) -> Result<T, VipsError> {
        guard !bytes.isEmpty else { return .failure(VipsError(message: "the file is empty")) }
        return bytes.withUnsafeBytes { body($0.baseAddress!, $0.count) }
    }

    /// libvips' error text since the last one was taken, as one line, or `fallback` when it has none.
    private static func takeError(or fallback: String) -> VipsError {
        let text = vips_error_buffer().map { String(cString: $0) } ?? ""
        vips_error_clear()
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return VipsError(message: lines.isEmpty ? fallback : lines.joined(separator: "; "))
    }
}
