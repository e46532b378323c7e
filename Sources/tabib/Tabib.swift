import ArgumentParser
import Foundation
import TabibCore

/// `tabib`: builds, checks and previews a multilingual health information site.
struct Tabib: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tabib",
        abstract: "Builds a multilingual health information site from Markdown under content/.",
        version: "0.1.0",
        subcommands: [Build.self, Check.self, Serve.self, New.self]
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
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = Tabib.unknownSubcommand(in: arguments) {
            Console.error(message)
            exit(2)
        }
        do {
            var command = try Tabib.parseAsRoot(arguments)
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

extension Tabib {
    /// `tabib bild`: swift-argument-parser suggests options, not subcommands; this does, with the
    /// same "did you mean" as content errors.
    static func unknownSubcommand(in arguments: [String]) -> String? {
        guard let word = arguments.first, !word.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName ?? $0._commandName }
        guard !names.contains(word), word != "help" else { return nil }
        let usage = "Usage: tabib <subcommand>\n  See 'tabib --help' for more information."
        if let guess = Suggestion.closest(to: word, in: names) {
            return "Error: '\(word)' is not a tabib command. Did you mean '\(guess)'?\n\(usage)"
        }
        return "Error: '\(word)' is not a tabib command; the commands are \(names.joined(separator: ", ")).\n\(usage)"
    }
}

enum Console {
    static func error(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

    /// Prints diagnostics to standard error: one message per mistake, each with the line it points
    /// at, then the counts.
    static func report(_ diagnostics: [Diagnostic], root: URL) {
        guard !diagnostics.isEmpty else { return }
        error(DiagnosticPrinter(colors: colors).report(SourceLines.attach(diagnostics, root: root)))
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org) or the terminal is dumb.
    static var colors: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isatty(STDERR_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }
}
