import CompiledMustache
import Testing

/// The Mustache specification's core files and its inheritance module, through the same compiler
/// tabib's typed pages use, with `TemplateValue`'s dynamic field table.
@Suite struct SpecTests {
    @Test(.enabled(if: SpecFiles.found || SpecFiles.inCI, Comment(rawValue: SpecFiles.missingMessage)))
    func specFilesArePresent() {
        #expect(SpecFiles.found, Comment(rawValue: SpecFiles.missingMessage))
        let counts = SpecFiles.names.map { name in "\(name) \(SpecFiles.cases.filter { $0.file == name }.count)" }
        print("mustache spec: \(SpecFiles.cases.count) tests (\(counts.joined(separator: ", "))) from \(SpecFiles.folder.path)")
        #expect(SpecFiles.cases.count == 163)
    }

    @Test(.enabled(if: SpecFiles.found, Comment(rawValue: SpecFiles.missingMessage)), arguments: SpecFiles.cases)
    func specCase(_ spec: SpecCase) throws {
        let main = "(template)"
        let sources = [TemplateSource(name: main, path: "\(spec.file).json", text: spec.template)]
            + spec.partials.sorted { $0.key < $1.key }.map { TemplateSource(name: $0.key, path: "\($0.key).mustache", text: $0.value) }
        let library = try TemplateLibrary(sources)
        let template = try library.compile(main, TemplateValue.templateFields, missingPartials: .renderNothing)
        let output = String(decoding: template.render(spec.data), as: UTF8.self)
        #expect(output == spec.expected, "template: \(spec.template.debugDescription)")
    }
}
