// The only file that imports libyaml (Yams' CYaml): a pass over the parser's events, before Yams
// composes a tree, to find anchors and aliases. Composing first is not safe: Yams hashes mapping
// keys, and a key that is an alias of nested aliases expands exponentially while it is hashed.
import CYaml

enum YAMLEvents {
    /// The 1-based line and column of the first anchor (`&a`) or alias (`*a`) in `yaml`, with its
    /// name; nil when there is none, or when the text does not parse (composing reports that).
    /// Text without `&` and `*` has neither (libyaml starts an anchor with the one and an alias with
    /// the other), so nearly every file is answered by a scan of its bytes, without the parser.
    static func firstAnchor(in yaml: String) -> (line: Int, column: Int, name: String)? {
        guard yaml.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) else { return nil }
        var text = yaml
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> (line: Int, column: Int, name: String)? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                let anchor: UnsafeMutablePointer<UInt8>? = switch event.type {
                case YAML_ALIAS_EVENT: event.data.alias.anchor
                case YAML_SCALAR_EVENT: event.data.scalar.anchor
                case YAML_SEQUENCE_START_EVENT: event.data.sequence_start.anchor
                case YAML_MAPPING_START_EVENT: event.data.mapping_start.anchor
                default: nil
                }
                if let anchor {
                    return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1, String(cString: anchor))
                }
            }
            return nil
        } ?? nil
    }
}
