import CompiledMustache

/// An article's printable A4 handout (`templates/handout.mustache`): the layout, with the handout
/// under `handout`.
struct HandoutPage: Sendable {
    var layout: PageLayout
    var handout: Handout

    struct Handout: Sendable, TemplateModel {
        let title: String
        /// The article's absolute URL, which the handout prints and its QR code holds, and its address on the site.
        let articleURL: String
        let articlePath: String
        /// The `handout:` points of the front matter, else the summary, else the title.
        let keyPoints: [String]
        /// The handout's PDF, when the build prints them (`tabib build --pdf`).
        let pdfURL: String?
        let dates: ReviewDates
        /// The QR code of `articleURL`, an SVG element; nil if it could not be made.
        let qr: String?
        /// The body's red-flag callouts, rendered.
        let redFlags: RedFlags?
        /// The body's figures as printed (not the screen-only ones), rendered.
        let figures: Figures?
        /// The sources' titles, separated by "; "; nil when there are none.
        let sources: String?
        let clinicalReview: ClinicalReviewNotice?
        /// The disclaimer's rendered body and title, in this language or its source; nil when the site has none.
        let disclaimer: String?
        let disclaimerTitle: String?
        let clinic: Clinic
        /// The handout in the article's other languages.
        let otherLanguages: OtherLanguages?
        /// The name of the handout's language.
        let languageName: String
        /// The clinician who reviewed the article; nil when none has, which the handout says.
        let reviewer: ClinicalReviewer?
        /// Published before any clinician reviewed it: the handout carries a notice to readers.
        let awaitingReview: Bool
        /// The handout's print rules (`HandoutPrintStyle`): a CSS text for its `<style>` element.
        let printCSS: String

        static var templateFields: TemplateFields<Handout> {
            TemplateFields<Handout>([
                ("title", .text { $0.title }),
                ("articleURL", .text { $0.articleURL }),
                ("articlePath", .text { $0.articlePath }),
                ("keyPoints", .list({ $0.keyPoints }, .string)),
                ("pdfURL", .text { $0.pdfURL }),
                ("qr", .text { $0.qr }),
                ("redFlags", .model { $0.redFlags }),
                ("figures", .model { $0.figures }),
                ("sources", .text { $0.sources }),
                ("clinicalReview", .model { $0.clinicalReview }),
                ("disclaimer", .text { $0.disclaimer }),
                ("disclaimerTitle", .text { $0.disclaimerTitle }),
                ("clinic", .model { $0.clinic }),
                ("otherLanguages", .model { $0.otherLanguages }),
                ("languageName", .text { $0.languageName }),
                ("reviewer", .model { $0.reviewer }),
                ("awaitingReview", .bool { $0.awaitingReview }),
                ("clinicalStatus", .bool { _ in true }),
                ("printCSS", .text { $0.printCSS }),
            ]).adding(.embedding({ $0.dates }, ReviewDates.templateFields))
        }
    }

    /// The red-flag callouts of the article's body, each rendered HTML.
    struct RedFlags: Sendable, TemplateModel {
        let items: [String]

        init?(_ items: [String]) {
            guard !items.isEmpty else { return nil }
            self.items = items
        }

        static var templateFields: TemplateFields<RedFlags> { ["items": .list({ $0.items }, .string)] }
    }

    /// The figures of the article's body, each rendered HTML at print resolution.
    struct Figures: Sendable, TemplateModel {
        let items: [String]

        init?(_ items: [String]) {
            guard !items.isEmpty else { return nil }
            self.items = items
        }

        static var templateFields: TemplateFields<Figures> { ["items": .list({ $0.items }, .string)] }
    }

    /// The clinic that hands the page out (`clinic:` in site.yaml).
    struct Clinic: Sendable, TemplateModel {
        /// The clinic's name, else the site's title.
        let name: String
        let contact: String?
        let emergencyNumber: String?

        static var templateFields: TemplateFields<Clinic> {
            ["name": .text { $0.name }, "contact": .text { $0.contact }, "emergencyNumber": .text { $0.emergencyNumber }]
        }
    }

    /// The handout in the article's other languages, shown only when there are some.
    struct OtherLanguages: Sendable, TemplateModel {
        let items: [OtherLanguage]

        init?(_ items: [OtherLanguage]) {
            guard !items.isEmpty else { return nil }
            self.items = items
        }

        static var templateFields: TemplateFields<OtherLanguages> { ["items": .list { $0.items }] }
    }

    struct OtherLanguage: Sendable, TemplateModel {
        let name: String
        let code: String
        let url: String

        static var templateFields: TemplateFields<OtherLanguage> {
            ["name": .text { $0.name }, "code": .text { $0.code }, "url": .text { $0.url }]
        }
    }

    static func templateFields(stringKeys keys: [String]) -> TemplateFields<HandoutPage> {
        TemplateFields.embedding({ $0.layout }, PageLayout.templateFields(stringKeys: keys)).adding([
            "handout": .model { $0.handout },
        ])
    }
}
