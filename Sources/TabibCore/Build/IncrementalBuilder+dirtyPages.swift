import Foundation

/// Which pages a quick build renders again: the rules described on `IncrementalBuilder`.
extension IncrementalBuilder {
    /// The pages to render again, or nil when only a full build is safe.
    static func dirtyJobs(_ renderer: SiteRenderer, bodies: [String: RenderedBody], templates: [String: String],
                                  previous: State) -> Set<PageJob>? {
        let jobs = renderer.jobs()
        var dirty: Set<PageJob> = []
        let disclaimer = ContentKey(kind: .page, id: "disclaimer")
        for (i, file) in renderer.graph.files.enumerated() {
            guard let old = previous.bodies[file.path], let new = bodies[file.path] else { return nil }
            if old.html == new.html, old.redFlags == new.redFlags { continue }
            // A link or an auto-link changes "what links here" on other pages: not followed here.
            if Set(old.links.map(\.target)) != Set(new.links.map(\.target)) || old.mentions != new.mentions { return nil }
            dirty.insert(.file(i))
            if file.kind == .article { dirty.insert(.handout(i)) }
            if file.key == disclaimer { dirty.formUnion(jobs.filter { if case .handout = $0 { true } else { false } }) }
        }
        let changedTemplates = Set(templates.keys).union(previous.templates.keys).filter { templates[$0] != previous.templates[$0] }
        if !changedTemplates.isEmpty {
            let all = templates.merging(previous.templates) { new, old in new + "\n" + old }
            // Dynamic partials and changed delimiters cannot be followed by reading the tags.
            if all.values.contains(where: { $0.contains("{{>*") || $0.contains("{{> *") || $0.contains("{{=") }) { return nil }
            for job in jobs {
                guard let name = templateName(job, renderer) else { return nil }
                if !closure(of: name, in: all).isDisjoint(with: changedTemplates) { dirty.insert(job) }
            }
        }
        return dirty
    }

    /// The template a page is rendered with, as `SiteRenderer.render(_:)` chooses it.
    static func templateName(_ job: PageJob, _ renderer: SiteRenderer) -> String? {
        switch job {
        case let .file(i):
            switch renderer.graph.files[i].kind {
            case .article: "article"
            case .cause: "cause"
            case .condition: "condition"
            case .page: "page"
            }
        case .handout: "handout"
        case .home: "home"
        case .index: "list"
        case .root: "root"
        case .notFound: "404"
        }
    }

    /// A template and every partial and parent it uses, transitively.
    static func closure(of name: String, in sources: [String: String]) -> Set<String> {
        var seen: Set<String> = []
        var stack = [name]
        while let next = stack.popLast() {
            guard seen.insert(next).inserted, let text = sources[next] else { continue }
            stack += TemplateSet.partialReferences(in: text).map(\.name)
        }
        return seen
    }

    /// Every `templates/**/*.mustache`, by the name the template set registers it under.
    static func templateSources(root: URL) -> [String: String] {
        let folder = root.appendingPathComponent("templates")
        var sources: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".mustache"), let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) else { continue }
            sources[String(relative.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
        }
        return sources
    }
}
