// Renders tabib's article page (templates/article.mustache with its layout and partials) many times,
// with CompiledMustache from typed models and with swift-mustache 2.1.1 from dictionaries, checks that
// both write the same bytes, and prints the time per page.
//
//     swift run -c release CompiledMustacheBenchmark [pages] [compiled-only]
import CompiledMustache
import Dispatch
import Foundation
import Mustache

struct Alternate: TemplateModel {
    var hreflang, url: String
    static var templateFields: TemplateFields<Self> { ["hreflang": .text(\.hreflang), "url": .text(\.url)] }
    var any: [String: Any] { ["hreflang": hreflang, "url": url] }
}

struct NavItem: TemplateModel {
    var url, label: String
    static var templateFields: TemplateFields<Self> { ["url": .text(\.url), "label": .text(\.label)] }
    var any: [String: Any] { ["url": url, "label": label] }
}

struct Language: TemplateModel {
    var current, missing: Bool
    var url, code, name, missingLabel: String
    static var templateFields: TemplateFields<Self> {
        ["current": .bool(\.current), "missing": .bool(\.missing), "url": .text(\.url), "code": .text(\.code),
         "name": .text(\.name), "missingLabel": .text(\.missingLabel)]
    }
    var any: [String: Any] {
        ["current": current, "missing": missing, "url": url, "code": code, "name": name, "missingLabel": missingLabel]
    }
}

struct LinkItem: TemplateModel {
    var link: String
    var evidence: [LinkItem]?
    static var templateFields: TemplateFields<Self> {
        ["link": .text(\.link), "evidence": .model(\.evidence, ["items": .list({ $0 }, LinkItem.leafFields)])]
    }
    static var leafFields: TemplateFields<Self> { ["link": .text(\.link)] }
    var any: [String: Any] {
        var result: [String: Any] = ["link": link]
        if let evidence { result["evidence"] = ["items": evidence.map(\.any)] }
        return result
    }
}

struct EntityList: TemplateModel {
    var items: [LinkItem]
    static var templateFields: TemplateFields<Self> { ["items": .list(\.items)] }
    var any: [String: Any] { ["items": items.map(\.any)] }
}

struct Source: TemplateModel {
    var linked: Bool
    var url, title: String
    static var templateFields: TemplateFields<Self> { ["linked": .bool(\.linked), "url": .text(\.url), "title": .text(\.title)] }
    var any: [String: Any] { ["linked": linked, "url": url, "title": title] }
}

struct Reviewer: TemplateModel {
    var name: String
    var credential: String?
    static var templateFields: TemplateFields<Self> { ["name": .text(\.name), "credential": .text(\.credential)] }
    var any: [String: Any] { credential.map { ["name": name, "credential": $0] } ?? ["name": name] }
}

struct Article: TemplateModel {
    var title, summary, body, handoutURL: String
    var published, publishedISO, reviewed, reviewedISO: String?
    var nextReview: String? = nil
    var reviewer: Reviewer?
    var translatedFrom: String?
    var conditions, causes, related, backlinks: EntityList?
    var sources: [Source]

    static var templateFields: TemplateFields<Self> {
        [
            "title": .text(\.title), "summary": .text(\.summary), "body": .text(\.body), "handoutURL": .text(\.handoutURL),
            "published": .text(\.published), "publishedISO": .text(\.publishedISO),
            "reviewed": .text(\.reviewed), "reviewedISO": .text(\.reviewedISO),
            "nextReview": .text(\.nextReview), "nextReviewISO": .text(\.nextReview),
            "reviewer": .model(\.reviewer),
            "unreviewedTranslation": .model({ $0.translatedFrom }, ["from": .text { (from: String) in from }] as TemplateFields<String>),
            "clinicalReview": .bool { _ in false },
            "note": .text(\.nextReview),
            "topics": .model({ $0.conditions == nil && $0.causes == nil ? nil : $0 },
                             ["conditions": .model(\.conditions), "causes": .model(\.causes)]),
            "sources": .model({ $0.sources.isEmpty ? nil : $0.sources }, ["items": .list({ $0 })]),
            "related": .model(\.related), "backlinks": .model(\.backlinks),
        ]
    }

