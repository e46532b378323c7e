import CompiledMustache
import Testing

private struct Link: TemplateModel {
    var url: String
    var title: String
    static var templateFields: TemplateFields<Link> { ["url": .text(\.url), "title": .text(\.title)] }
}

private struct Page {
    var article: Link
    var flag: Bool
    var links: [Link]
    static var templateFields: TemplateFields<Page> {
        ["article": .model(\.article), "flag": .bool(\.flag), "links": .list(\.links), "t": .record(keys: ["navLabel"], { _ in ["Menu"] })]
    }
}

private struct TreeNode: TemplateModel {
    var name: String
    var children: [TreeNode]
    static var templateFields: TemplateFields<TreeNode> { ["name": .text(\.name), "children": .list(\.children)] }
}

/// Every message of a failed parse or compile, as a reader sees them.
private func diagnostics(_ body: () throws -> Void) -> String {
    do {
        try body()
        return "(no errors)"
    } catch let errors as TemplateErrors {
        return errors.description
    } catch {
        return "unexpected error: \(error)"
    }
}

private func source(_ name: String, _ text: String) -> TemplateSource {
    TemplateSource(name: name, path: "templates/\(name).mustache", text: text)
}

@Suite struct TemplateErrorTests {
    @Test func syntaxErrorsOfEveryFileAreReportedAtOnce() {
        let text = diagnostics {
            _ = try TemplateLibrary([
                source("a", "<p>{{#items}}\n{{name}}\n"),
                source("b", "{{#a}}x{{/b}}{{/a}}\n  {{x"),
                source("c", "ok\n{{=<% =}}"),
                source("d", "{{/stray}}{{}}{{#x}}{{/x}}{{nope()}}"),
            ])
        }
        #expect(text == """
            templates/a.mustache:1:4: error: '{{#items}}' is never closed; add {{/items}} where it should end.
            templates/b.mustache:1:8: error: '{{/b}}' does not close 'a', opened at line 1, column 1; close 'a' first.
            templates/b.mustache:2:3: error: this tag is never closed with '}}'; close it, or write the text without '{{'.
            templates/c.mustache:2:1: error: the set-delimiter tag needs two delimiters separated by a space, neither containing '=' (e.g. '{{=<% %>=}}'); fix it.
            templates/d.mustache:1:1: error: '{{/stray}}' closes a section that is not open; remove it, or open the section before it.
            templates/d.mustache:1:11: error: this tag has no name; write a name in it, or remove it.
            templates/d.mustache:1:27: error: there is no function 'nope()'; the functions are first(), last(), index(), even(), odd().
            """)
    }

    @Test func unknownNamesSuggestTheClosestVisibleName() throws {
        let library = try TemplateLibrary([
            source("page", "{{article.titel}}\n{{#article}}{{titel}} {{t.navLabl}}{{/article}}\n{{artcle.title}}"),
        ])
        let text = diagnostics { _ = try library.compile("page", Page.templateFields) }
        #expect(text == """
            templates/page.mustache:1:1: error: unknown name 'article.titel': 'article' has no field 'titel'; fix the name, or add the field to the model.
              note: did you mean 'article.title'?
            templates/page.mustache:2:13: error: unknown name 'titel': nothing here has a field 'titel'; fix the name, or add the field to the model.
              note: did you mean 'title'?
            templates/page.mustache:2:23: error: unknown name 't.navLabl': 't' has no field 'navLabl'; fix the name, or add the field to the model.
              note: did you mean 't.navLabel'?
            templates/page.mustache:3:1: error: unknown name 'artcle.title': nothing here has a field 'artcle'; fix the name, or add the field to the model.
              note: did you mean 'article.title'?
            """)
    }

    @Test func valuesThatAreNotTextCannotBeInterpolated() throws {
        let library = try TemplateLibrary([source("page", "{{article}} {{links}} {{flag}} {{last()}} {{.}} {{article.title.x}}")])
        let text = diagnostics { _ = try library.compile("page", Page.templateFields) }
        #expect(text == """
            templates/page.mustache:1:1: error: 'article' is a model, which cannot be shown as text; show one of its fields, or open it as a section ({{#article}}…{{/article}}).
            templates/page.mustache:1:13: error: 'links' is a list, which cannot be shown as text; show one of its fields, or open it as a section ({{#links}}…{{/links}}).
            templates/page.mustache:1:32: error: 'last()' tells about the current item of a list, but no list section encloses it here; move it into one.
            templates/page.mustache:1:43: error: '{{.}}' shows the current value, but here that is a model with named fields; write one of its fields instead.
            templates/page.mustache:1:49: error: unknown name 'article.title.x': 'article.title' is text, which has no fields; fix the name.
            """)
    }

    @Test func missingPartialsAndTemplatesSuggestNames() throws {
        let library = try TemplateLibrary([
            source("page", "{{> partials/lnk}}\n  {{<layot}}{{/layot}}"),
            source("partials/link", "x"),
            source("layout", "y"),
        ])
        let text = diagnostics { _ = try library.compile("page", Page.templateFields) }
        #expect(text == """
            templates/page.mustache:1:1: error: the partial 'partials/lnk' does not exist; fix its name, or add the template.
              note: did you mean 'partials/link'?
            templates/page.mustache:2:3: error: the parent 'layot' does not exist; fix its name, or add the template.
              note: did you mean 'layout'?
            """)
        #expect(diagnostics { _ = try library.compile("pgae", Page.templateFields) } == """
            pgae: error: there is no template 'pgae'; fix the name, or add the template.
              note: did you mean 'page'?
            """)
    }

    @Test func partialIncludingItselfEndlesslyIsAnError() throws {
        let library = try TemplateLibrary([
            source("a", "A{{#flag}}{{> b}}{{/flag}}"),
            source("b", "B\n{{#article}}{{title}}{{/article}}{{> a}}"),
        ])
        let text = diagnostics { _ = try library.compile("a", Page.templateFields) }
        #expect(text == """
            templates/b.mustache:2:34: error: 'a' includes itself endlessly (a → b → a), with nothing in between that could end it; remove the include, or put it in a section over a list or an optional value.
            """)
    }

    @Test func typedRecursionStopsAtTheDepthLimit() throws {
        let library = try TemplateLibrary([source("node", "{{name}}{{#children}}({{> node}}){{/children}}")])
        let text = diagnostics { _ = try library.compile("node", TreeNode.templateFields) }
        #expect(text == """
            templates/node.mustache:1:9: error: templates nest more than 64 levels deep here (sections, partials, parents and blocks, through node → node → node → node); a partial that includes itself over typed models cannot end, so remove the recursion.
            """)
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() {
        let text = diagnostics {
            _ = try TemplateLibrary([source("deep", String(repeating: "{{#a}}", count: 10_000))])
        }
        #expect(text == """
            templates/deep.mustache:1:385: error: sections, parents and blocks nest more than 64 levels deep here; flatten the template.
            """)
    }

    @Test func dynamicRecursionEndsWithTheData() throws {
        let library = try TemplateLibrary([source("node", "{{name}}{{#kids}}({{> node}}){{/kids}}")])
        let template = try library.compile("node", TemplateValue.templateFields)
        let tree: TemplateValue = .object(["name": .string("a"), "kids": .list([
            .object(["name": .string("b"), "kids": .list([.object(["name": .string("c"), "kids": .list([])])])]),
            .object(["name": .string("d"), "kids": .list([])]),
        ])])
        #expect(String(decoding: template.render(tree), as: UTF8.self) == "a(b(c))(d)")
    }

    @Test func endlessDynamicRecursionStopsAtTheRenderLimit() throws {
        let library = try TemplateLibrary([source("loop", "<{{#on}}{{> loop}}{{/on}}>")])
        let template = try library.compile("loop", TemplateValue.templateFields)
        let output = String(decoding: template.render(.object(["on": .bool(true)])), as: UTF8.self)
        #expect(output == String(repeating: "<", count: 102) + String(repeating: ">", count: 102))
    }

    /// Recursion through many nested sections counts every level, so the render stops before the stack is deep.
    @Test func deeplyNestedDynamicRecursionStopsEarly() throws {
        let text = "<" + String(repeating: "{{#a}}", count: 30) + "{{> r}}" + String(repeating: "{{/a}}", count: 30) + ">"
        let template = try TemplateLibrary([source("r", text)]).compile("r", TemplateValue.templateFields)
        let output = String(decoding: template.render(.object(["a": .bool(true)])), as: UTF8.self)
        #expect(output == String(repeating: "<", count: 8) + String(repeating: ">", count: 8))
    }
}
