import Foundation
@testable import KompasRepl
import Testing

/// The fixed entry points of DESIGN.md, run through the real binary.
@Suite struct CommandLineTests {
    @Test func listAndShowWithDashC() throws {
        let list = try BinaryRunner.run(["-c", "lijst staalkaarten"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("wmo"))
        #expect(list.stdout.contains("Zorgverzekeringswet"))
        #expect(!list.stdout.contains("\u{1B}["), "geen kleur als stdout geen terminal is")
        let show = try BinaryRunner.run(["-c", "toon wmo"])
        #expect(show.status == 0)
        #expect(show.stdout.hasPrefix("Wet maatschappelijke ondersteuning 2015 (Wmo)"))
    }

    @Test func errorNamesWhereAndExitsOne() throws {
        let result = try BinaryRunner.run(["-c", "toon wmoo"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("-c:1:6: fout: geen kaart met id `wmoo`"))
        #expect(result.stderr.contains("bedoelde je `wmo`?"))
    }

    @Test func scriptStopsAtFirstError() throws {
        let scratch = try Scratch()
        let path = try scratch.write("script.kompas", "schrijf \"een\"\nschrijf \"twee\"\ntoon jeugwet\nschrijf \"nooit\"\n")
        let result = try BinaryRunner.run([path])
        #expect(result.status == 1)
        #expect(result.stdout == "een\ntwee\n")
        #expect(result.stderr.hasPrefix("\(path):3:6: fout: geen kaart met id `jeugwet`"))
        #expect(result.stderr.contains("bedoelde je `jeugdwet`?"))
    }

    @Test func scriptThatDoesNotExist() throws {
        let result = try BinaryRunner.run(["/bestaat/niet.kompas"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bestand `/bestaat/niet.kompas` bestaat niet"))
    }

    @Test func statementsFromStdin() throws {
        let result = try BinaryRunner.run([], stdin: "laat n = lengte(kaarten(\"staalkaart\"))\nschrijf \"Wetten: $n\"\n")
        #expect(result.status == 0)
        #expect(result.stdout == "Wetten: 6\n")
        let broken = try BinaryRunner.run([], stdin: "schrijf \"a\"\ntoon {\n")
        #expect(broken.status == 1)
        #expect(broken.stderr.hasPrefix("stdin:2:6: fout: blok wordt niet gesloten"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try BinaryRunner.run(["--kleur", "paars", "-c", "help"]).status == 2)
        #expect(try BinaryRunner.run(["-c", "help", "script.kompas"]).status == 2)
        #expect(try BinaryRunner.run(["--onbekend"]).status == 2)
        #expect(try BinaryRunner.run(["check"]).status == 2)
    }

    @Test func versionAndHelp() throws {
        let version = try BinaryRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("raadskompas "))
        let help = try BinaryRunner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("check"))
    }

    /// Issue 15: the command line in Dutch: help headers, `--db` and RAADSKOMPAS_DB, and the usage
    /// errors of swift-argument-parser; exit codes unchanged.
    @Test func theCommandLineSpeaksDutch() throws {
        let help = try BinaryRunner.run(["--help"]).stdout
        for dutch in ["OVERZICHT:", "GEBRUIK:", "OPTIES:", "ONDERDELEN:", "Toon het versienummer.", "Toon deze uitleg.", "--db PAD", "RAADSKOMPAS_DB", "NO_COLOR"] {
            #expect(help.contains(dutch), "\(dutch)")
        }
        for english in ["OVERVIEW", "USAGE", "OPTIONS", "SUBCOMMANDS", "Show the version", "Show help information", "See '"] {
            #expect(!help.contains(english), "\(english)")
        }
        for command in ["check", "analyseer"] {
            let sub = try BinaryRunner.run([command, "--help"])
            #expect(sub.status == 0)
            #expect(sub.stdout.hasPrefix("OVERZICHT:") && sub.stdout.contains("ARGUMENTEN:") && sub.stdout.contains("(keuzes:") && sub.stdout.contains("standaard: auto)") && !sub.stdout.contains("values:") && !sub.stdout.contains("default:"), "\(sub.stdout)")
        }
        let cases: [([String], String)] = [
            (["--foo"], "fout: onbekende optie '--foo'. Bedoel je '--db'?\n"),
            (["--kleur", "paars"], "fout: 'paars' kan niet bij --kleur; kies uit auto, altijd of nooit\n"),
            (["--db"], "fout: na --db hoort een waarde\n"),
            (["check", "--foo", "x"], "fout: onbekende optie '--foo'\n"),
            (["a", "b", "c"], "fout: onverwachte argumenten: 'b', 'c'\n"),
        ]
        for (arguments, message) in cases {
            let result = try BinaryRunner.run(arguments, stdin: "")
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == message + "Typ `raadskompas --help` voor het gebruik.\n", "\(arguments): \(result.stderr)")
        }
    }

    @Test func checkGoodAndBadFiles() throws {
        let scratch = try Scratch()
        let good = try scratch.write("goed.kompas", "kaart eigen-kaart { titel \"Eigen\"; thema sturing; bron \"Griffie\"; zie wmo }\n")
        let ok = try BinaryRunner.run(["check", good])
        #expect(ok.status == 0)
        #expect(ok.stderr.contains("1 bestand gecontroleerd, 1 kaart: geen fouten"))

        let bad = try scratch.write("fout.kompas", "kaart x {\n  titel \"T\"\n  tema sturing\n  bron \"b\"\n}\nkaart y { titel 3 }\n")
        let failed = try BinaryRunner.run(["check", bad])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("\(bad):3:3: fout: onbekend onderdeel `tema` in `kaart`"))
        #expect(failed.stderr.contains("bedoelde je `thema`?"))
        #expect(failed.stderr.contains("\(bad):6:17: fout: verkeerd soort waarde voor `titel`"))
    }

