import CompiledMustache

/// The notice on a translation that no clinician has reviewed yet.
struct TranslationNotice: Sendable, TemplateModel {
    /// The name of the language it was translated from.
    let from: String

    static var templateFields: TemplateFields<TranslationNotice> {
        ["from": .text { $0.from }]
    }
}
