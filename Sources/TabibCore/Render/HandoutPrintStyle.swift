/// The print rules of one handout: from page 2 on, the top of each page repeats the handout's title,
/// the article's URL and the page number (for a second sheet that gets separated from the first),
/// and the foot of every page carries the short disclaimer, once. Chromium prints CSS page-margin boxes.
enum HandoutPrintStyle {
    static func css(title: String, url: String, pageLabel: String, shortDisclaimer: String) -> String {
        let font = "font: 9pt system-ui, \"Noto Sans\", \"DejaVu Sans\", sans-serif; color: #000;"
        return """
        @media print {
          @page {
            margin: 18mm 15mm 20mm;
            @top-left { content: \(string(pageLabel + " ")) counter(page) "/" counter(pages) \(string(" · \(title) — \(url)")); width: 100%; \(font) }
            @bottom-center { content: \(string(shortDisclaimer)); \(font) }
            @bottom-right { content: none; }
          }
          @page :first {
            @top-left { content: none; }
            @top-right { content: \(string(pageLabel + " ")) counter(page) "/" counter(pages); \(font) }
          }
        }
        """
    }

    /// A CSS string literal of `text`, safe inside a `<style>` element.
    static func string(_ text: String) -> String {
        var bytes = text
        let plain = bytes.withUTF8 { !$0.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n")
                                                    || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") } }
        if plain { return "\"" + text + "\"" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n", "\r": result += "\\A "
            case "<": result += "\\3C "
            case ">": result += "\\3E "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
