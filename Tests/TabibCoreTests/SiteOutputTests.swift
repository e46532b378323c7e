import CompiledMustache
import Foundation
import Testing
@testable import TabibCore

/// A new output is one description and its template: built through the same pipeline as every page,
/// with its template checked against its typed model before anything renders.
struct SiteOutputTests {
    /// A JSON export of each language's articles, A–Z: what a search index or an app could read.
    struct TitleIndex: Sendable {
        var language: String
        var articles: [Entry]

        struct Entry: Sendable, TemplateModel {
            var title: String
            var url: String

            static var templateFields: TemplateFields<Entry> {
                ["title": .text { JSONString.quoted($0.title) }, "url": .text { JSONString.quoted($0.url) }]
            }
        }

        static func templateFields(stringKeys _: [String]) -> TemplateFields<TitleIndex> {
            ["language": .text { JSONString.quoted($0.language) }, "articles": .list { $0.articles }]
        }
    }

    /// The whole description of the output: which files it makes, where, from what, through which template.
    static let titleIndex = PageOutput<TitleIndex>(
        "titles", template: "titles", fields: TitleIndex.templateFields, subjects: SiteOutputs.languages,
        sitePath: { renderer, subject in renderer.parts.basePath + "\(subject.language)/titles.json" },
        model: { renderer, subject in
            TitleIndex(language: subject.language, articles: renderer.alphabetical(.article, subject.language).map(\.card).map { card in
                .init(title: card.title, url: renderer.absolute(card.url))
            })
        })

    static let site = """
    -- content/id/articles/kram.md --
    ---
    title: 'Kram "otot"'
    summary: Ringkasan.
    date: 2026-11-20
    reviewed: 2026-11-20
    ---
    Isi.
    -- content/id/articles/anemia.md --
    ---
    title: Anemia
    summary: Ringkasan.
    date: 2026-11-20
    reviewed: 2026-11-20
    ---
    Isi.
    -- content/en/articles/kram.md --
    ---
    title: Muscle cramps
    summary: Summary.
    date: 2026-11-20
    reviewed: 2026-11-20
    translation: {from: id, reviewed: true}
    ---
    Text.
    """

    func build(_ site: TestSite) async throws(BuildFailure) -> MemoryOutput {
        var options = BuildOptions(root: site.root)
        options.outputs = SiteOutputs.standard + [Self.titleIndex]
        let output = MemoryOutput()
        _ = try await SiteBuilder(options: options).build(into: output)
        return output
    }

    @Test func anOutputIsOneDescriptionAndItsTemplate() async throws {
        let site = try TestSite(Self.site + """

        -- templates/titles.mustache --
        {"language": {{{language}}}, "articles": [{{#articles}}
          {"title": {{{title}}}, "url": {{{url}}}}{{^last()}},{{/last()}}{{/articles}}
        ]}
        """)
        let output = try await build(site)
        #expect(output.text("id/titles.json") == """
        {"language": "id", "articles": [
          {"title": "Anemia", "url": "https://example.org/id/artikel/anemia/"},
          {"title": "Kram \\"otot\\"", "url": "https://example.org/id/artikel/kram/"}
        ]}

        """)
        // English has one translation; the untranslated article is listed in Indonesian, as lists show it.
        #expect(output.text("en/titles.json") == """
        {"language": "en", "articles": [
          {"title": "Anemia", "url": "https://example.org/id/artikel/anemia/"},
          {"title": "Muscle cramps", "url": "https://example.org/en/articles/kram/"}
        ]}

        """)
        // The site's own pages are still there.
        #expect(output.text("id/artikel/kram/index.html") != nil)
        #expect(output.text("id/selebaran/kram/index.html") != nil)
    }

    @Test func aNewOutputsTemplateIsCheckedAgainstItsModel() async throws {
        let site = try TestSite(Self.site + """

        -- templates/titles.mustache --
        [{{#articles}}{{{titel}}}{{/articles}}]
        """)
        do {
            _ = try await build(site)
            Issue.record("the build succeeded with a name the model does not have")
        } catch {
            #expect(error.diagnostics.errors.map(\.description).joined(separator: "\n") == """
            templates/titles.mustache:1:15: error: unknown name 'titel': nothing here has a field 'titel'; fix the name, or add the field to the model.
              note: did you mean 'title'?
            """)
        }
    }

    @Test func aNewOutputsTemplateMustExist() async throws {
        let site = try TestSite(Self.site)
        do {
            _ = try await build(site)
            Issue.record("the build succeeded without templates/titles.mustache")
        } catch {
            #expect(error.diagnostics.errors.map(\.description).joined(separator: "\n") == """
            templates/titles.mustache: error: the template templates/titles.mustache is missing; every site needs it, so restore it from tabib's default templates.
            """)
        }
    }

    /// Handouts are an output, not content: the loader takes any section name, and the graph, which
    /// knows every section the site has, reports one it does not.
    @Test func unknownSectionInSiteYAMLNamesTheKnownOnes() async throws {
        let site = try TestSite(Self.site + """

        -- content/site.yaml --
        baseURL: https://example.org/
        defaultLanguage: id
        languages:
          - code: id
            name: Bahasa Indonesia
            title: Situs Uji
            sections: {articles: artikel, handout: selebaran}
          - code: en
            name: English
            title: Test Site
        """)
        let errors = await site.errors()
        #expect(errors == """
        content/site.yaml:7:35: error: unknown key 'handout' in 'sections'; fix its spelling or remove it.
          note: did you mean 'handouts'?
          note: known keys here: articles, causes, conditions, pages, handouts, search.
        """)
    }
}
