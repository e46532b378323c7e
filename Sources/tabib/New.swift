import ArgumentParser
import Foundation
import TabibCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new content file from the site's template for it (templates/new/), as a draft.",
        discussion: """
            tabib new article kram-malam            writes content/<default language>/articles/kram-malam.md
            tabib new article kram-malam --lang en  starts its English translation from the source's headings, callouts and key points
            """)

    @OptionGroup var site: SiteOptions

    @Argument(help: "What to start: article, cause, condition or page.")
    var kind: String

    @Argument(help: "The id: the file's name and the page's URL, in lowercase letters, digits and '-', such as kram-malam.")
    var id: String

    @Option(name: .long, help: "Start a translation into this language of the existing page with this id (default: a new page in the source language).")
    var lang: String?

    func validate() throws {
        guard ContentKind(rawValue: kind) == nil else { return }
        let kinds = ContentKind.allCases.map(\.rawValue)
        let guess = Suggestion.closest(to: kind, in: kinds).map { " Did you mean '\($0)'?" } ?? ""
        throw ValidationError("'\(kind)' is not a kind of content; use one of \(kinds.joined(separator: ", ")).\(guess)")
    }

    func run() throws {
        do {
            let path = try NewContent(root: site.rootURL).create(ContentKind(rawValue: kind)!, id: id, language: lang)
            print("Wrote \(path) (a draft: fill in each TODO, then remove 'draft: true' to publish it).")
        } catch {
            Console.report(error.diagnostics, root: site.rootURL)
            throw ExitCode(1)
        }
    }
}
