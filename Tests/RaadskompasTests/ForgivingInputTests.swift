import Foundation
import Testing
import KompasDSL
@testable import Raadskompas

/// Issue 15, first part: the mistakes people make in their first minutes get what they meant or an
/// error that shows the line rewritten, at the place of the mistake.
@Suite struct ForgivingInputTests {
    @Test func datesWrittenTheDutchWayAreDates() {
        #expect(shell("schrijf 12-03-2026").output == "12 maart 2026\n")
        #expect(shell("schrijf 1-3-2026").output == "1 maart 2026\n")
        #expect(shell("schrijf (12-3-2026 + 1)").output == "13 maart 2026\n")
        // Subtraction of numbers stays subtraction.
        #expect(shell("schrijf (12-3)").output == "9\n")
        let impossible = shell("schrijf 31-02-2026").diagnostics.first
        #expect(impossible?.summary == "de datum 31-02-2026 bestaat niet")
        #expect(impossible?.hint == "februari 2026 heeft 28 dagen")
        #expect(impossible?.span?.location == SourceLocation(line: 1, column: 9))
    }

    @Test func aDateInWordsGetsTheSameDateRewritten() throws {
        let db = try DatabaseSession()
        let error = db.fail("voorstel importeer \"x.txt\" id=rv-1 datum=12 maart 2026")
        #expect(error?.summary == "een datum schrijf je hier als jaar-maand-dag")
        #expect(error?.hint == "schrijf `datum=2026-03-12` (of datum=12-3-2026)")
        #expect(error?.span?.location == SourceLocation(line: 1, column: 42))
        #expect(error?.span?.text == "12 maart 2026")
    }

    @Test func aUnitAfterANumberSaysToWriteOnlyTheNumber() throws {
        let db = try DatabaseSession()
        db.run("geschiedenis")
        let error = db.fail("adviesraad asd naam=\"ASD\" reactietermijn=6 weken")
        #expect(error?.summary == "`6 weken`: hier hoort alleen een getal")
        #expect(error?.hint == "schrijf alleen het getal: reactietermijn=6")
        #expect(error?.span?.text == "6 weken")
        #expect(try db.snapshot().contains("ASD") == false, "nothing stored")
    }

    @Test func aCalculationWithoutParenthesesIsShownWithThem() {
        #expect(shell("schrijf 1+1").diagnostics.first?.hint == "zet de berekening tussen haakjes: `(1 + 1)`")
        #expect(shell("laat a = 5\nschrijf $a * 2").diagnostics.first?.hint == "zet de berekening tussen haakjes: `($a * 2)`")
        #expect(shell("schrijf (1 + 1)").output == "2\n")
        // Right after the statement's name there is nothing to calculate: the usual hint.
        #expect(shell("schrijf +").diagnostics.first?.hint == "bijvoorbeeld een tekst \"…\", een getal, een naam of een lijst [a, b]")
        #expect(shell("schrijf (1) + 2").diagnostics.first?.hint?.contains("tussen haakjes") == true)
    }

    @Test func aBarePathIsToldToGoBetweenQuotes() {
        for (line, path, column) in [("importeer metingen data/x.csv", "data/x.csv", 20), ("importeer metingen /tmp/cijfers.csv", "/tmp/cijfers.csv", 20),
                                     ("voorstel importeer ./stukken/rv.pdf id=rv-2", "./stukken/rv.pdf", 20),
                                     ("voorstel importeer ~/stukken/rv.pdf id=rv-2", "~/stukken/rv.pdf", 20),
                                     // A path with spaces: the hint quotes all of it, up to the file's extension.
                                     ("importeer metingen /tmp/mijn cijfers.csv", "/tmp/mijn cijfers.csv", 20),
                                     ("importeer metingen data/Mijn Documenten/cbs 2024.csv kolom=Waarde", "data/Mijn Documenten/cbs 2024.csv", 20),
                                     ("voorstel importeer ~/Raad stukken/rv 12.pdf id=rv-2", "~/Raad stukken/rv 12.pdf", 20),
                                     ("voorstel importeer ./stukken/rv.pdf rv-2", "./stukken/rv.pdf", 20)] {
            let diagnostics = shell(line).diagnostics
            #expect(diagnostics.count == 1, "\(line): \(diagnostics.map(\.summary))")
            #expect(diagnostics.first?.summary == "een pad hoort tussen aanhalingstekens")
            #expect(diagnostics.first?.hint == "zet het pad tussen aanhalingstekens: \"\(path)\"")
            #expect(diagnostics.first?.span?.location == SourceLocation(line: 1, column: column))
        }
        // Division is not a path.
        #expect(shell("schrijf (6 / 2)").output == "3\n")
    }

