import ArgumentParser
import Foundation
import TabibCore

/// `tabib`: builds, checks and previews a multilingual health information site.
struct Tabib: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tabib",
        abstract: "Builds a multilingual health information site from Markdown under content/.",
        version: "0.1.0",
        subcommands: [Build.self, Check.self, Serve.self]
    )
}

/// Options every command shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site's folder, holding content/ and templates/ (default: the current folder).")
    var root: String = "."

    var rootURL: URL { URL(fileURLWithPath: root).standardizedFileURL }

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("the folder '\(root)' does not exist; pass --root with the folder that holds content/ and templates/.")
        }
    }
}

/// Usage errors exit 2; content and template errors exit 1.
@main
enum Main {
    static func main() async {
        do {
            var command = try Tabib.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            let code = Tabib.exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((Tabib.fullMessage(for: error) + "\n").utf8))
                exit(2)
            }
            Tabib.exit(withError: error)
        }
    }
}

enum Console {
    static func error(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    /// Prints diagnostics to standard error, with a count.
    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics.sorted() { error(diagnostic.description) }
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        if errors + warnings > 0 {
            error("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s").")
        }
    }
}
