/// Whether an SVG is a plain drawing. An SVG is a document: opened at its own address (a reader who
/// follows "open image"), its scripts and event handlers run with the site's origin, and it can load
/// other files. Shown through `<img>` a browser runs none of that, but its address is public, so tabib
/// refuses SVGs that hold any of it instead of trying to clean them.
enum SVGSafety {
    /// What makes the SVG unsafe, with its line (`a <script> element on line 3`), or nil.
    static func problem(in bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        var line = 1
        var index = text.startIndex
        func rest() -> Substring { text[index...] }
        while index < text.endIndex {
            let character = text[index]
            if character == "\n" { line += 1 }
            if character == "<" {
                let tail = rest()
                if tail.hasPrefix("<script") { return "a <script> element on line \(line)" }
                if tail.hasPrefix("<foreignobject") { return "a <foreignObject> element (HTML inside the drawing) on line \(line)" }
                if tail.hasPrefix("<!entity") || tail.hasPrefix("<!doctype") && tail.prefix(while: { $0 != ">" }).contains("[") {
                    return "an entity declaration on line \(line)"
                }
            }
            if character.isWhitespace, let found = eventHandler(at: text.index(after: index), in: text) {
                return "an event handler attribute '\(found)' on line \(line)"
            }
            if character == "=" || character == "(" {
                let value = text[text.index(after: index)...].drop { $0 == " " || $0 == "\"" || $0 == "'" }
                if value.hasPrefix("javascript:") { return "a javascript: address on line \(line)" }
                // The namespace declarations every SVG carries (xmlns="http://…") are names, not references.
                if value.hasPrefix("http:") || value.hasPrefix("https:") || value.hasPrefix("//"), !text[..<index].suffix(12).contains("xmlns") {
                    return "a reference to another file on line \(line)"
                }
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// `onload`, `onclick`, … when an attribute with such a name starts at `start` (followed by `=`).
    private static func eventHandler(at start: String.Index, in text: String) -> String? {
        guard text[start...].hasPrefix("on") else { return nil }
        let name = text[start...].prefix { $0.isLetter }
        guard name.count > 2 else { return nil }
        let after = text[name.endIndex...].drop { $0 == " " }
        return after.first == "=" ? String(name) : nil
    }
}