    var any: [String: Any] {
        var result: [String: Any] = ["title": title, "summary": summary, "body": body, "handoutURL": handoutURL]
        result["published"] = published
        result["publishedISO"] = publishedISO
        result["reviewed"] = reviewed
        result["reviewedISO"] = reviewedISO
        result["reviewer"] = reviewer?.any
        result["unreviewedTranslation"] = translatedFrom.map { ["from": $0] }
        if conditions != nil || causes != nil {
            var topics: [String: Any] = [:]
            topics["conditions"] = conditions?.any
            topics["causes"] = causes?.any
            result["topics"] = topics
        }
        if !sources.isEmpty { result["sources"] = ["items": sources.map(\.any)] }
        result["related"] = related?.any
        result["backlinks"] = backlinks?.any
        return result
    }
}

struct ArticlePage {
    static let uiKeys = [
        "articleCauses", "articleConditions", "backlinks", "clinicalReviewText", "clinicalReviewTitle", "inThisArticle",
        "languageLabel", "lastReviewed", "navLabel", "nextReview", "printHandout", "published", "readDisclaimer",
        "relatedArticles", "reviewedBy", "shortDisclaimer", "skipToContent", "sources", "supportedBy", "translatedFrom",
        "translationNotice", "reviewed",
    ]
    var lang, dir, pageTitle, stylesheet, homeURL, siteTitle: String
    var description, canonical, xDefault, jsonLD, disclaimerURL: String?
    var alternates: [Alternate]
    var strings: [String]
    var nav: [NavItem]
    var switcher: [Language]
    var isDisclaimer: Bool
    var article: Article

    static var templateFields: TemplateFields<Self> {
        [
            "lang": .text(\.lang), "dir": .text(\.dir), "pageTitle": .text(\.pageTitle), "stylesheet": .text(\.stylesheet),
            "homeURL": .text(\.homeURL), "siteTitle": .text(\.siteTitle), "description": .text(\.description),
            "canonical": .text(\.canonical), "xDefault": .text(\.xDefault), "jsonLD": .text(\.jsonLD),
            "disclaimerURL": .text(\.disclaimerURL), "alternates": .list(\.alternates), "t": .record(keys: uiKeys, \.strings),
            "nav": .list(\.nav), "switcher": .list(\.switcher), "isDisclaimer": .bool(\.isDisclaimer),
            "article": .model(\.article),
        ]
    }

    var any: [String: Any] {
        var result: [String: Any] = [
            "lang": lang, "dir": dir, "pageTitle": pageTitle, "stylesheet": stylesheet, "homeURL": homeURL,
            "siteTitle": siteTitle, "alternates": alternates.map(\.any), "nav": nav.map(\.any),
            "switcher": switcher.map(\.any), "isDisclaimer": isDisclaimer, "article": article.any,
            "t": Dictionary(uniqueKeysWithValues: zip(Self.uiKeys, strings)),
        ]
        result["description"] = description
        result["canonical"] = canonical
        result["xDefault"] = xDefault
        result["jsonLD"] = jsonLD
        result["disclaimerURL"] = disclaimerURL
        return result
    }
}