    /// Several words where one text goes: one error whose hint quotes them all, not only the first
    /// word (after which the quoted statement still had "te veel argumenten").
    @Test func wordsWithoutQuotesAreQuotedTogether() {
        for (line, summary, hint) in [
            ("werkblad wijzig Visie sociaal domein Zoëterwoude eigenaar=\"Chloë\"", "een tekst met spaties hoort tussen aanhalingstekens",
             "zet de tekst tussen aanhalingstekens: \"Visie sociaal domein Zoëterwoude\""),
            ("aanbeveling wijzig adv-1 2 Nieuwe tekst", "een tekst met spaties hoort tussen aanhalingstekens", "zet de tekst tussen aanhalingstekens: \"Nieuwe tekst\""),
            ("advies wijzig adv-1 onderwerp=Toegankelijkheid loketten", "een tekst met spaties hoort tussen aanhalingstekens",
             "schrijf onderwerp=\"Toegankelijkheid loketten\""),
        ] {
            let diagnostics = shell(line).diagnostics
            #expect(diagnostics.count == 1, "\(line): \(diagnostics.map(\.summary))")
            #expect(diagnostics.first?.summary == summary)
            #expect(diagnostics.first?.hint == hint)
        }
        // One word keeps its own hint; an address is no part of a name.
        #expect(shell("werkblad wijzig Visie waarden.zelf.1 \"x\"").diagnostics.first?.hint == "zet de tekst tussen aanhalingstekens: \"Visie\"")
    }

