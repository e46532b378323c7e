import Foundation
import Testing
@testable import TabibCore

/// JSON string literals as JSONSerialization writes them, optionally safe inside a script.
@Suite struct JSONStringTests {
    static func foundation(_ string: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [string], options: [.withoutEscapingSlashes])
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    @Test func writesWhatJSONSerializationWrites() {
        for string in ["", "plain text", "é e\u{301} 👍🏽 / slash", "quote \" and \\ backslash", "tab\there\nline\r\u{8}\u{c}\u{0}\u{1f}\u{7f}",
                       "</script> \u{2028}\u{2029}"] {
            #expect(JSONString.quoted(string) == Self.foundation(string), "\(string.debugDescription)")
        }
    }

    @Test func scriptSafeLiteralsEscapeWhatCouldEndTheScript() {
        #expect(JSONString.quoted("a</script>\u{2028}b\u{2029}c — ok", forScript: true) == "\"a\\u003c/script>\\u2028b\\u2029c — ok\"")
        #expect(JSONString.quoted("plain — ok", forScript: true) == "\"plain — ok\"")
    }
}
