import Foundation
import Testing
@testable import TabibCore

/// Images of `content/images/`: figures and pictures in bodies, their resized files, the cache, and
/// every bad image reported as a whole diagnostic.
@Suite struct ImageTests {
    static func article(_ body: String, language: String = "id") -> String {
        let translation = language == "id" ? "" : "translation: {from: id, reviewed: false, date: 2026-11-20}\n"
        return """
        ---
        title: Kram
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        \(translation)---
        \(body)
        """
    }

    static let credit = """
    credit:
      id: "Ilustrasi: tim"
      en: "Illustration: team"
    license: CC BY 4.0
    """

    /// A site whose Indonesian article `a` has `body`, with `images` written into content/images/.
    static func site(_ body: String, english: String? = nil, images: [String: [UInt8]] = [:], credit: Bool = true) throws -> TestSite {
        var description = "-- content/id/articles/a.md --\n\(article(body))\n"
        if let english { description += "-- content/en/articles/a.md --\n\(article(english, language: "en"))\n" }
        let site = try TestSite(description)
        for (name, bytes) in images {
            try site.write("content/images/\(name)", bytes: bytes)
            if credit { try site.write("content/images/\(name).yaml", Self.credit) }
        }
        return site
    }

    static func hash(_ bytes: [UInt8]) -> String { String(Vips.sha256(bytes).prefix(10)) }

    static func build(_ site: TestSite) async throws -> (MemoryOutput, BuildReport) {
        let output = MemoryOutput()
        let report = try await SiteBuilder(options: site.options).build(into: output)
        return (output, report)
    }

