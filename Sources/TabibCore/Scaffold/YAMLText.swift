/// Values written into YAML by `tabib new`, so that any text stands as one value.
enum YAMLText {
    /// A double-quoted YAML string: `"Penyebab: dehidrasi"`, with `\` and `"` escaped and line breaks as `\n`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `[a, b]`, for ids (which need no quotes) or values already quoted.
    static func flowList(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}
