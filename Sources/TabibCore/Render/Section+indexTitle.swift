extension Section {
    /// The UI string that names the section's index page: its heading, and its step in breadcrumbs.
    /// nil for the sections that have no index page.
    var indexTitleKey: UIStrings.Key? {
        switch self {
        case .articles: .navArticles
        case .causes: .navCauses
        case .conditions: .navConditions
        case .pages, .handouts, .search: nil
        }
    }
}
