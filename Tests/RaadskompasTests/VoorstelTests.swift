import Foundation
import Testing
import ZIPFoundation
import KompasDSL
@testable import Raadskompas

@Suite struct VoorstelTests {
    func session(_ folder: TemporaryFolder) -> Session {
        Session(library: bundledLibrary, database: (folder.path("v.sqlite"), false))
    }

    func write(_ folder: TemporaryFolder, _ name: String, _ data: Data) throws -> String {
        let path = folder.path(name)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func importsTextNoticesChangesAndRefusesAnotherFileUnderTheSameId() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        let path = try write(folder, "rv.txt", Data("Raadsvoorstel Wmo-verordening 2026\n\nDe raad besluit …\n".utf8))
        let first = run(s, "voorstel importeer \"\(path)\" id=rv-2026-001 datum=2026-03-12 gemeente=\"Dommelrade\" wetten=[wmo]")
        #expect(first.diagnostics.isEmpty, "\(DiagnosticRenderer().render(first.diagnostics))")
        #expect(first.output == "Voorstel rv-2026-001 ingelezen: ‘Raadsvoorstel Wmo-verordening 2026’ (3 regels).\n")
        #expect(run(s, "voorstel importeer \"\(path)\" id=rv-2026-001").output == "Voorstel rv-2026-001 is al ingelezen; er is niets veranderd.\n")
        // Reproduction 4 of issue 11: a re-import that changes only fields says so.
        #expect(run(s, "voorstel importeer \"\(path)\" id=rv-2026-001 portefeuille=\"Zorg\"").output
                == "Voorstel rv-2026-001 is al ingelezen; de tekst is niet veranderd, wel: portefeuille.\n")
        try Data("Raadsvoorstel Wmo-verordening 2026\n\nGewijzigd besluit.\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(run(s, "voorstel importeer \"\(path)\" id=rv-2026-001").output.contains("de tekst is veranderd sinds"))
        let other = try write(folder, "ander.txt", Data("Iets anders\n".utf8))
        let clash = run(s, "voorstel importeer \"\(other)\" id=rv-2026-001").diagnostics.first
        #expect(clash?.summary.hasPrefix("er is al een voorstel rv-2026-001") == true)
        #expect(clash?.hint == "kies een andere id, of zet `vervang=ja` om de tekst te vervangen")
        #expect(run(s, "voorstel importeer \"\(other)\" id=rv-2026-001 vervang=ja").diagnostics.isEmpty)
        let shown = run(s, "voorstel toon rv-2026-001").output
        #expect(shown.contains("1 │ Iets anders"))
        #expect(shown.contains("datum 12 maart 2026") && shown.contains("wetten wmo"), "metadata van de eerste import blijft als ze niet opnieuw is gegeven: \(shown)") 
    }

    /// A re-import follows the header of the new text for fields that came from the text, keeps a
    /// field set by hand (and says what the text says now), and names scores only when there are.
    @Test func reimportFollowsTheHeaderButKeepsWhatWasSetByHand() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        func text(_ datum: String, _ wethouder: String) -> Data {
            Data("Raadsvoorstel Cliëntondersteuning\n\nDatum raadsvergadering: \(datum)\nPortefeuillehouder: \(wethouder)\nRegistratienummer: RV-2026-014\n\nBeslispunten\n1. In te stemmen met het plan.\n".utf8)
        }
        let path = try write(folder, "rv.txt", text("12 maart 2026", "wethouder Zorg"))
        _ = run(s, "voorstel importeer \"\(path)\" id=rv-1")
        try text("26 maart 2026", "wethouder Sociaal Domein").write(to: URL(fileURLWithPath: path))
        let second = run(s, "voorstel importeer \"\(path)\" id=rv-1").output
        #expect(second.contains("datum 26 maart 2026 (was 12 maart 2026), portefeuille ‘wethouder Sociaal Domein’ (was ‘wethouder Zorg’)"), "\(second)")
        #expect(!second.contains("scores gingen") && !second.contains("beoordelingen"))
        #expect(run(s, "voorstel toon rv-1").output.contains("datum 26 maart 2026 · portefeuille wethouder Sociaal Domein"))
        _ = run(s, "voorstel wijzig rv-1 portefeuille=\"Wethouder A\"")
        _ = run(s, "beoordeling rv-1 door=\"Griffie\" { criterium A score=2 }")
        try text("2 april 2026", "wethouder Jeugd").write(to: URL(fileURLWithPath: path))
        let third = run(s, "voorstel importeer \"\(path)\" id=rv-1").output
        #expect(third.contains("datum 2 april 2026 (was 26 maart 2026)"))
        #expect(third.contains("De tekst noemt nu portefeuille ‘wethouder Jeugd’ (bewaard blijft ‘Wethouder A’)"), "\(third)")
        #expect(third.contains("De 1 score ging over de vorige tekst"))
        #expect(run(s, "voorstel toon rv-1").output.contains("portefeuille Wethouder A"))
    }

    /// `voorstel ID titel="…"` without `{ }`, as `help voorstel` writes it.
    @Test func aDeclarationWithoutBlockChangesWhatItNames() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        #expect(run(s, "voorstel rv-1 titel=\"Jeugdhulp\"").diagnostics.first?.summary == "voorstel rv-1 bestaat nog niet en heeft een tekst nodig")
        _ = run(s, "voorstel rv-1 { titel \"Jeugdhulp\"; tekst \"x\" }")
        #expect(run(s, "voorstel rv-1 titel=\"Jeugdhulp dichtbij\"").output == "Voorstel rv-1 bijgewerkt: titel.\n")
        #expect(run(s, "voorstel wijzig rv-1 portefeuille=\"A\"").output == "Voorstel rv-1 bijgewerkt: portefeuille.\n")
        #expect(run(s, "voorstel toon rv-1").output.contains("Jeugdhulp dichtbij"))
    }

    /// The same voorstel under a second id (a renamed file, a second download) is named.
    @Test func theSameVoorstelUnderAnotherIdIsNamed() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        let text = Data("Raadsvoorstel Jeugdhulp\n\nRegistratienummer: RV-2026-021\n\nBeslispunten\n1. In te stemmen.\n".utf8)
        let first = try write(folder, "a.txt", text)
        _ = run(s, "voorstel importeer \"\(first)\" id=rv-a")
        let second = try write(folder, "b.txt", text)
        #expect(run(s, "voorstel importeer \"\(second)\" id=rv-b").output.contains("Let op: dezelfde tekst staat al bij voorstel rv-a."))
        let third = try write(folder, "c.txt", Data("Raadsvoorstel Jeugdhulp (versie 2)\n\nRegistratienummer: rv-2026-021\n".utf8))
        #expect(run(s, "voorstel importeer \"\(third)\" id=rv-c").output.contains("hetzelfde registratienummer rv-2026-021 staat al bij voorstel rv-"))
        let other = try write(folder, "d.txt", Data("Raadsvoorstel Wmo\n\nRegistratienummer: RV-2026-022\n".utf8))
        #expect(!run(s, "voorstel importeer \"\(other)\" id=rv-d").output.contains("Let op"))
    }

    @Test func windows1252EmptyMissingAndUnknownFiles() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        let legacy = try write(folder, "oud.txt", Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x80, 0x20, 0x35, 0x0D, 0x0A]))
        let imported = run(s, "voorstel importeer \"\(legacy)\" id=oud")
        #expect(imported.output.hasPrefix("Let op: de tekst was geen UTF-8 en is gelezen als Windows-1252."))
        #expect(run(s, "voorstel toon oud").output.contains("Café € 5"))
        let empty = try write(folder, "leeg.txt", Data())
        #expect(run(s, "voorstel importeer \"\(empty)\" id=leeg").diagnostics.first?.summary == "`\(empty)` bevat geen tekst")
        #expect(run(s, "voorstel importeer \"\(folder.path("nee.txt"))\" id=x").diagnostics.first?.summary.hasSuffix("bestaat niet") == true)
        // A folder is read as a whole; `id=` is for one voorstel.
        #expect(run(s, "voorstel importeer \"\(folder.url.path)\" id=x").diagnostics.first?.summary == "`id=` geldt voor één voorstel, niet voor een map")
        let odt = try write(folder, "x.odt", Data("x".utf8))
        #expect(run(s, "voorstel importeer \"\(odt)\" id=x").diagnostics.first?.hint == "gebruik .txt, .md, .pdf of .docx")
        #expect(run(s, "voorstel importeer \"\(legacy)\" id=\"Geen Id\"").diagnostics.first?.summary == "ongeldige id `Geen Id`")
    }

    @Test func docxTextIsRead() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        let path = folder.path("voorstel.docx")
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p><w:r><w:t>Raadsvoorstel inkoop jeugdhulp</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">Beoogd effect: </w:t></w:r><w:r><w:t>minder wachttijd &amp; coöperatie</w:t></w:r></w:p>
            </w:body></w:document>
            """
        let data = Data(xml.utf8)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(data.count)) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
        #expect(run(s, "voorstel importeer \"\(path)\" id=rv-docx").diagnostics.isEmpty)
        let shown = run(s, "voorstel toon rv-docx").output
        #expect(shown.contains("1 │ Raadsvoorstel inkoop jeugdhulp"))
        #expect(shown.contains("2 │ Beoogd effect: minder wachttijd & coöperatie"))
        let broken = try write(folder, "kapot.docx", Data("geen zip".utf8))
        #expect(run(s, "voorstel importeer \"\(broken)\" id=kapot").diagnostics.first?.summary == "`\(broken)` is geen leesbaar Word-bestand")
    }

    @Test func aWordFileWithATableGivesItsFormFields() throws {
        // Made with python-docx as Word writes it: the form fields sit in a table.
        let folder = try TemporaryFolder()
        let s = session(folder)
        let path = packageRoot.appending(path: "Tests/Fixtures/docx/jeugdhulp.docx").path
        let reply = run(s, "voorstel importeer \"\(path)\" id=rv-word")
        #expect(reply.diagnostics.isEmpty)
        #expect(reply.output.contains("datum 12 maart 2026") && reply.output.contains("registratienummer Z/26/0412"), "\(reply.output)")
        #expect(run(s, "voorstel toon rv-word").output.contains("Beoogd effect:\tminder wachttijd & coöperatie met aanbieders"))
    }

    @Test func pdfThroughPdftotextOrAClearMessage() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        _ = run(s, "werkblad nieuw \"Bron\"")
        let pdf = folder.path("werkblad.pdf")
        guard run(s, "exporteer werkblad \"Bron\" naar \"\(pdf)\"").diagnostics.isEmpty else { return } // no PDF maker here
        let result = run(s, "voorstel importeer \"\(pdf)\" id=rv-pdf")
        let hasPdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].contains { FileManager.default.isExecutableFile(atPath: $0) }
        if hasPdftotext {
            #expect(result.diagnostics.isEmpty)
            #expect(run(s, "voorstel toon rv-pdf").output.contains("Stap 1"))
        } else {
            #expect(result.diagnostics.first?.summary == "voor PDF-bestanden is `pdftotext` nodig, en dat is niet geïnstalleerd")
        }
    }

    @Test func declarativeVoorstelAndBeoordeling() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        let declared = run(s, """
            voorstel rv-2026-014 datum=2026-03-12 gemeente="Veenhoven" wetten=[jeugdwet] {
              titel "Regiovisie jeugdhulp"
              tekst \"\"\"
                De raad besluit de regiovisie vast te stellen.
                \"\"\"
            }
            beoordeling rv-2026-014 door="Griffie" {
              criterium A score=2 "Verwijst naar het beleidsplan"
              criterium B score=0
              criterium F score=nvt
            }
            beoordeling rv-2026-014 door="Raadslid Jansen" { criterium A score=0; criterium B score=1 "Geen risico’s genoemd" }
            """)
        #expect(declared.diagnostics.isEmpty, "\(DiagnosticRenderer().render(declared.diagnostics))")
        let side = run(s, "beoordelingen rv-2026-014").output
        #expect(side.contains("Griffie") && side.contains("Raadslid Jansen"))
        #expect(side.contains("A 2 voldoende") && side.contains("← verschil van 2 punten"))
        #expect(side.contains("n.v.t."))
        let questions = run(s, "vragen rv-2026-014").output
        #expect(questions.contains("A. In lijn met eerder gemaakte beleidskeuzes") && questions.contains("B. Inzicht in te verwachten"))
        #expect(!questions.contains("F. "), "n.v.t. levert geen vragen op")
        let griffie = run(s, "vragen rv-2026-014 door=\"Griffie\"").output
        #expect(!griffie.contains("A. In lijn"), "de griffie gaf A een 2")
        // Bad input: a score outside the scale, a criterion that does not exist, two scores for one criterion.
        #expect(run(s, "beoordeling rv-2026-014 door=\"X\" { criterium A score=4 }").diagnostics.first?.summary == "score `4` ligt niet op de schaal")
        #expect(run(s, "beoordeling rv-2026-014 door=\"X\" { criterium G score=1 }").diagnostics.first?.summary == "er is geen criterium G")
        #expect(run(s, "beoordeling rv-2026-014 door=\"X\" { criterium A score=1; criterium A score=2 }").diagnostics.first?.summary == "criterium A staat er twee keer")
        #expect(run(s, "voorstel lijst { tekst \"x\" }").diagnostics.first?.summary == "`lijst` kan geen id zijn: het is een actie van `voorstel`")
    }

    @Test func guidedBeoordelingStoresEachScoreAndResumes() throws {
        let folder = try TemporaryFolder()
        let s = session(folder)
        _ = run(s, "voorstel rv-1 { titel \"T\"; tekst \"x\" }")
        let first = ScriptedConversation(["2", "Sluit aan bij het beleidsplan", "7", "1", "", nil])
        s.conversation = first
        #expect(run(s, "beoordeel rv-1 door=\"Griffie\"").diagnostics.isEmpty)
        #expect(first.transcript.contains("A. In lijn met eerder gemaakte beleidskeuzes"))
        #expect(first.transcript.contains("Typ 0, 1, 2, 3 of nvt (of het woord"))
        #expect(first.transcript.contains("Gestopt. De scores tot nu toe zijn bewaard"))
        let second = ScriptedConversation(["nvt", "", "3", "", "3", "", "0", "", "n.v.t.", ""])
        s.conversation = second
        _ = run(s, "beoordeel rv-1 door=\"Griffie\"")
        #expect(second.transcript.contains("Je gaat verder bij criterium C."))
        #expect(second.transcript.contains("Klaar."))
        let side = run(s, "beoordelingen rv-1").output
        #expect(side.contains("A 2 voldoende") && side.contains("B 1 summier") && side.contains("C n.v.t."))
        s.conversation = nil
        #expect(run(s, "beoordeel rv-1").diagnostics.first?.summary == "`beoordeel` werkt in de shell, waar Raadskompas vragen kan stellen")
    }
}

@Suite struct APKTests {
    @Test func reportInTextHtmlMarkdownAndCsv() throws {
        let folder = try TemporaryFolder()
        let s = Session(library: bundledLibrary, database: (folder.path("apk.sqlite"), false))
        var output = ""
        let setup = s.run("""
            voorstel rv-1 datum=2026-02-10 portefeuille="Zorg" { titel "Wmo-verordening"; tekst "x" }
            voorstel rv-2 datum=2026-05-03 portefeuille="Jeugd" { titel "=HYPERLINK(\\"x\\") <script>"; tekst "y" }
            voorstel rv-3 datum=2026-06-01 { titel "Niet beoordeeld"; tekst "z" }
            voorstel rv-4 datum=2027-01-05 { titel "Buiten de periode"; tekst "z" }
            beoordeling rv-1 door="Griffie" { criterium A score=3; criterium B score=1; criterium E score=0; criterium F score=nvt }
            beoordeling rv-1 door="Jansen" { criterium A score=2; criterium B score=2 }
            beoordeling rv-2 door="Griffie" { criterium A score=1; criterium B score=3; criterium E score=1 }
            beoordeling rv-4 door="Griffie" { criterium A score=0 }
            apk 2026-01-01 2026-12-31
            """) { output += $0 }
        #expect(setup.succeeded, "\(DiagnosticRenderer().render(setup.diagnostics))")
        #expect(output.contains("2 beoordeelde voorstellen; nog niet beoordeeld: rv-3"))
        #expect(output.contains("  A 1,8    0 / 1 / 0 / 1"))
        #expect(output.contains("Zwakste criterium: E"))
        #expect(output.contains("2026-K1  A 2,5  B 1,5"))
        for name in ["apk.html", "apk.md", "apk.csv"] {
            #expect(s.run("apk 2026-01-01 2026-12-31 naar \"\(folder.path(name))\"") { _ in }.succeeded)
        }
        let csv = try String(contentsOfFile: folder.path("apk.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("id;titel;datum;portefeuille;criterium;gemiddelde_score;beoordelaars\n"))
        #expect(csv.contains("rv-2;\"'=HYPERLINK(\"\"x\"\") <script>\";"), "een formule wordt onschadelijk gemaakt")
        #expect(!csv.contains("rv-4"))
        let html = try String(contentsOfFile: folder.path("apk.html"), encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("<rect"))
        #expect(!html.contains("<script>"))
        let md = try String(contentsOfFile: folder.path("apk.md"), encoding: .utf8)
        #expect(md.contains("| A. In lijn met eerder gemaakte beleidskeuzes | 1,8 | 0 | 1 | 0 | 1 |"))
        var bad = s.run("apk 2026-12-31 2026-01-01") { _ in }.diagnostics.first
        #expect(bad?.summary.hasPrefix("de periode loopt achteruit") == true)
        bad = s.run("apk 2026-01-01 2026-12-31 naar \"\(folder.path("apk.pdf"))\"") { _ in }.diagnostics.first
        #expect(bad?.hint == "kies een naam die eindigt op .html, .md of .csv")
    }
}

@Suite struct VoorstelBadInputTests {
    @Test func scannedPdfWithoutTextLayerIsNamed() throws {
        guard PDFRenderer.find() != nil,
              ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].contains(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return }
        let folder = try TemporaryFolder()
        let html = folder.path("scan.html")
        // A page with only a drawing, as a scanner makes: no text for pdftotext to find.
        try "<!DOCTYPE html><html><body><svg width=\"400\" height=\"300\"><rect width=\"400\" height=\"300\" fill=\"#888\"/></svg></body></html>"
            .write(toFile: html, atomically: true, encoding: .utf8)
        let pdf = folder.path("scan.pdf")
        let file = SourceFile(name: "test", text: "x")
        try PDFRenderer.write(html: try String(contentsOfFile: html, encoding: .utf8), to: pdf, at: SourceSpan(file: file, start: 0, end: 1))
        #expect(throws: TextImport.Failure.noTextLayer(pdf)) { try TextImport.read(pdf) }
    }

    @Test func a300PageVoorstelIsAnalysed() throws {
        let analyzer = try #require(Analyzer(library: bundledLibrary))
        let page = "Dit voorstel sluit aan bij het coalitieakkoord. Er is een risico op wachtlijsten. We evalueren in 2027.\n"
        let text = String(repeating: page + String(repeating: "Een gewone zin over de uitvoering van het beleid.\n", count: 30), count: 300)
        let result = analyzer.analyze(text, name: "groot.txt")
        #expect(result.criteria["A"]?.oordeel != nil)
        #expect((result.criteria["B"]?.bewijs.count ?? 0) <= 4, "bewijs blijft kort, ook bij een lang stuk")
    }
}