func samplePage() -> ArticlePage {
    let links = (1...6).map { LinkItem(link: "<a href=\"/id/artikel/a\($0)/\">Artikel \($0) &amp; lain</a>", evidence: nil) }
    let withEvidence = links.prefix(3).map { LinkItem(link: $0.link, evidence: Array(links.suffix(2))) }
    let paragraph = "<p>Kejang otot adalah kontraksi otot yang tiba-tiba dan tidak disengaja. Biasanya tidak berbahaya.</p>\n"
    return ArticlePage(
        lang: "id", dir: "ltr", pageTitle: "Kejang otot — Tabib", stylesheet: "/style.css", homeURL: "/id/",
        siteTitle: "Tabib", description: "Apa itu kejang otot, penyebab & cara mengatasinya", canonical: "https://tabib.example/id/artikel/kejang-otot/",
        xDefault: "https://tabib.example/", jsonLD: "{\"@context\":\"https://schema.org\",\"@type\":\"MedicalWebPage\"}",
        disclaimerURL: "/id/penafian/",
        alternates: [Alternate(hreflang: "id", url: "https://tabib.example/id/a/"), Alternate(hreflang: "en", url: "https://tabib.example/en/a/")],
        strings: ArticlePage.uiKeys.map { "Label \($0) 'x'" },
        nav: (1...5).map { NavItem(url: "/id/n\($0)/", label: "Menu \($0)") },
        switcher: [Language(current: true, missing: false, url: "/id/a/", code: "id", name: "Bahasa Indonesia", missingLabel: ""),
                   Language(current: false, missing: false, url: "/en/a/", code: "en", name: "English", missingLabel: "")],
        isDisclaimer: false,
        article: Article(
            title: "Kejang otot", summary: "Kontraksi otot yang tiba-tiba: penyebab, \"tanda\" & penanganan.",
            body: String(repeating: paragraph, count: 12), handoutURL: "/id/artikel/kejang-otot/handout/",
            published: "1 Januari 2026", publishedISO: "2026-01-01", reviewed: "2 Februari 2026", reviewedISO: "2026-02-02",
            reviewer: Reviewer(name: "dr. Sari", credential: "Sp.N"), translatedFrom: nil,
            conditions: EntityList(items: withEvidence), causes: EntityList(items: Array(links.prefix(4))),
            related: EntityList(items: links), backlinks: EntityList(items: Array(links.prefix(2))),
            sources: (1...5).map { Source(linked: $0 % 2 == 0, url: "https://pubmed.example/\($0)", title: "Sumber <\($0)>") }))
}

let pages = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 2000
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let names = ["layout", "article", "partials/header", "partials/language-switcher", "partials/footer",
             "partials/review-dates", "partials/notices", "partials/entity-list"]
let texts = try names.map { try String(contentsOf: root.appendingPathComponent("templates/\($0).mustache"), encoding: .utf8) }

let ours = try TemplateLibrary(zip(names, texts).map { TemplateSource(name: $0, path: "templates/\($0).mustache", text: $1) })
    .compile("article", ArticlePage.templateFields)
var reference = MustacheLibrary()
for (name, text) in zip(names, texts) { try reference.register(text, named: name) }

let page = samplePage()
let context = page.any
let oursOutput = ours.render(page)
let theirsOutput = Array((reference.render(context, withTemplate: "article") ?? "").utf8)
print("page: \(oursOutput.count) bytes; same bytes as swift-mustache: \(oursOutput == theirsOutput)")

func measure(_ label: String, pages: Int, _ body: () -> Int) -> Double {
    _ = body()  // warm up
    let start = DispatchTime.now().uptimeNanoseconds
    var bytes = 0
    for _ in 0..<pages { bytes &+= body() }
    let perPage = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(pages)
    print("\(label): \(Int(perPage)) ns/page (\(pages) pages, \(bytes / pages) bytes each)")
    return perPage
}

var buffer: [UInt8] = []
buffer.reserveCapacity(64 * 1024)
let compiled = measure("CompiledMustache, typed models", pages: pages) {
    buffer.removeAll(keepingCapacity: true)
    ours.render(page, into: &buffer)
    return buffer.count
}
guard CommandLine.arguments.dropFirst(2).first != "compiled-only" else { exit(0) }
let dynamic = measure("swift-mustache 2.1.1, dictionaries (context built once)", pages: max(1, pages / 10)) {
    reference.render(context, withTemplate: "article")!.utf8.count
}
print("speed-up: \(String(format: "%.1f", dynamic / compiled))x")
