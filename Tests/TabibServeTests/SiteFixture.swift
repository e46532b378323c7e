import Foundation

/// A small whole site written out to a temporary folder, described inline as `-- path --` sections
/// the way Hugo's integration tests do. Each test gets its own copy, so tests can edit it freely.
struct SiteFixture {
    let root: URL

    /// Writes `files` (or the standard small site) into a new temporary folder.
    init(_ description: String = SiteFixture.standard) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("tabib-serve-\(UUID().uuidString)", isDirectory: true)
        for (path, text) in Self.parse(description) {
            try write(path, text)
        }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// `-- path --` lines start a file; the lines up to the next such line are its text.
    static func parse(_ description: String) -> [(String, String)] {
        var files: [(String, String)] = []
        var current: String?
        var lines: [Substring] = []
        func flush() {
            if let current { files.append((current, lines.joined(separator: "\n") + "\n")) }
            lines = []
        }
        for line in description.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                flush()
                current = String(line.dropFirst(3).dropLast(3))
            } else {
                lines.append(line)
            }
        }
        flush()
        return files
    }

    /// One language, one article about one condition and one cause, the disclaimer, and templates
    /// that show every value the tests look for.
    static let standard = """
    -- content/site.yaml --
    baseURL: https://kesehatan.example.org/
    publishBeforeClinicalReview: true
    defaultLanguage: id
    languages:
      - code: id
        name: Bahasa Indonesia
        locale: id-ID
        title: Tabib
        sections:
          articles: artikel
          causes: penyebab
          conditions: kondisi
          pages: halaman
          handouts: selebaran
    -- content/id/articles/kram-betis.md --
    ---
    title: Kram Betis
    summary: Kram betis sering terjadi saat berjalan.
    date: 2026-01-10
    reviewed: 2026-01-10
    conditions: [kram-otot]
    causes: [dehidrasi]
    ---

    ## Penyebab

    Kram betis bisa disebabkan oleh dehidrasi.
    -- content/id/conditions/kram-otot.md --
    ---
    title: Kram Otot
    summary: Otot mengencang tiba-tiba.
    aliases: [kram otot]
    ---

    Otot mengencang tiba-tiba dan terasa nyeri.
    -- content/id/causes/dehidrasi.md --
    ---
    title: Dehidrasi
    summary: Tubuh kekurangan cairan.
    aliases: [dehidrasi]
    ---

    Tubuh kekurangan cairan.
    -- content/id/pages/disclaimer.md --
    ---
    title: Penafian
    ---

    Informasi ini tidak menggantikan nasihat dokter.
    -- templates/i18n/id.yaml --
    navHome: Beranda
    navArticles: Artikel
    navConditions: Kondisi
    navCauses: Penyebab
    articlesIntro: Semua artikel, dari A sampai Z.
    causesIntro: Semua penyebab, dari A sampai Z, dengan kondisi yang dapat ditimbulkannya.
    conditionsIntro: Semua kondisi, dari A sampai Z, dengan kemungkinan penyebabnya.
    notTranslated: belum tersedia dalam bahasa ini
    homeIntro: Informasi kesehatan tentang kram, kedutan, mati rasa dan penyebabnya. Setiap artikel menyebutkan apakah dan kapan tenaga kesehatan telah meninjaunya.
    notFoundTitle: Halaman tidak ditemukan
    published: Diterbitkan
    shortDisclaimer: Informasi ini hanya untuk edukasi dan tidak menggantikan nasihat dokter atau tenaga kesehatan.
    handoutTitle: Selebaran
    handoutQRLabel: Kode QR menuju
    handoutPage: Halaman
    pageNumber: Halaman
    pageOf: dari
    articlesAbout: Artikel tentang topik ini
    possibleCauses: Kemungkinan penyebab
    canLeadTo: Dapat menyebabkan
    calloutNote: Catatan
    calloutTip: Tips
    calloutImportant: Penting
    calloutWarning: Peringatan
    calloutCaution: Hati-hati
    calloutSeeDoctor: Periksakan diri ke dokter jika
    calloutEmergency: Apakah ini darurat?
    reviewPassageLabel: Menunggu tinjauan klinis, tidak diterbitkan
    kind-disease: Penyakit
    kind-symptom: Gejala
    kind-lifestyle: Gaya hidup
    kind-medication: Obat
    kind-physiological-state: Keadaan fisiologis
    kind-injury: Cedera
    kind-nutrition: Gizi
    kind-environment: Lingkungan
    -- templates/assets/style.css --
    body { font-family: sans-serif; }
    -- templates/layout.mustache --
    <!doctype html>
    <html lang="{{lang}}" dir="{{dir}}">
    <head><meta charset="utf-8"><title>{{pageTitle}}</title><link rel="stylesheet" href="{{stylesheet}}"></head>
    <body>
    {{$content}}{{/content}}
    </body>
    </html>
    -- templates/home.mustache --
    {{<layout}}{{$content}}<h1>{{title}}</h1>{{/content}}{{/layout}}
    -- templates/article.mustache --
    {{<layout}}{{$content}}<article><h1>{{article.title}}</h1><p class="summary">{{article.summary}}</p>{{{article.body}}}</article>{{/content}}{{/layout}}
    -- templates/cause.mustache --
    {{<layout}}{{$content}}<h1>{{entity.title}}</h1>{{{entity.body}}}{{/content}}{{/layout}}
    -- templates/condition.mustache --
    {{<layout}}{{$content}}<h1>{{entity.title}}</h1>{{{entity.body}}}{{/content}}{{/layout}}
    -- templates/page.mustache --
    {{<layout}}{{$content}}<h1>{{page.title}}</h1>{{{page.body}}}{{/content}}{{/layout}}
    -- templates/list.mustache --
    {{<layout}}{{$content}}<h1>{{title}}</h1>{{/content}}{{/layout}}
    -- templates/root.mustache --
    {{<layout}}{{$content}}{{#languages}}<a href="{{url}}">{{name}}</a>{{/languages}}{{/content}}{{/layout}}
    -- templates/404.mustache --
    {{<layout}}{{$content}}<h1>{{title}}</h1>{{/content}}{{/layout}}
    -- templates/handout.mustache --
    {{<layout}}{{$content}}<h1>{{handout.title}}</h1><p>{{handout.reviewed}}</p><p>{{handout.articleURL}}</p>{{{handout.disclaimer}}}{{/content}}{{/layout}}
    """
}
