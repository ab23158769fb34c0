import Foundation
import Testing
import KompasDSL
@testable import Raadskompas

/// Every script in Examples/ runs without errors.
@Suite struct ExamplesTests {
    static var examples: [String] {
        let directory = packageRoot.appending(path: "Examples").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".kompas") }.sorted()
    }

    @Test func thereAreExamples() {
        #expect(ExamplesTests.examples.count >= 3)
    }

    @Test(arguments: ExamplesTests.examples)
    func exampleRuns(name: String) throws {
        let path = packageRoot.appending(path: "Examples/\(name)").path
        let source = try ContentFiles.read(path).get()
        let session = Session(library: bundledLibrary)
        var output = ""
        let result = session.run(SourceFile(name: source.name, bytes: source.bytes)) { output += $0 }
        #expect(result.succeeded, "\(DiagnosticRenderer().render(result.diagnostics))")
        #expect(!output.isEmpty)
    }
}
