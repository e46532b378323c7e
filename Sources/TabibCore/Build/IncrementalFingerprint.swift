/// A canonical text of any value, for telling whether the inputs of two builds are the same:
/// structure by reflection, with dictionaries and sets sorted, since their order differs between
/// two equal instances.
enum IncrementalFingerprint {
    static func of(_ value: Any) -> String {
        var text = ""
        write(value, into: &text)
        return text
    }

    private static func write(_ value: Any, into text: inout String) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary, .set:
            let entries = mirror.children.map { child -> String in
                var entry = ""
                write(child.value, into: &entry)
                return entry
            }
            text += "{" + entries.sorted().joined(separator: ",") + "}"
        case .collection, .tuple:
            text += "["
            for child in mirror.children {
                write(child.value, into: &text)
                text += ","
            }
            text += "]"
        case .optional:
            if let child = mirror.children.first { write(child.value, into: &text) } else { text += "nil" }
        case .struct, .class, .enum:
            text += "\(mirror.subjectType)"
            if mirror.children.isEmpty { text += "." + String(describing: value) }
            text += "("
            for child in mirror.children {
                text += (child.label ?? "") + ":"
                write(child.value, into: &text)
                text += ","
            }
            text += ")"
        default:
            text += String(reflecting: value)
        }
    }
}
