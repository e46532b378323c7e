import CompiledMustache
import Testing

/// Page models as tabib writes them: typed fields, resolved when the templates compile.
private struct Link: TemplateModel {
    var url: String
    var title: String
    static var templateFields: TemplateFields<Link> {
        ["url": .text(\.url), "title": .text(\.title)]
    }
}

private struct Reviewer: TemplateModel {
    var name: String
    var credential: String?
    static var templateFields: TemplateFields<Reviewer> {
        ["name": .text(\.name), "credential": .text(\.credential)]
    }
}

private struct Article: TemplateModel {
    var title: String
    var body: String
    var keyPoints: [String]
    var related: [Link]
    var reviewer: Reviewer?
    var isDraft: Bool
    static var templateFields: TemplateFields<Article> {
        [
            "title": .text(\.title),
            "body": .text(\.body),
            "keyPoints": .list(\.keyPoints, .string),
            "related": .list(\.related),
            "reviewer": .model(\.reviewer),
            "isDraft": .bool(\.isDraft),
        ]
    }
}

private struct Layout {
    var lang: String
    var pageTitle: String
    var strings: [String]
}

private struct ArticlePage {
    var layout: Layout
    var article: Article
    static let uiKeys = ["navLabel", "relatedArticles", "reviewedBy"]
    static var templateFields: TemplateFields<ArticlePage> {
        TemplateFields.embedding(\.layout, [
            "lang": .text(\.lang),
            "pageTitle": .text(\.pageTitle),
            "t": .record(keys: uiKeys, \.strings),
        ]).adding(["article": .model(\.article)])
    }
}

private let templates = [
    TemplateSource(name: "layout", path: "templates/layout.mustache", text: """
        <html lang="{{lang}}">
        <title>{{pageTitle}}</title>
        <nav aria-label="{{t.navLabel}}"></nav>
        <main>
          {{$main}}{{/main}}
        </main>
        </html>

        """),
    TemplateSource(name: "article", path: "templates/article.mustache", text: """
        {{<layout}}{{$main}}
        {{#article}}
        <h1>{{title}}{{#isDraft}} (draft){{/isDraft}}</h1>
        {{{body}}}
        <ul>{{#keyPoints}}<li>{{.}}</li>{{/keyPoints}}</ul>
        {{#reviewer}}
        <p>{{t.reviewedBy}} {{name}}{{#credential}}, {{credential}}{{/credential}}</p>
        {{/reviewer}}
        {{^reviewer}}
        <p>Not reviewed.</p>
        {{/reviewer}}
        {{#related}}
          {{> partials/link}}
        {{/related}}
        <p>{{#related}}{{title}}{{^last()}}, {{/last()}}{{/related}}</p>
        {{/article}}
        {{/main}}{{/layout}}

        """),
    TemplateSource(name: "partials/link", path: "templates/partials/link.mustache", text: """
        <a href="{{url}}">{{title}}</a>

        """),
]

@Suite struct TypedRenderingTests {
    private let page = ArticlePage(
        layout: Layout(lang: "id", pageTitle: "Kejang & \"otot\"", strings: ["Menu", "Terkait", "Ditinjau oleh"]),
        article: Article(
            title: "Kejang otot", body: "<p>Isi</p>", keyPoints: ["Minum <air>", "Istirahat"],
            related: [Link(url: "/a", title: "A"), Link(url: "/b", title: "B's")],
            reviewer: Reviewer(name: "dr. Sari", credential: nil), isDraft: true))