    /// A path copied from Windows Explorer: one error, not one per backslash, and a path that a
    /// text can hold (a `\` in a text starts an escape such as `\n`).
    @Test func aWindowsPathIsOneErrorWithSlashes() {
        for (line, path, column) in [(#"voorstel importeer C:\Users\anna\Documents\raadsvoorstel jeugd.docx id=rv-1"#, "C:/Users/anna/Documents/raadsvoorstel jeugd.docx", 20),
                                     (#"importeer metingen stukken\cbs\wmo.csv"#, "stukken/cbs/wmo.csv", 20),
                                     (#"importeer metingen D:/cijfers/wmo.csv"#, "D:/cijfers/wmo.csv", 20)] {
            let diagnostics = shell(line).diagnostics
            #expect(diagnostics.count == 1, "\(line): \(diagnostics.map(\.summary))")
            #expect(diagnostics.first?.summary == "een pad hoort tussen aanhalingstekens")
            #expect(diagnostics.first?.hint == "zet het pad tussen aanhalingstekens, met / in plaats van \\: \"\(path)\"")
            #expect(diagnostics.first?.span?.location == SourceLocation(line: 1, column: column))
        }
        let quoted = shell(#"voorstel importeer "C:\Users\anna\Documents\rv.docx" id=rv-1"#).diagnostics
        #expect(quoted.count == 1, "\(quoted.map(\.summary))")
        #expect(quoted.first?.summary == "onbekende ontsnapping `\\U`: in een tekst begint `\\` een speciaal teken")
        #expect(quoted.first?.hint == "schrijf in een pad / in plaats van \\: \"C:/Users/anna/Documents/rv.docx\"")
        // `\n` and `\t` are escapes, but in a Windows path they would silently change the path.
        let escaped = shell(#"voorstel importeer "C:\nieuw\tabel.docx" id=rv-1"#).diagnostics
        #expect(escaped.count == 1)
        #expect(escaped.first?.summary == "in een pad begint `\\` een speciaal teken: `\\n` is een nieuwe regel")
        #expect(escaped.first?.hint == "schrijf in een pad / in plaats van \\: \"C:/nieuw/tabel.docx\"")
        #expect(shell(#"schrijf "Regel 1\nRegel 2""#).output == "Regel 1\nRegel 2\n")
        // Other texts keep the general hint; a time of day is no drive.
        #expect(shell(#"schrijf "a \q b""#).diagnostics.first?.hint?.hasPrefix("bekend zijn") == true)
        #expect(shell("schrijf \"12:30\"").output == "12:30\n")
    }

    @Test func curlyQuotesFromAWordProcessorAreQuotes() throws {
        #expect(shell("schrijf “Visie ë”").output == "Visie ë\n")
        #expect(shell("schrijf „Zorg dichtbij”").output == "Zorg dichtbij\n")
        // Inside straight quotes a curly quote is just a character.
        #expect(shell("schrijf \"Hij zei ”ja”\"").output == "Hij zei ”ja”\n")
        let db = try DatabaseSession()
        #expect(db.run("werkblad nieuw “Visie 2026”").contains("Werkblad ‘Visie 2026’ gemaakt"))
        let open = shell("schrijf “Visie").diagnostics.first
        #expect(open?.summary == "tekst wordt niet afgesloten")
    }

    @Test func idsWithCapitalsAreUsedInLowerCaseWithANote() throws {
        let db = try DatabaseSession()
        let reply = db.run("voorstel RV-2026-021 { titel \"Wmo\"; tekst \"Het college stelt voor de Wmo te wijzigen.\" }")
        #expect(reply.hasPrefix("Let op: een id is altijd in kleine letters; ik gebruik `RV-2026-021` als `rv-2026-021`.\n"), "\(reply)")
        #expect(db.run("voorstel toon rv-2026-021").contains("Wmo"))
        #expect(try db.snapshot().contains("rv-2026-021"))
    }

    @Test func apkWithAYearMeansTheWholeYear() throws {
        let db = try DatabaseSession()
        #expect(db.run("apk 2026").hasPrefix("APK voor raadsvoorstellen, 1 januari 2026 tot en met 31 december 2026"))
        #expect(db.run("apk 2026-01-01 2026-06-30").hasPrefix("APK voor raadsvoorstellen, 1 januari 2026 tot en met 30 juni 2026"))
        #expect(db.fail("apk 1850")?.summary == "1850 is te klein voor `jaar`")
    }

    @Test func helpTakesSeveralWordsAndFindsAStatementByAnyOfItsWords() {
        let advies = shell("help advies nieuw").output
        #expect(advies.hasPrefix("Opdracht: advies nieuw"), "\(advies)")
        #expect(shell("help werkblad toon").output.hasPrefix("Opdracht: werkblad toon"))
        let invullen = shell("help invullen").output
        #expect(invullen.hasPrefix("Opdrachten met `invullen`") && invullen.contains("werkblad invullen \"naam\""), "\(invullen)")
        #expect(shell("help xyzzy").output.hasPrefix("Over `xyzzy` is geen uitleg."))
    }

    /// `help` starts with what people come to do, per role, before the full list; every statement
    /// it names exists.
    @Test func helpStartsWithWhatPeopleComeToDo() {
        let help = shell("help").output
        let top = help.components(separatedBy: "Alle opdrachten").first ?? ""
        #expect(top.contains("Wat wil je doen?"))
        for needle in ["werkblad invullen \"Mijn visie\"", "voorstel importeer \"rv.pdf\" id=rv-1", "advies nieuw", "beoordeel rv-1"] {
            #expect(top.contains(needle), "\(needle)")
        }
        for task in HelpText.tasks {
            let word = String(task.statement.split(separator: " ").first ?? "")
            #expect(Registry.words.contains(word), "\(task.statement)")
        }
        for line in help.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
    }

    /// `zoek` also finds the user's own records, under their own heading, with how to open each;
    /// without a database it searches the cards only and makes no database.
    @Test func zoekFindsOwnRecords() throws {
        let db = try DatabaseSession()
        db.run("""
            voorstel rv-1 { titel "Wmo-verordening"; tekst "Het college stelt voor de eenzaamheid onder ouderen aan te pakken." }
            werkblad "Visie Súdwest-Fryslân" { stap waarden { zelf { waarde "Minder eenzaamheid" } } }
            adviesraad asd naam="ASD" reactietermijn=6
            advies adv-1 raad=asd soort=gevraagd onderwerp="Armoede" { aanbeveling 1 "Bestrijd eenzaamheid in de wijk" }
            """)
        let found = db.run("zoek eenzaamheid")
        let own = found.components(separatedBy: "In je eigen gegevens (3)").last ?? ""
        #expect(found.contains("In je eigen gegevens (3)"), "\(found)")
        #expect(own.contains("voorstel: Wmo-verordening [rv-1]") && own.contains("→ voorstel toon rv-1"))
        #expect(own.contains("advies: Armoede [adv-1]") && own.contains("→ advies toon adv-1"))
        #expect(own.contains("werkblad: Visie Súdwest-Fryslân") && own.contains("→ werkblad toon \"Visie Súdwest-Fryslân\""))
        // Accents and capitals do not matter; every word must occur.
        #expect(db.run("zoek SUDWEST").contains("werkblad: Visie Súdwest-Fryslân"))
        #expect(!db.run("zoek eenzaamheid wijk").contains("voorstel: Wmo-verordening"))
        // Only own records match: the cards have nothing, the heading still shows them.
        #expect(db.run("zoek fryslan").hasPrefix("Niets in de kaarten voor ‘fryslan’.\n\nIn je eigen gegevens (1)"))
        // Without a database: cards only, and no database is made.
        let folder = try TemporaryFolder()
        let session = Session(library: bundledLibrary, style: TextStyle(width: 80, color: false), database: (path: folder.path("nieuw.sqlite"), isDefault: false))
        var output = ""
        _ = session.run("zoek eenzaamheid") { output += $0 }
        #expect(!output.contains("In je eigen gegevens"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("nieuw.sqlite")))
    }
}

/// The word wrapping of the shell's own lines (greeting, guided flows): colour codes take no room.
@Suite struct TerminalTextTests {
    @Test func longLinesBreakBetweenWordsAndColourTakesNoRoom() {
        let dim = "\u{1B}[2mElk antwoord wordt bewaard zodra je op Enter drukt. Ctrl-C: stoppen (wat bewaard is, blijft).\u{1B}[0m"
        let wrapped = TerminalText.wrapLongLines(dim + "\n  kort\n", width: 60)
        let lines = wrapped.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        for line in lines { #expect(TerminalText.visibleLength(line) <= 60, "\(line)") }
        #expect(lines[1].hasPrefix("stoppen") || lines[1].hasPrefix("Ctrl-C"), "\(lines)")
        #expect(TerminalText.wrapLongLines("  a b c", width: 60) == "  a b c")
        #expect(TerminalText.wrapLongLines("    " + String(repeating: "woord ", count: 20), width: 30).split(separator: "\n").allSatisfy { $0.hasPrefix("    ") })
    }
}

/// `~/` in a path that is read (a voorstel, measurements, a backup's folder) is the home folder,
/// as it already was for exports.
@Suite struct HomeFolderPathTests {
    @Test func tildeIsTheHomeFolderWhenReading() throws {
        let db = try DatabaseSession()
        let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
        try #require(!home.isEmpty)
        let name = "raadskompas-test-\(UUID().uuidString).txt"
        let file = URL(fileURLWithPath: home).appending(path: name)
        try Data("Raadsvoorstel\n\nHet college stelt voor de verordening vast te stellen.\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(db.run("voorstel importeer \"~/\(name)\" id=rv-thuis").contains("Voorstel rv-thuis ingelezen"))
    }
}
