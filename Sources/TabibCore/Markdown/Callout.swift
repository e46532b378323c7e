/// A block quote that starts with `[!KIND]`: GitHub's alerts plus tabib's two red-flag kinds.
enum CalloutKind: String, CaseIterable, Sendable {
    case note = "NOTE", tip = "TIP", important = "IMPORTANT", warning = "WARNING", caution = "CAUTION"
    case seeDoctor = "SEE-DOCTOR", emergency = "EMERGENCY"
    /// Not a callout: the marker of a passage awaiting clinical review; its title labels the passage in previews.
    case review = "REVIEW"

    /// The key of its heading in the UI strings.
    var stringKey: String {
        switch self {
        case .note: "calloutNote"
        case .tip: "calloutTip"
        case .important: "calloutImportant"
        case .warning: "calloutWarning"
        case .caution: "calloutCaution"
        case .seeDoctor: "calloutSeeDoctor"
        case .emergency: "calloutEmergency"
        case .review: "reviewPassageLabel"
        }
    }

    var cssClass: String { "callout-" + rawValue.lowercased() }
    /// Red flags are kept whole on paper and printed on handouts.
    var isRedFlag: Bool { self == .seeDoctor || self == .emergency }
}
