import Foundation
import Testing
@testable import TabibCore

/// `tabib check --handouts`: a handout that no longer fits on two A4 pages is reported.
@Suite struct HandoutCheckTests {
    @Test func handoutPastTwoPagesIsWarnedAboutAndCountedLikePdfinfo() async throws {
        let points = (1...45).map { "    - Poin penting nomor \($0) yang cukup panjang untuk mengisi satu baris penuh pada selebaran cetak." }
        let site = try TestSite("""
        -- content/id/articles/a.md --
        ---
        title: Kram
        summary: Ringkasan.
        date: 2026-11-20
        reviewed: 2026-11-20
        handout:
          keyPoints:
        \(points.joined(separator: "\n"))
        ---
        Isi.
        """)
        let checker = SiteChecker(options: site.options)
        let warnings = await checker.handoutLengthWarnings(printer: HandoutPDFs(browser: try Chromium.locate()))
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.location == SourceLocation(path: "content/id/articles/a.md", line: 1, column: 1))
        #expect(warning.code == "handout-too-long")
        let pages = try #require(Int(warning.message.split(separator: " ").first { Int($0) != nil } ?? ""))
        #expect(warning.message == "the handout of this article prints on \(pages) A4 pages, more than 2; shorten its 'handout.keyPoints' or its red-flag callouts.")

        // The count agrees with poppler's on a real PDF.
        let output = site.root.appendingPathComponent("out")
        _ = try await SiteBuilder(options: site.options).build(toDirectory: output, printingHandoutsWith: HandoutPDFs(browser: try Chromium.locate()))
        let pdf = output.appendingPathComponent("id/selebaran/a/a-id.pdf")
        let info = try await #require(CommandLineTool.find(["pdfinfo"])).run([pdf.path])
        let line = try #require(info.output.split(separator: "\n").first { $0.hasPrefix("Pages:") })
        #expect(PDFPageCount.count(try Data(contentsOf: pdf)) == Int(line.split(separator: " ").last!))
        #expect(pages == Int(line.split(separator: " ").last!))
    }

    @Test func aLastPageHoldingOnlyTheDatesAndDisclaimerIsRecognised() {
        let alone = """
        Halaman 2/2 · Kram — https://example.org/id/artikel/a/


        Diterbitkan: 20 November 2026 Tinjauan redaksi terakhir: 20 November 2026
        Penafian Medis
        Informasi ini hanya untuk edukasi.
        """
        let accompanied = """
        Halaman 2/2 · Kram — https://example.org/id/artikel/a/

        Periksakan diri ke dokter jika
        Segera kunjungi dokter jika gejalanya menetap.
        Diterbitkan: 20 November 2026
        """
        #expect(SiteChecker.startsWithTheEnd(alone, published: "Diterbitkan", pageLabel: "Halaman"))
        #expect(!SiteChecker.startsWithTheEnd(accompanied, published: "Diterbitkan", pageLabel: "Halaman"))
    }
}
