import Foundation
import Testing
@testable import TabibCore

/// The shipped site: its public build holds no reviewer's note, no passage awaiting clinical review
/// and no article flagged as a whole; a preview shows all three.
@Suite struct ShippedTrustTests {
    /// Phrases only found in the reviewers' notes, the marked passages and the flagged article.
    static let heldBack = [
        "Perlu diperiksa klinisi", "Needs checking by a clinician",     // the flagged article's note
        "teh chamomile juga terbukti", "chamomile tea has also been shown",   // marked passages
        "minyak mustard", "mustard oil",
        "Ini akan mencegah kejang", "This will prevent leg muscle spasms",
        "ibu hamil diminta", "pregnant women are asked",
        "review-passage",
        "kontraktur tegang dan rileks", "tense and relaxed contracture",  // the flagged article's body
    ]

    static func texts(_ output: MemoryOutput) -> [(String, String)] {
        output.files.keys.sorted().compactMap { path in
            path.hasSuffix(".html") || path.hasSuffix(".xml") ? (path, output.text(path)!) : nil
        }
    }

    @Test func thePublicBuildHoldsNothingAwaitingReview() async throws {
        let output = MemoryOutput()
        let report = try await SiteBuilder(options: BuildOptions(root: TestSite.repository)).build(into: output)
        var found: [String] = []
        for (path, text) in Self.texts(output) {
            for phrase in Self.heldBack where text.localizedCaseInsensitiveContains(phrase) { found.append("\(path): \(phrase)") }
        }
        #expect(found == [])
        #expect(report.withheld.summary == "Held back, flagged for clinical review as a whole: content/id/articles/penyebab-kejang-otot.md (with their translations); they stay out of every public build until a clinician clears 'review'.")
        // The cauda equina warning is an emergency callout, in the article and on its handout, in both languages.
        for path in ["id/artikel/kaki-mati-rasa-setelah-latihan/index.html", "id/selebaran/kaki-mati-rasa-setelah-latihan/index.html"] {
            let page = try #require(output.text(path))
            #expect(page.contains("<p>Segera pergi ke unit gawat darurat jika kaki mati rasa atau kesemutan disertai kesulitan buang air kecil."), "\(path)")
        }
        let english = try #require(output.text("en/handouts/numb-legs-after-exercise/index.html"))
        #expect(english.contains("<p>Go to an emergency department straight away if numbness or tingling in your legs comes with difficulty passing urine."))
    }

    @Test func aPreviewShowsTheMarkedPassagesAndTheFlaggedArticle() async throws {
        let output = MemoryOutput()
        _ = try await SiteBuilder(options: BuildOptions(root: TestSite.repository, includeDrafts: true)).build(into: output)
        let all = Self.texts(output).map(\.1).joined()
        for phrase in Self.heldBack { #expect(all.localizedCaseInsensitiveContains(phrase), "\(phrase)") }
    }
}
