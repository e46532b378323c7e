/// The small script that only `tabib serve` adds to HTML pages, just before `</body>`: it follows the
/// server's event stream, reloads the page when what it shows has changed, and puts the overlay of a
/// failed rebuild over it. `tabib build` never writes it: it is added to responses, not to the output.
enum LiveReloadScript {
    static let endpoint = "/_tabib/live"

    /// - Parameters:
    ///   - page: the output key the page was answered from.
    ///   - shown: the token of what the page shows, for the server to compare when the stream (re)connects.
    ///   - overlay: the overlay to show from the start, while the site does not build.
    static func snippet(page: String, shown: String, overlay: String?) -> String {
        var html = overlay ?? ""
        html += "<script data-tabib-live>(function () {\n"
        html += "  var url = \"\(endpoint)?page=\" + encodeURIComponent(\(LiveEvent.jsonString(page)))"
        html += " + \"&shown=\" + encodeURIComponent(\(LiveEvent.jsonString(shown)));\n"
        html += """
          var source = null;
          function connect() {
            if (source) return;
            source = new EventSource(url);
            source.addEventListener("reload", function () { disconnect(); location.reload(); });
            source.addEventListener("failure", function (event) {
              var old = document.getElementById("\(ErrorOverlay.elementID)");
              if (old) old.remove();
              var holder = document.createElement("div");
              holder.innerHTML = JSON.parse(event.data).html;
              document.body.appendChild(holder.firstChild);
            });
          }
          function disconnect() { if (source) { source.close(); source = null; } }
          // Hidden tabs let go of their connection (browsers allow few per server) and catch up when shown.
          document.addEventListener("visibilitychange", function () { document.hidden ? disconnect() : connect(); });
          addEventListener("pagehide", disconnect);
          addEventListener("pageshow", function () { if (!document.hidden) connect(); });
          if (!document.hidden) connect();
        })();</script>

        """
        return html
    }

    /// The page with the snippet inserted before its last `</body>` (any case), or appended when it has none.
    static func inject(into html: [UInt8], page: String, shown: String, overlay: String?) -> [UInt8] {
        let snippet = Array(snippet(page: page, shown: shown, overlay: overlay).utf8)
        guard let index = lastBodyClose(in: html) else { return html + snippet }
        var result = html
        result.insert(contentsOf: snippet, at: index)
        return result
    }

    private static func lastBodyClose(in html: [UInt8]) -> Int? {
        let tag = Array("</body".utf8)
        guard html.count >= tag.count else { return nil }
        var index = html.count - tag.count
        while index >= 0 {
            if zip(tag, html[index..<(index + tag.count)]).allSatisfy({ $0 == ($1 | 0x20) || $0 == $1 }) { return index }
            index -= 1
        }
        return nil
    }
}
