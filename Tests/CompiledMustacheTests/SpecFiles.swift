import CompiledMustache
import Foundation
import Testing

/// The official Mustache specification's test files: from `MUSTACHE_SPEC_DIR`, else
/// `../shared/mustache-spec` next to the package.
enum SpecFiles {
    static let names = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]

    static let folder: URL = {
        if let path = ProcessInfo.processInfo.environment["MUSTACHE_SPEC_DIR"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/mustache-spec").standardizedFileURL
    }()

    static var found: Bool {
        names.allSatisfy { FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0).json").path) }
    }

    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    static var missingMessage: String {
        "mustache spec not found at \(folder.path); set MUSTACHE_SPEC_DIR to the folder with the spec's JSON files"
    }

    static let cases: [SpecCase] = {
        guard found else { return [] }
        var cases: [SpecCase] = []
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("\(name).json").path),
                  let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let tests = json["tests"] as? [[String: Any]]
            else { continue }
            for test in tests {
                cases.append(SpecCase(
                    file: name,
                    name: test["name"] as? String ?? "",
                    template: test["template"] as? String ?? "",
                    partials: (test["partials"] as? [String: String]) ?? [:],
                    data: TemplateValue(json: test["data"] ?? NSNull()),
                    expected: test["expected"] as? String ?? ""))
            }
        }
        return cases
    }()
}

struct SpecCase: Sendable, CustomTestStringConvertible {
    let file: String
    let name: String
    let template: String
    let partials: [String: String]
    let data: TemplateValue
    let expected: String

    var testDescription: String { "\(file): \(name)" }
}

extension TemplateValue {
    /// A value from what `JSONSerialization` gives.
    init(json: Any) {
        switch json {
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.doubleValue)
            }
        case let text as String: self = .string(text)
        case let list as [Any]: self = .list(list.map(TemplateValue.init(json:)))
        case let object as [String: Any]: self = .object(object.mapValues(TemplateValue.init(json:)))
        default: self = .null
        }
    }
}