    @Test func figureShowsEveryWidthWithCaptionCreditAndSize() async throws {
        let png = TestPNG.make(width: 1000, height: 500)
        let h = Self.hash(png)
        let site = try Self.site("""
        ![Betis diregangkan](betis.png "Peregangan betis.")

        Teks dengan ikon ![panah](betis.png) di tengah.
        """, english: "![A stretched calf](betis.png \"Calf stretch.\")", images: ["betis.png": png])
        let (output, report) = try await Self.build(site)
        #expect(report.warnings.isEmpty)
        let sizes = "sizes=\"(max-width: 46rem) calc(100vw - 2rem), 44rem\""
        let webp = "srcset=\"/images/betis.\(h).480.webp 480w, /images/betis.\(h).800.webp 800w, /images/betis.\(h).1000.webp 1000w\""
        let jpeg = "srcset=\"/images/betis.\(h).480.jpg 480w, /images/betis.\(h).800.jpg 800w, /images/betis.\(h).1000.jpg 1000w\""
        #expect(try proseOf(output.text("id/artikel/a/index.html") ?? "") == """
        <figure class="figure">
        <picture><source type="image/webp" \(webp) \(sizes)><img src="/images/betis.\(h).1000.jpg" \(jpeg) \(sizes) width="1000" height="500" alt="Betis diregangkan" decoding="async"></picture>
        <figcaption>Peregangan betis. <span class="credit">Ilustrasi: tim · CC BY 4.0</span></figcaption>
        </figure>
        <p>Teks dengan ikon <picture><source type="image/webp" \(webp) \(sizes)><img src="/images/betis.\(h).1000.jpg" \(jpeg) \(sizes) width="1000" height="500" alt="panah" loading="lazy" decoding="async"></picture> di tengah.</p>
        """)
        #expect(try proseOf(output.text("en/articles/a/index.html") ?? "") == """
        <figure class="figure">
        <picture><source type="image/webp" \(webp) \(sizes)><img src="/images/betis.\(h).1000.jpg" \(jpeg) \(sizes) width="1000" height="500" alt="A stretched calf" decoding="async"></picture>
        <figcaption>Calf stretch. <span class="credit">Illustration: team · CC BY 4.0</span></figcaption>
        </figure>
        """)
        let files = output.files.keys.filter { $0.hasPrefix("images/") }.sorted()
        #expect(files == [480, 800, 1000].flatMap { ["images/betis.\(h).\($0).jpg", "images/betis.\(h).\($0).webp"] }.sorted())
        let header = try Vips.header(of: try #require(output.files["images/betis.\(h).800.webp"]))
        #expect(header == ImageHeader(width: 800, height: 400, hasAlpha: false))
    }

    @Test func transparentImageFallsBackToPNGAndIsNeverEnlarged() async throws {
        let png = TestPNG.make(width: 600, height: 300, alpha: true)
        let h = Self.hash(png)
        let site = try Self.site("Lihat ![Tanda panah](panah.png) di sini.", images: ["panah.png": png])
        let (output, _) = try await Self.build(site)
        #expect(output.files.keys.filter { $0.hasPrefix("images/") }.sorted() == [
            "images/panah.\(h).480.png", "images/panah.\(h).480.webp", "images/panah.\(h).600.png", "images/panah.\(h).600.webp",
        ])
        let header = try Vips.header(of: try #require(output.files["images/panah.\(h).600.png"]))
        #expect(header == ImageHeader(width: 600, height: 300, hasAlpha: true))
    }

    @Test func svgIsPublishedAsItIsAndShownWithImg() async throws {
        let svg = Array("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 20\" width=\"400\" height=\"200\"><rect width=\"40\" height=\"20\" fill=\"#123\"/></svg>\n".utf8)
        let h = Self.hash(svg)
        let site = try Self.site("Intro.\n\n![Kotak biru](kotak.svg \"Sebuah kotak.\")", images: ["kotak.svg": svg])
        let (output, _) = try await Self.build(site)
        #expect(try proseOf(output.text("id/artikel/a/index.html") ?? "") == """
        <p>Intro.</p>
        <figure class="figure">
        <img src="/images/kotak.\(h).svg" alt="Kotak biru" width="400" height="200" decoding="async">
        <figcaption>Sebuah kotak. <span class="credit">Ilustrasi: tim · CC BY 4.0</span></figcaption>
        </figure>
        """)
        #expect(output.files["images/kotak.\(h).svg"] == svg)
    }

    @Test func unchangedImageIsTakenFromTheCacheNotResizedAgain() async throws {
        let png = TestPNG.make(width: 500, height: 500)
        let h = Vips.sha256(png)
        let site = try Self.site("![Kotak](kotak.png)", images: ["kotak.png": png])
        _ = try await Self.build(site)
        let cached = site.root.appendingPathComponent(".tabib-cache/images/\(ImageVariants.recipe)/\(h)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cached.path).sorted() == ["480.jpg", "480.webp", "500.jpg", "500.webp"])
        // What the cache holds is what the next build publishes: nothing is resized again.
        try Data("cached".utf8).write(to: cached.appendingPathComponent("480.webp"))
        let (output, _) = try await Self.build(site)
        #expect(output.files["images/kotak.\(h.prefix(10)).480.webp"] == Array("cached".utf8))
    }

    @Test func quickRebuildWritesOnlyTheChangedImage() async throws {
        let (one, two) = (TestPNG.make(width: 400, height: 200), TestPNG.make(width: 300, height: 200))
        let site = try Self.site("![Satu](satu.png)\n\n![Dua](dua.png)", images: ["satu.png": one, "dua.png": two])
        let builder = IncrementalBuilder(options: site.options)
        _ = try await builder.build(into: MemoryOutput())
        let changed = TestPNG.make(width: 300, height: 100)
        try site.write("content/images/dua.png", bytes: changed)
        let build = try await builder.build(into: MemoryOutput(), changed: ["content/images/dua.png"])
        let (old, new) = (Self.hash(two), Self.hash(changed))
        #expect(build.written.filter { $0.hasPrefix("images/") }.sorted() == ["images/dua.\(new).300.jpg", "images/dua.\(new).300.webp"])
        #expect(build.removed.sorted() == ["images/dua.\(old).300.jpg", "images/dua.\(old).300.webp"])
        #expect(build.written.contains("id/artikel/a/index.html"))
    }

    @Test func handoutPrintsTheWidestFileAndLeavesScreenOnlyFiguresOff() async throws {
        let (print, screen) = (TestPNG.make(width: 1000, height: 500), TestPNG.make(width: 600, height: 400))
        let site = try Self.site("![Betis](betis.png \"Untuk dicetak.\")\n\n![Layar](layar.png \"Hanya di layar.\")",
                                 images: ["betis.png": print, "layar.png": screen])
        try site.write("content/images/layar.png.yaml", Self.credit + "\nscreenOnly: true\n")
        let (output, _) = try await Self.build(site)
        let handout = try #require(output.text("id/selebaran/a/index.html"))
        let start = try #require(handout.range(of: "<div class=\"handout-figures\">"))
        let end = try #require(handout.range(of: "</div>", range: start.upperBound..<handout.endIndex))
        #expect(String(handout[start.lowerBound..<end.upperBound]) == """
        <div class="handout-figures">
        <figure class="figure handout-figure">
        <img src="/images/betis.\(Self.hash(print)).1000.jpg" alt="Betis" width="1000" height="500">
        <figcaption>Untuk dicetak. <span class="credit">Ilustrasi: tim · CC BY 4.0</span></figcaption>
        </figure>
        </div>
        """)
        #expect(!handout.contains("layar."))
        #expect(output.text("id/artikel/a/index.html")?.contains("<figure class=\"figure screen-only\">") == true)
    }

    // MARK: Bad images, each with its whole diagnostic

    @Test func missingImageFileSuggestsTheClosestName() async throws {
        let site = try Self.site("Teks.\n\n![Betis](betsi.png)", images: ["betis.png": TestPNG.make(width: 400, height: 300)])
        #expect(await site.errors() == """
        content/id/articles/a.md:9:1: error: the image 'betsi.png' does not exist: there is no content/images/betsi.png; put the file there or fix the name.
          note: did you mean 'betis.png'?
        """)
    }

    @Test func emptyAltTextIsAnError() async throws {
        let site = try Self.site("![](betis.png)\n\nTeks ![ ](betis.png).", images: ["betis.png": TestPNG.make(width: 400, height: 300)])
        #expect(await site.errors() == """
        content/id/articles/a.md:7:1: error: the image 'betis.png' has no alt text; describe what it shows between the brackets, such as ![A woman stretching her calf against a wall](betis.png): screen readers read it in place of the image.
        content/id/articles/a.md:9:6: error: the image 'betis.png' has no alt text; describe what it shows between the brackets, such as ![A woman stretching her calf against a wall](betis.png): screen readers read it in place of the image.
        """)
    }

    @Test func imageWithoutCreditOrLicenceIsAWarning() async throws {
        let site = try Self.site("![Betis](betis.png)\n\n![Kaki](kaki.png)", images: ["betis.png": TestPNG.make(width: 400, height: 300)], credit: false)
        try site.write("content/images/kaki.png", bytes: TestPNG.make(width: 400, height: 300))
        try site.write("content/images/kaki.png.yaml", "credit:\n  id: \"Foto: Ani\"\n")
        let (_, report) = try await Self.build(site)
        #expect(report.warnings.map(\.description).joined(separator: "\n") == """
        content/images/betis.png: warning: the image content/images/betis.png has no credit and no licence in its metadata; write who made it and under which licence in content/images/betis.png.yaml, such as credit: "Ilustrasi: tim tabib" and license: CC BY 4.0.
        content/images/kaki.png.yaml: warning: the image content/images/kaki.png has no credit in en and no licence in its metadata; write who made it and under which licence in content/images/kaki.png.yaml, such as credit: "Ilustrasi: tim tabib" and license: CC BY 4.0.
        """)
    }

    @Test func figureFarTooSmallIsAWarning() async throws {
        let site = try Self.site("![Betis](betis.png)\n\nIkon ![panah](betis.png) kecil boleh.", images: ["betis.png": TestPNG.make(width: 120, height: 80)])
        let (_, report) = try await Self.build(site)
        #expect(report.warnings.map(\.description).joined(separator: "\n") == """
        content/id/articles/a.md:7:1: warning: the image 'betis.png' is only 120 px wide, far too small for a figure across the page; use an original at least 800 px wide, or show it inside a sentence.
        """)
    }

    @Test func fileThatIsNotAnImageIsAnErrorNotACrash() async throws {
        let site = try Self.site("![Betis](betis.png)", images: ["betis.png": Array("just text, not a picture\n".utf8)])
        #expect(await site.errors() == """
        content/id/articles/a.md:7:1: error: content/images/betis.png is not an image tabib can read (libvips: VipsForeignLoad: buffer is not in a known format); replace it with a JPEG, PNG, WebP or SVG file that opens in an image viewer.
        """)
    }

    @Test func truncatedImageFailsWhenResizedNotACrash() async throws {
        let png = [UInt8](try Data(contentsOf: TestSite.repository.appendingPathComponent("content/images/peregangan-betis.png")))
        let site = try Self.site("![Betis](betis.png)", images: ["betis.png": Array(png.prefix(png.count / 2))])
        #expect(await site.errors() == """
        content/images/betis.png: error: content/images/betis.png could not be resized (libvips: vipspng: libpng read error); the file may be damaged: open it in an image viewer and save it again as JPEG, PNG or WebP.
        """)
    }

    @Test func unsupportedFormatIsAnError() async throws {
        let site = try Self.site("![Gerak](gerak.gif)", images: ["gerak.gif": Array("GIF89a".utf8)])
        #expect(await site.errors() == """
        content/id/articles/a.md:7:1: error: the image 'gerak.gif' is a .gif file, which tabib does not publish; save it as JPEG, PNG, WebP or SVG in content/images/.
        """)
    }

    @Test func svgWithScriptOrExternalReferenceIsRefused() async throws {
        let script = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n<script>alert(1)</script>\n</svg>\n"
        let handler = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n<rect width=\"10\" height=\"10\"\n onclick=\"steal()\"/></svg>\n"
        let external = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">\n<image xlink:href=\"https://example.com/x.png\"/></svg>\n"
        let site = try Self.site("![A](a.svg)\n\n![B](b.svg)\n\n![C](c.svg)",
                                 images: ["a.svg": Array(script.utf8), "b.svg": Array(handler.utf8), "c.svg": Array(external.utf8)])
        #expect(await site.errors() == """
        content/id/articles/a.md:7:1: error: content/images/a.svg holds a <script> element on line 2; an SVG opened at its own address runs such things, so tabib publishes only plain drawings: remove it, or export the drawing again as plain SVG.
        content/id/articles/a.md:9:1: error: content/images/b.svg holds an event handler attribute 'onclick' on line 3; an SVG opened at its own address runs such things, so tabib publishes only plain drawings: remove it, or export the drawing again as plain SVG.
        content/id/articles/a.md:11:1: error: content/images/c.svg holds a reference to another file on line 2; an SVG opened at its own address runs such things, so tabib publishes only plain drawings: remove it, or export the drawing again as plain SVG.
        """)
    }

    @Test func unknownKeyInImageMetadataSuggestsTheKnownOne() async throws {
        let site = try Self.site("![Betis](betis.png)", images: ["betis.png": TestPNG.make(width: 400, height: 300)], credit: false)
        try site.write("content/images/betis.png.yaml", "credit: \"Foto: Ani\"\nlicence: CC BY 4.0\n")
        #expect(await site.errors() == """
        content/images/betis.png.yaml:2:1: error: unknown key 'licence' in the image's metadata; fix its spelling or remove it.
          note: did you mean 'license'?
          note: known keys here: credit, license, screenOnly.
        """)
    }
}
