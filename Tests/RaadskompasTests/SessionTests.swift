import Foundation
import Testing
import KompasDSL
@testable import Raadskompas

@Suite struct SessionTests {
    @Test func listStaalkaarten() {
        let (output, diagnostics) = shell("lijst staalkaarten")
        #expect(diagnostics.isEmpty)
        for id in ContentSchemas.staalkaartIds { #expect(output.contains(id)) }
        #expect(output.contains("Wet maatschappelijke ondersteuning"))
    }

    @Test func showCardAndSection() {
        let (card, d1) = shell("toon wmo")
        #expect(d1.isEmpty)
        #expect(card.hasPrefix("Wet maatschappelijke ondersteuning"))
        #expect(card.contains("[wmo.rol-raad]"))
        #expect(card.contains("Bron: "))
        let (section, d2) = shell("toon wmo.doelen")
        #expect(d2.isEmpty)
        #expect(section.contains("Doelen"))
        #expect(!section.contains("[wmo.financiering]"))
        #expect(shell("toon \"criteria-raadsvoorstellen.B\"").diagnostics.isEmpty)
        #expect(shell("toon koerskaart-preventie.3").diagnostics.isEmpty)
    }

    @Test func outputFitsTheWidth() {
        for width in [40, 80, 120] {
            let (output, _) = shell("toon koerskaart-preventie", width: width)
            for line in output.split(separator: "\n") where !line.contains("http") {
                // Words longer than the width (urls, long ids) are the only exception.
                if line.split(separator: " ").allSatisfy({ $0.count < width / 2 }) {
                    #expect(line.count <= width, "te breed bij \(width): \(line)")
                }
            }
        }
    }

    @Test func unknownIdSuggestsTheNearest() {
        let d = shell("toon wmoo").diagnostics.first
        #expect(d?.summary == "geen kaart met id `wmoo`")
        #expect(d?.hint == "bedoelde je `wmo`?")
        let part = shell("toon wmo.doeln").diagnostics.first
        #expect(part?.summary == "kaart `wmo` heeft geen onderdeel `doeln`")
        #expect(part?.hint == "bedoelde je `doelen`?")
    }

    @Test func unknownCommandSuggestsTheNearest() {
        let d = shell("toom wmo").diagnostics.first
        #expect(d?.summary == "onbekende opdracht `toom`")
        #expect(d?.hint == "bedoelde je `toon`?")
        #expect(d?.span?.location == SourceLocation(line: 1, column: 1))
    }

    @Test func wrongListingWord() {
        let d = shell("lijst staalkarten").diagnostics.first
        #expect(d?.hint == "bedoelde je `staalkaarten`?")
        let all = shell("lijst")
        #expect(all.diagnostics.isEmpty)
        #expect(all.output.contains("Koerskaarten") && all.output.contains("Indicatoren"))
        #expect(shell("lijst \"koerskaarten\"").diagnostics.isEmpty)
    }

    @Test func helpIsGeneratedFromTheSchemas() {
        let (overview, _) = shell("help")
        for command in Registry.all { #expect(overview.contains(command.name)) }
        for kind in ContentSchemas.cards { #expect(overview.contains(kind.name)) }
        let (staalkaart, _) = shell("help staalkaart")
        for field in ContentSchemas.staalkaart.fields { #expect(staalkaart.contains(field.name)) }
        let (functions, _) = shell("help functies")
        #expect(functions.contains("dagen_tussen(datum, datum)"))
        #expect(shell("help toom").output.contains("Bedoelde je `toon`?"))
    }

    @Test func scriptsUseContentThroughBuiltins() {
        let (output, diagnostics) = shell("""
            laat n = 0
            voor elk k in kaarten("staalkaart") { laat n = $n + 1 }
            schrijf "Er zijn $n staalkaarten; de Wmo heet ${kaart(wmo).titel}."
            """)
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
        #expect(output == "Er zijn 6 staalkaarten; de Wmo heet Wet maatschappelijke ondersteuning 2015.\n")
    }

    @Test func cardNodeInAScriptGetsAHint() {
        let d = shell("kaart x { titel \"t\" }").diagnostics.first
        #expect(d?.summary == "`kaart` is een kaart, geen opdracht")
    }

    @Test func completeness() {
        #expect(Session.completeness(of: "voor elk x in [1] {") == .incomplete)
        #expect(Session.completeness(of: "toon wmo") == .complete)
    }

    @Test func filesBuiltin() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "raadskompas-bestanden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["b.txt", "a.txt", "c.md"] {
            try Data("x".utf8).write(to: directory.appending(path: name))
        }
        let (output, diagnostics) = shell("voor elk p in bestanden(\"\(directory.path)/*.txt\") { schrijf $p }")
        #expect(diagnostics.isEmpty)
        #expect(output.split(separator: "\n").map { String($0.split(separator: "/").last ?? "") } == ["a.txt", "b.txt"])
    }
}
