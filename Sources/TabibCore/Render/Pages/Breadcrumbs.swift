import CompiledMustache

/// Where a content page sits in the site (`templates/partials/breadcrumbs.mustache`): its language's
/// home page, its section's index, and the page itself last; and the same trail as a schema.org
/// `BreadcrumbList`, so that what search engines read is what readers see.
struct Breadcrumbs: Sendable, TemplateModel {
    let items: [Crumb]
    /// The trail as a `BreadcrumbList`, a JSON object for `<script type="application/ld+json">`.
    let jsonLD: String

    /// One step of the trail.
    struct Crumb: Sendable, TemplateModel {
        let name: String
        /// Its address on the site.
        let url: String
        /// The page itself, which is last and not a link.
        let current: Bool

        static var templateFields: TemplateFields<Crumb> {
            ["name": .text { $0.name }, "url": .text { $0.url }, "current": .bool { $0.current }]
        }
    }

    /// `trail`: each step's name and address on the site, the page itself last; `origin`: what makes an
    /// address absolute (`https://example.org`).
    init(_ trail: [(name: String, path: String)], origin: String) {
        items = trail.enumerated().map { Crumb(name: $1.name, url: $1.path, current: $0 == trail.count - 1) }
        // Every object's keys in the order .sortedKeys writes them (`JSONLD.Value`).
        let elements = trail.enumerated().map { position, step in
            JSONLD.Value.object([("@type", .string("ListItem")), ("item", .string(origin + step.path)),
                                 ("name", .string(step.name)), ("position", .integer(position + 1))])
        }
        jsonLD = JSONLD.encode(.object([("@context", .string("https://schema.org")), ("@type", .string("BreadcrumbList")),
                                        ("itemListElement", .array(elements))]))
    }

    static var templateFields: TemplateFields<Breadcrumbs> {
        ["items": .list { $0.items }, "jsonLD": .text { $0.jsonLD }]
    }
}
