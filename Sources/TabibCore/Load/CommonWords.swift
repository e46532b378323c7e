import Foundation

/// Everyday words of each language that must not become auto-links without the writer's say-so
/// (`tangan`, hand): `templates/i18n/<lang>.common-words.txt`, one word or phrase a line, `#` starts
/// a comment. A language without the file has no such list.
public struct CommonWords: Sendable, Equatable {
    /// Language → lowercased words.
    public var words: [String: Set<String>] = [:]

    public static func path(_ language: String) -> String { "templates/i18n/\(language).common-words.txt" }

    public static func load(root: URL, languages: [Language]) -> CommonWords {
        var result = CommonWords()
        for language in languages {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path(language.code)).path),
                  case let .success(text) = SourceText.decode(data, path: path(language.code)) else { continue }
            result.words[language.code] = Set(text.split(whereSeparator: \.isNewline).compactMap { line in
                let word = line.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces).lowercased()
                return word.isEmpty ? nil : word
            })
        }
        return result
    }

    public func contains(_ alias: String, language: String) -> Bool { words[language]?.contains(alias) == true }
}
