import Hummingbird

/// Answers every request from the site in memory: pages and files with their media type and entity
/// tag, `index.html` for folders, a redirect from `/x` to `/x/`, the site's own 404 page, HEAD and
/// conditional GET, and the live-reload event stream. HTML answers get the live-reload script.
/// A request addressed to another host is refused before anything else (see `HostCheck`).
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let site: PreviewSite
    let hosts: HostCheck

    func respond(to request: Request, context: Context) async throws -> Response {
        guard hosts.allows(request.head.authority) else {
            let refusal = Self.text(.forbidden, hosts.refusal(request.head.authority))
            return request.method == .head ? refusal.createHeadResponse() : refusal
        }
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "Only GET and HEAD are answered here.\n", extra: [.allow: "GET, HEAD"])
        }
        let target = request.head.path ?? "/"
        if request.method == .head, target.prefix(while: { $0 != "?" }) == LiveReloadScript.endpoint {
            return Response(status: .ok, headers: Self.eventStreamHeaders)
        }
        let response = respond(to: target, ifNoneMatch: request.headers[.ifNoneMatch])
        return request.method == .head ? response.createHeadResponse() : response
    }

    static let eventStreamHeaders: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]

    private func respond(to target: String, ifNoneMatch: String?) -> Response {
        let pathPart = target.prefix { $0 != "?" && $0 != "#" }
        if pathPart == LiveReloadScript.endpoint { return events(query: Self.query(of: target)) }
        guard let path = RequestPath(target: target) else {
            return Self.text(.badRequest, "This path cannot name a file of the site: '.' and '..' segments, backslashes, empty segments, control characters and malformed escapes are refused.\n")
        }
        let (snapshot, failure) = site.current
        if let file = snapshot[path.key] {
            return page(file, key: path.key, status: .ok, snapshot: snapshot, failure: failure, ifNoneMatch: ifNoneMatch)
        }
        if let index = path.folderIndexKey, snapshot[index] != nil {
            let query = target.firstIndex(of: "?").map { String(target[$0...]) } ?? ""
            return Response(status: .movedPermanently, headers: [.location: path.folderLocation + query, .cacheControl: "no-cache"])
        }
        if let notFound = snapshot["404.html"] {
            return page(notFound, key: path.key, status: .notFound, snapshot: snapshot, failure: failure, ifNoneMatch: nil)
        }
        // No build has succeeded yet, or the site has no 404 page.
        let body = failure == nil ? "<!doctype html><title>Not found</title><h1>Not found</h1>" : "<!doctype html><title>Build failed</title><body></body>"
        let file = ServedFile(path: "404.html", bytes: Array(body.utf8))
        return page(file, key: path.key, status: failure == nil ? .notFound : .internalServerError,
                    snapshot: snapshot, failure: failure, ifNoneMatch: nil)
    }

    /// A file of the site; HTML gets the live-reload script and, while the site does not build, the overlay.
    private func page(_ file: ServedFile, key: String, status: HTTPResponse.Status, snapshot: SiteSnapshot,
                      failure: BuildProblems?, ifNoneMatch: String?) -> Response {
        var etag = file.etag
        var body = file.body
        if file.isHTML {
            let shown = PreviewSite.shown(key, snapshot, failure)
            if let failure { etag = "\"\(etag.dropFirst().dropLast())-\(failure.tag)\"" }
            body = ByteBuffer(bytes: LiveReloadScript.inject(into: file.bytes, page: key, shown: shown, overlay: failure?.overlay))
        }
        var headers: HTTPFields = [.contentType: file.contentType, .cacheControl: "no-cache", .xContentTypeOptions: "nosniff"]
        guard status == .ok else { return Response(status: status, headers: headers, body: .init(byteBuffer: body)) }
        headers[.eTag] = etag
        if let ifNoneMatch, ETag.matches(ifNoneMatch, etag) { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }

    /// The Server-Sent Events stream of one open page; it ends when the server shuts down.
    private func events(query: [String: String]) -> Response {
        let stream = site.listen(page: query["page"] ?? "", shown: query["shown"] ?? "")
        return Response(status: .ok, headers: Self.eventStreamHeaders, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            for await event in stream { try await writer.write(ByteBuffer(string: event.text)) }
            try await writer.finish(nil)
        })
    }

    private static func text(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private static func query(of target: String) -> [String: String] {
        guard let start = target.firstIndex(of: "?") else { return [:] }
        var result: [String: String] = [:]
        for pair in target[target.index(after: start)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let key = RequestPath.percentDecoded(parts[0].utf8), let value = RequestPath.percentDecoded(parts[1].utf8)
            else { continue }
            result[String(decoding: key, as: UTF8.self)] = String(decoding: value, as: UTF8.self)
        }
        return result
    }
}