    @Test func articlePageRendersThroughLayoutPartialsAndLists() throws {
        let template = try TemplateLibrary(templates).compile("article", ArticlePage.templateFields)
        let html = String(decoding: template.render(page), as: UTF8.self)
        #expect(html == """
            <html lang="id">
            <title>Kejang &amp; &quot;otot&quot;</title>
            <nav aria-label="Menu"></nav>
            <main>
              <h1>Kejang otot (draft)</h1>
              <p>Isi</p>
              <ul><li>Minum &lt;air&gt;</li><li>Istirahat</li></ul>
              <p>Ditinjau oleh dr. Sari</p>
                <a href="/a">A</a>
                <a href="/b">B&#39;s</a>
              <p>A, B&#39;s</p>

            </main>
            </html>

            """)
    }

    @Test func absentOptionalModelShowsTheInvertedSection() throws {
        var page = page
        page.article.reviewer = nil
        page.article.related = []
        page.article.isDraft = false
        let template = try TemplateLibrary(templates).compile("article", ArticlePage.templateFields)
        let html = String(decoding: template.render(page), as: UTF8.self)
        #expect(html.contains("<h1>Kejang otot</h1>\n"))
        #expect(html.contains("  <p>Not reviewed.</p>\n  <p></p>\n\n</main>"))
    }

    @Test func renderAppendsToTheBuffer() throws {
        let library = try TemplateLibrary([TemplateSource(name: "t", path: "t.mustache", text: "[{{title}}]")])
        let template = try library.compile("t", Link.templateFields)
        var buffer = Array("before ".utf8)
        template.render(Link(url: "", title: "x"), into: &buffer)
        template.render(Link(url: "", title: "y"), into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "before [x][y]")
    }

    /// swift-mustache shows a section over an empty string (a String is never nil): so does a `.text` field.
    @Test func emptyTextIsTruthyAndNilTextIsNot() throws {
        struct Item {
            var text: String
            var optional: String?
        }
        let fields: TemplateFields<Item> = ["text": .text(\.text), "optional": .text(\.optional)]
        let library = try TemplateLibrary([TemplateSource(name: "t", path: "t.mustache",
            text: "{{#text}}T[{{.}}]{{/text}}{{^text}}!T{{/text}} {{#optional}}O[{{.}}]{{/optional}}{{^optional}}!O{{/optional}}")])
        let template = try library.compile("t", fields)
        #expect(String(decoding: template.render(Item(text: "", optional: nil)), as: UTF8.self) == "T[] !O")
        #expect(String(decoding: template.render(Item(text: "a", optional: "")), as: UTF8.self) == "T[a] O[]")
    }

    @Test func sequenceHelpersReferToTheInnermostList() throws {
        struct Group {
            var letter: String
            var words: [String]
        }
        let group: TemplateFields<Group> = ["letter": .text(\.letter), "words": .list(\.words, .string)]
        let fields: TemplateFields<[Group]> = ["groups": .list({ $0 }, group)]
        let library = try TemplateLibrary([TemplateSource(name: "t", path: "t.mustache",
            text: "{{#groups}}{{index()}}{{letter}}:{{#words}}{{#first()}}<{{/first()}}{{.}}{{^last()}},{{/last()}}{{/words}}>{{^last()}} | {{/last()}}{{/groups}}")])
        let template = try library.compile("t", fields)
        let output = template.render([Group(letter: "A", words: ["ab", "ac"]), Group(letter: "B", words: ["b"])])
        #expect(String(decoding: output, as: UTF8.self) == "0A:<ab,ac> | 1B:<b>")
    }

    @Test func dynamicValuesInsideATypedModel() throws {
        struct Page {
            var title: String
            var extra: TemplateValue
        }
        let fields: TemplateFields<Page> = ["title": .text(\.title), "extra": .value(\.extra)]
        let library = try TemplateLibrary([TemplateSource(name: "t", path: "t.mustache",
            text: "{{#extra}}{{title}}/{{name}}/{{missing}}{{/extra}}")])
        let template = try library.compile("t", fields)
        let page = Page(title: "T", extra: .object(["name": .string("n"), "title": .string("inner")]))
        #expect(String(decoding: template.render(page), as: UTF8.self) == "inner/n/")
        let other = Page(title: "T", extra: .object(["name": .string("n")]))
        #expect(String(decoding: template.render(other), as: UTF8.self) == "T/n/")
    }
}
