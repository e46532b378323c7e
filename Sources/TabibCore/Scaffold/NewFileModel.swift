import CompiledMustache

/// What a template for new files (`templates/new/<kind>.md`, `<kind>-translation.md`) can show, each
/// value ready to stand in YAML or Markdown as it is. The translation's values are nil on a new page.
struct NewFileModel: Sendable, TemplateModel {
    var id: String
    var kind: String
    var language: String
    var today: String
    var nextReview: String
    var reviewIntervalMonths: String
    /// Quoted for YAML.
    var title: String
    /// The source's language and path, on a translation.
    var from: String?
    var sourcePath: String?
    var summary: String?
    var date: String?
    var reviewed: String?
    /// YAML flow list of condition ids.
    var conditions: String?
    /// YAML block list lines.
    var causes: String?
    var sources: String?
    var keyPoints: String?
    var aliases: String?
    var entityKind: String?
    /// The source body as a skeleton to translate.
    var body: String?

    init(id: String, kind: String, language: String, today: String, nextReview: String, reviewIntervalMonths: String, title: String) {
        self.id = id
        self.kind = kind
        self.language = language
        self.today = today
        self.nextReview = nextReview
        self.reviewIntervalMonths = reviewIntervalMonths
        self.title = title
    }

    static var templateFields: TemplateFields<NewFileModel> {
        [
            "id": .text { $0.id }, "kind": .text { $0.kind }, "language": .text { $0.language },
            "today": .text { $0.today }, "nextReview": .text { $0.nextReview },
            "reviewIntervalMonths": .text { $0.reviewIntervalMonths }, "title": .text { $0.title },
            "from": .text { $0.from }, "sourcePath": .text { $0.sourcePath }, "summary": .text { $0.summary },
            "date": .text { $0.date }, "reviewed": .text { $0.reviewed }, "conditions": .text { $0.conditions },
            "causes": .text { $0.causes }, "sources": .text { $0.sources }, "keyPoints": .text { $0.keyPoints },
            "aliases": .text { $0.aliases }, "entityKind": .text { $0.entityKind }, "body": .text { $0.body },
        ]
    }
}
