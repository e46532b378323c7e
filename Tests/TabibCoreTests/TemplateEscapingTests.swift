import Foundation
import Mustache
import Testing
@testable import TabibCore

/// Templates escape `{{name}}` with tabib's content type: it must write what swift-mustache's own
/// HTML escaping writes, byte for byte.
@Suite struct TemplateEscapingTests {
    static let texts = [
        "",
        "Kram otot di kaki",
        "Tom & Jerry <b>\"quoted\"</b> 'single' a>b",
        "https://example.org/id/artikel/kram-otot/?a=1&b=2",
        "Nyeri — betis & paha <", "é e\u{301} 👍🏽 & < > \" '",
        "<\u{338} is not less-than; &\u{301} and '\u{308} are not escaped",
        "\u{600}< prepended, \u{200D}< joined, \r\n & crlf",
        "ümlaut only, no markup",
    ]

    /// Renders with swift-mustache's own escaping and with a template as `TemplateSet` loads it.
    static func both(_ template: String, _ value: String) throws -> (library: String, tabib: String) {
        _ = TemplateEscaping.registered
        let library = try MustacheTemplate(string: template).render(["x": value])
        let tabib = try MustacheTemplate(string: TemplateEscaping.pragma + template).render(["x": value])
        return (library, tabib)
    }

    @Test func escapesWhatSwiftMustacheEscapes() throws {
        for text in Self.texts {
            let (library, tabib) = try Self.both("<p title=\"{{x}}\">{{x}}</p>\n", text)
            #expect(Array(tabib.utf8) == Array(library.utf8), "\(text.debugDescription)")
        }
    }

    @Test func leavesTripleMustachesAndTextAlone() throws {
        let template = "{{! comment }}\n  {{#x}}\n{{{x}}} {{&x}}\n  {{/x}}\nend\n"
        for text in Self.texts {
            let (library, tabib) = try Self.both(template, text)
            #expect(tabib == library, "\(text.debugDescription)")
        }
    }

    @Test func partialsEscapeTheSameWay() throws {
        _ = TemplateEscaping.registered
        let library = MustacheLibrary(templates: [
            "page": try MustacheTemplate(string: "{{x}}\n{{> part}}\n"),
            "part": try MustacheTemplate(string: "  <i>{{x}}</i>\n"),
        ])
        let tabib = MustacheLibrary(templates: [
            "page": try MustacheTemplate(string: TemplateEscaping.pragma + "{{x}}\n{{> part}}\n"),
            "part": try MustacheTemplate(string: TemplateEscaping.pragma + "  <i>{{x}}</i>\n"),
        ])
        #expect(tabib.render(["x": "a & <b>"], withTemplate: "page") == library.render(["x": "a & <b>"], withTemplate: "page"))
        #expect(tabib.render(["x": "a & <b>"], withTemplate: "page") == "a &amp; &lt;b&gt;\n  <i>a &amp; &lt;b&gt;</i>\n")
    }
}