    @Test func checkCornerCases() throws {
        let scratch = try Scratch()
        let empty = try scratch.write("leeg.kompas", "")
        #expect(try BinaryRunner.run(["check", empty]).status == 0)
        let directory = try BinaryRunner.run(["check", scratch.url.path])
        #expect(directory.status == 1)
        #expect(directory.stderr.contains("is een map, geen bestand"))
        let missing = try BinaryRunner.run(["check", scratch.url.appending(path: "nee.kompas").path])
        #expect(missing.status == 1)
        let binary = try scratch.write("binair.kompas", Data([0x00, 0xFF, 0xFE, 0x41]))
        let garbage = try BinaryRunner.run(["check", binary])
        #expect(garbage.status == 1)
        #expect(garbage.stderr.contains("\(binary):1:1: fout: NUL-teken"))
        let bomCRLF = try scratch.write("bom.kompas", Data([0xEF, 0xBB, 0xBF]) + Data("kaart k {\r\n  titel \"T\"\r\n  thema sturing\r\n  bron \"b\"\r\n}\r\n".utf8))
        #expect(try BinaryRunner.run(["check", bomCRLF]).status == 0)
    }

    @Test func bundledContentChecksClean() throws {
        let content = BinaryRunner.packageRoot.appending(path: "Content")
        let files = try FileManager.default.subpathsOfDirectory(atPath: content.path).filter { $0.hasSuffix(".kompas") }.map { content.appending(path: $0).path }
        let result = try BinaryRunner.run(["check"] + files)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func contentDirectoryOverridesAndAdds() throws {
        let scratch = try Scratch()
        try scratch.write("inhoud/eigen.kompas", """
            koerskaart koerskaart-eenzaamheid {
              titel "Koerskaart eenzaamheid"
              onderwerp "Eenzaamheid"
              bron "Griffie Almere"
              pagina 1 "Wat is eenzaamheid" { tekst "Eigen uitwerking." }
            }
            """)
        let result = try BinaryRunner.run(["--content", scratch.url.appending(path: "inhoud").path, "-c", "lijst koerskaarten\ntoon koerskaart-eenzaamheid.1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("koerskaart-eenzaamheid"))
        #expect(result.stdout.contains("Eigen uitwerking."))

        try scratch.write("kapot/fout.kompas", "kaart x { titel \"a\" }\n")
        let broken = try BinaryRunner.run(["--content", scratch.url.appending(path: "kapot").path, "-c", "help"])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("fout.kompas:1:1: fout:"))
        let missing = try BinaryRunner.run(["--content", "/bestaat/niet", "-c", "help"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("inhoudsmap `/bestaat/niet` bestaat niet"))
    }

    @Test func worksFromAnotherDirectoryAndWhenCopiedAlone() throws {
        let scratch = try Scratch()
        let binary = try #require(BinaryRunner.binary)
        let copy = scratch.url.appending(path: "raadskompas")
        try FileManager.default.copyItem(at: binary, to: copy)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["-c", "toon wlz.rol-raad"]
        process.currentDirectoryURL = scratch.url
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self).contains("Wet langdurige zorg"))
    }

    @Test func colourIsForcedOrSuppressed() throws {
        let forced = try BinaryRunner.run(["--kleur", "altijd", "-c", "lijst staalkaarten"])
        #expect(forced.stdout.contains("\u{1B}["))
        let noColor = try BinaryRunner.run(["--kleur", "auto", "-c", "lijst staalkaarten"], environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}["))
    }
}

@Suite struct FastStartTests {
    /// Which command lines take the fast route (the rest go to swift-argument-parser).
    @Test func theCommonLinesTakeTheFastRoute() {
        #expect(FastStart.launch([]) != nil)
        #expect(FastStart.launch(["-c", "toon wmo"])?.commands == "toon wmo")
        #expect(FastStart.launch(["script.kompas"])?.script == "script.kompas")
        let full = FastStart.launch(["--db=a.sqlite", "--content", "map", "--kleur", "nooit", "-c", "x"])
        #expect(full?.db == "a.sqlite" && full?.content == "map" && full?.kleur == .nooit && full?.commands == "x")
        // Every -c runs, in order: none is skipped without a word.
        #expect(FastStart.launch(["-c", "a", "-c", "b"])?.commands == "a\nb")
        for line in [["--help"], ["--version"], ["check", "a"], ["start"], ["help"], ["-c"], ["-c", ""], ["-c", "-x"], ["--kleur", "soms"],
                     ["-c", "a", "b.kompas"], ["a.kompas", "b.kompas"], ["--", "a"], ["-h"], ["--db"]] {
            #expect(FastStart.launch(line) == nil, "\(line)")
        }
    }

    /// The common command lines are read without swift-argument-parser (for the start-up time);
    /// every command line must give the same output, errors and exit status both ways.
    @Test func sameResultWithAndWithoutArgumentParser() throws {
        let scratch = try Scratch()
        let script = try scratch.write("s.kompas", "schrijf \"uit een script\"\n")
        let broken = try scratch.write("kapot.kompas", "toon wmo\ntoon onbekend\n")
        let db = scratch.url.appending(path: "db.sqlite").path
        let lines: [[String]] = [
            [], ["-c", "toon wmo"], ["-c", "schrijf 1 + 1"], ["-c", "toon onbekend"], [script], [broken],
            ["--db", db, "-c", "werkblad lijst"], ["--db=\(db)", "-c", "werkblad lijst"], ["-c", "schrijf 2", "--kleur", "nooit"],
            ["--kleur=altijd", "-c", "toon wmo"], ["--kleur", "soms", "-c", "toon wmo"], ["--kleur"], ["-c"], ["-c", ""],
            ["-c", "schrijf 1", script], ["-c", "schrijf 1", "-c", "schrijf 2"], ["--db", db, "--db", db, "-c", "schrijf 1"],
            ["--content", scratch.url.path, "-c", "lijst staalkaarten"], ["--content=/bestaat/niet", "-c", "schrijf 1"],
            ["bestaat-niet.kompas"], [script, script], ["check", script], ["start", "-c", "schrijf 3"], ["help"],
            ["--version"], ["--help"], ["-x"], ["--onbekend", "-c", "schrijf 1"], ["-c", "-schrijf"], ["--", script],
        ]
        for line in lines {
            let fast = try BinaryRunner.run(line, stdin: "schrijf \"stdin\"\n")
            let parsed = try BinaryRunner.run(line, stdin: "schrijf \"stdin\"\n", environment: ["RAADSKOMPAS_ARGUMENTPARSER": "1"])
            #expect(fast.status == parsed.status, "\(line): status \(fast.status) ≠ \(parsed.status)")
            #expect(fast.stdout == parsed.stdout, "\(line): uitvoer verschilt")
            #expect(fast.stderr == parsed.stderr, "\(line): \(fast.stderr) ≠ \(parsed.stderr)")
        }
    }
}

@Suite struct AnalyzeCommandTests {
    static let fixtures = BinaryRunner.packageRoot.appending(path: "Tests/Fixtures/voorstellen")

    @Test func jsonForABatchAndErrorsPerFile() throws {
        let good = AnalyzeCommandTests.fixtures.appending(path: "02-wmo-verordening.txt").path
        let empty = AnalyzeCommandTests.fixtures.appending(path: "16-leeg.txt").path
        let result = try BinaryRunner.run(["analyseer", "--json", good, empty])
        #expect(result.status == 1, "een leeg bestand is een fout")
        #expect(result.stderr.contains("bevat geen tekst"))
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 1)
        #expect((parsed?.first?["criteria"] as? [String: Any])?.count == 6)
        let text = try BinaryRunner.run(["analyseer", good])
        #expect(text.status == 0)
        #expect(text.stdout.contains("F. Publieksvriendelijke samenvatting"))
        #expect(try BinaryRunner.run(["analyseer"]).status == 2)
    }

    /// Issue 15: `analyseer` takes a folder, as the README says: the voorstellen in it, sorted.
    @Test func aFolderIsAnalysedWhole() throws {
        let scratch = try Scratch()
        for name in ["02-wmo-verordening.txt", "01-jeugdhulp-inkoop.txt"] {
            try scratch.write("stukken/\(name)", try Data(contentsOf: AnalyzeCommandTests.fixtures.appending(path: name)))
        }
        try scratch.write("stukken/notities.odt", "geen voorstel")
        let result = try BinaryRunner.run(["analyseer", "--json", scratch.url.appending(path: "stukken").path])
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.compactMap { ($0["bestand"] as? String).map { ($0 as NSString).lastPathComponent } } == ["01-jeugdhulp-inkoop.txt", "02-wmo-verordening.txt"])
        let empty = scratch.url.appending(path: "leeg")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let none = try BinaryRunner.run(["analyseer", empty.path])
        #expect(none.status == 1)
        #expect(none.stderr == "\(empty.path): fout: er staan geen voorstellen in deze map\n  = hint: Raadskompas leest .txt, .md, .pdf en .docx\n")
    }
}

@Suite struct HelpAliasTests {
    /// Every way a newcomer asks for help in the shell becomes `help …`.
    @Test func questionMarksAndHulp() {
        #expect(Shell.helpAlias("?") == "help")
        #expect(Shell.helpAlias("hulp") == "help")
        #expect(Shell.helpAlias("? advies nieuw") == "help advies nieuw")
        #expect(Shell.helpAlias("?beoordeel") == "help beoordeel")
        #expect(Shell.helpAlias("?advies nieuw") == "help advies nieuw")
        #expect(Shell.helpAlias("aanbeveling wijzig ?") == "help aanbeveling wijzig")
        #expect(Shell.helpAlias("advies wijzig adv-1 ?") == "help advies wijzig")
        #expect(Shell.helpAlias("aanbeveling ?") == "help aanbeveling")
        #expect(Shell.helpAlias("schrijf \"wat?\"") == "schrijf \"wat?\"")
        #expect(Shell.helpAlias("beoordeel?") == "help beoordeel")
        // Not a statement's name: left as typed (the parser explains).
        #expect(Shell.helpAlias("?onzin") == "?onzin")
        #expect(Shell.helpAlias("schrijf \"wat?\"") == "schrijf \"wat?\"")
    }
}
