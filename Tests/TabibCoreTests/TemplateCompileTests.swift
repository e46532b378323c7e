import Foundation
import Testing
@testable import TabibCore

/// Every template is compiled against the model of the pages it renders when the build starts: a
/// name the model does not have is an error at its place, before any page is rendered.
@Suite struct TemplateCompileTests {
    @Test func unknownNameSuggestsTheModelsName() async throws {
        let site = try TestSite("")
        try site.write("templates/article.mustache", "{{<layout}}{{$main}}\n<h1>{{article.titel}}</h1>\n{{/main}}{{/layout}}\n")
        #expect(await site.errors() == """
        templates/article.mustache:2:5: error: unknown name 'article.titel': 'article' has no field 'titel'; fix the name, or add the field to the model.
          note: did you mean 'article.title'?
        """)
    }

    @Test func unknownNameInAPartialNamesTheTemplatesWhosePagesLackIt() async throws {
        // Articles have a handout; pages, causes and conditions, which show the same partial, do not.
        let site = try TestSite("")
        try site.write("templates/partials/notices.mustache", "<p>{{handoutURL}}</p>\n")
        #expect(await site.errors() == """
        templates/partials/notices.mustache:1:4: error: unknown name 'handoutURL': nothing here has a field 'handoutURL'; fix the name, or add the field to the model.
          note: as templates/cause.mustache, templates/condition.mustache and templates/page.mustache show it
        """)
    }

    @Test func sectionOverAnUnknownNameIsAnError() async throws {
        let site = try TestSite("")
        try site.write("templates/home.mustache", "{{<layout}}{{$main}}\n{{#hom}}\n<p>{{intro}}</p>\n{{/hom}}\n{{/main}}{{/layout}}\n")
        #expect(await site.errors() == """
        templates/home.mustache:2:1: error: unknown name 'hom': nothing here has a field 'hom'; fix the name, or add the field to the model.
          note: did you mean 'home'?
        templates/home.mustache:3:4: error: unknown name 'intro': nothing here has a field 'intro'; fix the name, or add the field to the model.
        """)
    }

    @Test func unknownUIStringSuggestsAKey() async throws {
        let site = try TestSite("")
        try site.write("templates/root.mustache", "<p>{{t.chooseLanguag}}</p>\n")
        #expect(await site.errors() == """
        templates/root.mustache:1:4: error: unknown name 't.chooseLanguag': 't' has no field 'chooseLanguag'; fix the name, or add the field to the model.
          note: did you mean 't.chooseLanguage'?
        """)
    }

    @Test func templateErrorsComeBeforeAnyPageAndWithContentErrors() async throws {
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: Kram
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        causes: [dehidarsi]
        ---
        """)
        try site.write("templates/list.mustache", "{{<layout}}{{$main}}\n{{list.heading}}{{list.groups}}\n{{/main}}{{/layout}}\n")
        let errors = await site.errors().split(separator: "\n").filter { !$0.hasPrefix("  note:") }
        #expect(errors == [
            "content/id/articles/a.md:6:10: error: unknown cause or condition 'dehidarsi' in 'causes'.",
            "templates/list.mustache:2:17: error: 'list.groups' is a list, which cannot be shown as text; show one of its fields, or open it as a section ({{#list.groups}}…{{/list.groups}}).",
        ])
    }

    /// Every name a template can use is in docs/templates.md, so that a theme author never reads Swift.
    @Test func everyNameIsDocumented() throws {
        let doc = try String(contentsOf: TestSite.repository.appendingPathComponent("docs/templates.md"), encoding: .utf8)
        let tables: [(String, [String])] = [
            ("layout", PageLayout.templateFields(stringKeys: []).names),
            ("nav", LanguageLayout.NavLink.templateFields.names),
            ("alternate", PageLayout.Alternate.templateFields.names),
            ("switcher", PageLayout.SwitcherEntry.templateFields.names),
            ("link card", LinkCard.templateFields.names),
            ("link list", LinkList.templateFields.names),
            ("link partial", LinkPartial.templateFields(stringKeys: []).names),
            ("review dates", ReviewDates.templateFields.names),
            ("reviewer", ClinicalReviewer.templateFields.names),
            ("clinical review", ClinicalReviewNotice.templateFields.names),
            ("translation", TranslationNotice.templateFields.names),
            ("article page", ArticlePage.templateFields(stringKeys: []).names),
            ("article", ArticlePage.Article.templateFields.names),
            ("sources", ArticlePage.SourceList.templateFields.names),
            ("source", ArticlePage.Source.templateFields.names),
            ("topics", ArticlePage.Topics.templateFields.names),
            ("entity page", EntityPage.templateFields(stringKeys: []).names),
            ("entity", EntityPage.Entity.templateFields.names),
            ("page page", SimplePage.templateFields(stringKeys: []).names),
            ("page", SimplePage.Page.templateFields.names),
            ("list page", ListPage.templateFields(stringKeys: []).names),
            ("list", ListPage.SectionIndex.templateFields.names),
            ("letter group", ListPage.LetterGroup.templateFields.names),
            ("letter bar", ListPage.LetterBar.templateFields.names),
            ("letter link", ListPage.LetterLink.templateFields.names),
            ("list entry", ListEntry.templateFields.names),
            ("pagination", Pagination.templateFields.names),
            ("more link", MoreLink.templateFields.names),
            ("home page", HomePage.templateFields(stringKeys: []).names),
            ("home", HomePage.Home.templateFields.names),
            ("root", RootPage.templateFields(stringKeys: []).names),
            ("404", NotFoundPage.templateFields(stringKeys: []).names),
            ("language", LanguageChoice.templateFields.names),
            ("handout page", HandoutPage.templateFields(stringKeys: []).names),
            ("handout", HandoutPage.Handout.templateFields.names),
            ("red flags", HandoutPage.RedFlags.templateFields.names),
            ("clinic", HandoutPage.Clinic.templateFields.names),
            ("other languages", HandoutPage.OtherLanguages.templateFields.names),
            ("other language", HandoutPage.OtherLanguage.templateFields.names),
            ("breadcrumbs", Breadcrumbs.templateFields.names),
            ("crumb", Breadcrumbs.Crumb.templateFields.names),
            ("table of contents", TableOfContents.templateFields.names),
            ("toc entry", TableOfContents.Entry.templateFields.names),
            ("search page", SearchPage.templateFields(stringKeys: []).names),
            ("search", SearchPage.Search.templateFields.names),
        ]
        var missing: [String] = []
        for (table, names) in tables {
            #expect(!names.isEmpty, "\(table) has no names")
            for name in names where !doc.contains("`\(name)`") { missing.append("\(table): \(name)") }
        }
        #expect(missing == [])
    }
}
