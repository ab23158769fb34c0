import Testing
@testable import KompasDSL

@Suite struct DiagnosticRendererTests {
    @Test func formatWithLocationSourceLineMarkerAndHint() {
        let file = SourceFile(name: "Content/wmo.kompas", text: "staalkaart wmo {\n  finansiering \"x\"\n}\n")
        let diagnostic = Diagnostic.error("onbekend onderdeel `finansiering`", hint: "bedoelde je `financiering`?",
                                          at: SourceSpan(file: file, start: 19, end: 31))
        let text = DiagnosticRenderer().render(diagnostic)
        #expect(text == """
            Content/wmo.kompas:2:3: fout: onbekend onderdeel `finansiering`
              |
            2 |   finansiering "x"
              |   ^~~~~~~~~~~~
              = hint: bedoelde je `financiering`?

            """)
    }

    @Test func markerUnderDutchLettersLinesUp() {
        let file = SourceFile(name: "t", text: "titel \"Coöperatie\" xyz")
        let start = file.bytes.count - 3
        let text = DiagnosticRenderer().render(.error("fout", at: SourceSpan(file: file, start: start, end: start + 3)))
        let lines = text.split(separator: "\n")
        let source = lines[2], marker = lines[3]
        #expect(source.firstIndex(of: "x").map { source.distance(from: source.startIndex, to: $0) }
                == marker.firstIndex(of: "^").map { marker.distance(from: marker.startIndex, to: $0) })
    }

    @Test func veryLongLinesAreCutAroundTheSpan() {
        let long = String(repeating: "a", count: 5_000_000)
        let file = SourceFile(name: "t", text: "x \"" + long + "\" 2026-02-30")
        let start = file.bytes.count - 10
        let text = DiagnosticRenderer().render(.error("fout", at: SourceSpan(file: file, start: start, end: start + 10)))
        #expect(text.count < 600)
        #expect(text.contains("2026-02-30"))
        #expect(text.contains("…"))
    }

    @Test func colorOnlyWhenAsked() {
        let file = SourceFile(name: "t", text: "x")
        let diagnostic = Diagnostic.error("fout", at: SourceSpan(file: file, start: 0, end: 1))
        #expect(!DiagnosticRenderer(useColor: false).render(diagnostic).contains("\u{1B}["))
        #expect(DiagnosticRenderer(useColor: true).render(diagnostic).contains("\u{1B}["))
    }

    @Test func suggestions() {
        #expect(Suggestion.nearest(to: "finansiering", in: ["financiering", "doelen"]) == "financiering")
        #expect(Suggestion.nearest(to: "wno", in: ["wlz", "wmo", "zvw"]) == "wmo")
        #expect(Suggestion.nearest(to: "wmo", in: ["wlz", "zvw"]) == nil)
        #expect(Suggestion.nearest(to: "preventie", in: ["wmo", "jeugdwet"]) == nil)
        #expect(Suggestion.nearest(to: "afkortign", in: ["afkorting"]) == "afkorting")
    }
}
