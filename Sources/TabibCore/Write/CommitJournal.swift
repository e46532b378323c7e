import Foundation

/// What an update's commit does to the output, written to its staging folder before it begins, so
/// that a build cut short (killed, or stopped by an error) is finished by the next one. One step a
/// line: `remove<TAB>path` removes a file the build no longer makes; `move<TAB>n<TAB>path` renames the
/// staged file `files/n` over `path`. Read back as untrusted text: every path is checked like the
/// manifest's.
struct CommitJournal: Equatable {
    enum Step: Equatable {
        case remove(String)
        case move(file: String, to: String)
    }

    var steps: [Step]

    var text: String {
        steps.map { step in
            switch step {
            case .remove(let path): "remove\t\(path)\n"
            case .move(let file, let path): "move\t\(file)\t\(path)\n"
            }
        }.joined()
    }

    var moves: Int { steps.count { if case .move = $0 { true } else { false } } }
    var removals: Int { steps.count - moves }

    /// The journal in `text` (read from `location`), or every bad line as an error at its line.
    static func parse(_ text: String, at location: String, staging: String) -> (journal: CommitJournal?, diagnostics: [Diagnostic]) {
        var steps: [Step] = []
        var diagnostics: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            var problem: String?
            switch (fields.first, fields.count) {
            case ("remove", 2):
                problem = OutputManifest.problem(with: fields[1])
                if problem == nil { steps.append(.remove(String(fields[1]))) }
            case ("move", 3):
                if fields[1].isEmpty || !fields[1].allSatisfy(\.isASCII) || !fields[1].allSatisfy(\.isNumber) {
                    problem = "a staged file '\(fields[1])' that is not a number"
                } else {
                    problem = OutputManifest.problem(with: fields[2])
                }
                if problem == nil { steps.append(.move(file: String(fields[1]), to: String(fields[2]))) }
            default:
                problem = "a line that is not 'remove<TAB>path' or 'move<TAB>number<TAB>path'"
            }
            if let problem {
                diagnostics.append(.error("output-journal-invalid",
                    "the journal of an interrupted build has \(problem); tabib does not carry it out, so it changes nothing outside its output. Someone other than tabib wrote this file: remove the folder \(staging) and build again (the build then rewrites every file that differs).",
                    at: SourceLocation(path: location, line: index + 1, column: 1)))
            }
        }
        return diagnostics.isEmpty ? (CommitJournal(steps: steps), []) : (nil, diagnostics)
    }
}
