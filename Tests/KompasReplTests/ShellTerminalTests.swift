import Foundation
import Testing

/// The shell driven through a real pseudo-terminal: typing, Tab, Up, a multi-line block, Ctrl-C,
/// Ctrl-D and Dutch letters, then the history file.
@Suite(.serialized) struct ShellTerminalTests {
    func environment(home: URL) -> [String: String] {
        [
            "HOME": home.path,
            "XDG_STATE_HOME": home.appending(path: "state").path,
            "TERM": "xterm",
            "LANG": "C.UTF-8",
            "PAGER": "cat",
            "PATH": "/usr/bin:/bin",
        ]
    }

    /// The shell on a database `name` in the scratch folder, in a window of this size, at its prompt.
    func shell(_ scratch: Scratch, db name: String, environment extra: [String: String?] = [:], columns: UInt16 = 100, rows: UInt16 = 30) throws -> PseudoTerminal {
        let binary = try #require(BinaryRunner.binary)
        var variables = self.environment(home: scratch.url)
        for (key, value) in extra { variables[key] = value }
        let terminal = try PseudoTerminal(binary.path, arguments: ["--db", scratch.url.appending(path: name).path],
                                          environment: variables, columns: columns, rows: rows)
        try terminal.waitFor("kompas> ")
        return terminal
    }

    /// Ctrl-D at an empty prompt ends the shell.
    func quit(_ terminal: PseudoTerminal) throws {
        terminal.type("\u{04}")
        try terminal.waitFor("Tot ziens.")
    }

    @Test func withoutLibeditTheShellSaysWhatToDo() throws {
        // libedit is loaded when the shell starts; on a machine without it the shell explains, and
        // -c still works.
        let scratch = try Scratch()
        let binary = try #require(BinaryRunner.binary)
        var variables = environment(home: scratch.url)
        variables["RAADSKOMPAS_LIBEDIT"] = "/bestaat/niet/libedit.so.2"
        let terminal = try PseudoTerminal(binary.path, environment: variables)
        try terminal.waitFor("libedit2")
        #expect(terminal.screen.contains("de shell kan niet starten"))
        #expect(terminal.waitForExit() == 1)
        let direct = try BinaryRunner.run(["-c", "schrijf 1"], environment: ["RAADSKOMPAS_LIBEDIT": "/bestaat/niet/libedit.so.2"])
        #expect(direct.status == 0 && direct.stdout == "1\n")
    }

    @Test func aSessionAsAPersonTypesIt() throws {
        let scratch = try Scratch()
        let binary = try #require(BinaryRunner.binary)
        let terminal = try PseudoTerminal(binary.path, environment: environment(home: scratch.url))

        // First run: the welcome says where the history lives.
        try terminal.waitFor("kompas> ")
        #expect(terminal.screen.contains("Welkom bij Raadskompas"))
        #expect(terminal.screen.contains("state/raadskompas/history"))

        // Tab completes a card id, Enter runs it.
        terminal.type("toon wm\t")
        try terminal.waitFor("toon wmo")
        terminal.type(".rol\t")
        try terminal.waitFor("toon wmo.rol-raad")
        terminal.type("\r")
        try terminal.waitFor("Rol van de gemeenteraad")
        try terminal.waitFor("kompas> ", after: "Typ `volg N`")

        // A block over several lines gets the continuation prompt.
        terminal.type("voor elk x in [1, 2] {\r")
        try terminal.waitFor("...> ")
        terminal.type("schrijf \"nummer $x\"\r}\r")
        try terminal.waitFor("nummer 2")
        try terminal.waitFor("kompas> ", after: "nummer 2")

        // Dutch letters type and display; Up brings the statement back.
        terminal.type("schrijf \"Coöperatie één ë\"\r")
        try terminal.waitFor("Coöperatie één ë", occurrences: 2) // echoed and printed
        try terminal.waitFor("kompas> ", after: "Coöperatie één ë")
        terminal.type("\u{1B}[A")
        try terminal.waitFor("Coöperatie één ë", occurrences: 3)
        terminal.type("\r")
        try terminal.waitFor("Coöperatie één ë", occurrences: 4)
        try terminal.waitFor("kompas> ", after: "Coöperatie één ë")

        // Ctrl-C abandons the line and keeps the shell; so it does inside an open block.
        terminal.type("toon iets dat ik niet wil")
        try terminal.waitFor("niet wil")
        terminal.type("\u{03}")
        try terminal.waitFor("niet wil\nkompas> ")
        terminal.type("als ja {\r")
        try terminal.waitFor("...> ", occurrences: 3)
        terminal.type("\u{03}")
        try terminal.waitFor("(invoer afgebroken)")
        terminal.type("lijst koerskaarten\r")
        try terminal.waitFor("koerskaart-preventie")
        try terminal.waitFor("kompas> ", after: "koerskaart-sjabloon")
        #expect(!terminal.screen.contains("onbekende opdracht"))

        // A typo gets a suggestion on the terminal.
        terminal.type("toom wmo\r")
        try terminal.waitFor("kompas> ", after: "bedoelde je `toon`?")

        // Ctrl-D on an empty line leaves.
        terminal.type("\u{04}")
        try terminal.waitFor("Tot ziens.")
        #expect(terminal.waitForExit() == 0)

        // Every statement is in the history file, Dutch letters and line breaks included.
        let history = try String(contentsOf: scratch.url.appending(path: "state/raadskompas/history"), encoding: .utf8)
        #expect(history.hasPrefix("_HiStOrY_V2_\n"))
        #expect(history.contains("toon\\040wmo.rol-raad\n"))
        #expect(history.contains("voor\\040elk\\040x\\040in\\040[1,\\0402]\\040{\\012schrijf\\040\"nummer\\040$x\"\\012}\n"))
        #expect(history.contains("Coöperatie"))
        #expect(!history.contains("niet\\040wil"), "een afgebroken regel hoort niet in de geschiedenis")
    }

    @Test func historyIsKeptAcrossSessions() throws {
        let scratch = try Scratch()
        let binary = try #require(BinaryRunner.binary)
        do {
            let first = try PseudoTerminal(binary.path, environment: environment(home: scratch.url))
            try first.waitFor("kompas> ")
            first.type("lijst criteria\r")
            try first.waitFor("kompas> ", after: "criteria-raadsvoorstellen")
            first.type("\u{04}")
            #expect(first.waitForExit() == 0)
        }
        let second = try PseudoTerminal(binary.path, environment: environment(home: scratch.url))
        try second.waitFor("kompas> ")
        #expect(!second.screen.contains("Welkom"), "de welkomsttekst is voor de eerste keer")
        second.type("\u{1B}[A")
        try second.waitFor("lijst criteria")
        second.type("\r")
        try second.waitFor("kompas> ", after: "Typ `toon ID`")
        second.type("\u{04}")
        #expect(second.waitForExit() == 0)
    }

    @Test func killDashNineDuringGuidedFillingKeepsEveryAnswer() throws {
        let scratch = try Scratch()
        let binary = try #require(BinaryRunner.binary)
        let db = scratch.url.appending(path: "werkblad.sqlite").path
        let terminal = try PseudoTerminal(binary.path, arguments: ["--db", db], environment: environment(home: scratch.url))
        try terminal.waitFor("kompas> ")
        terminal.type("werkblad nieuw \"Visie\"\r")
        try terminal.waitFor("kompas> ", after: "gemaakt")
        terminal.type("werkblad invullen \"Visie\"\r")
        try terminal.waitFor("waarde> ")
        for (i, answer) in ["Zelfbeschikking", "Wederkerigheid", "Menselijke maat"].enumerated() {
            terminal.type(answer + "\r")
            try terminal.waitFor("✓ bewaard", occurrences: i + 1)
        }
        // Half an answer typed, not yet Enter: that one may be lost, the others may not.
        terminal.type("Nog niet af")
        try terminal.waitFor("Nog niet af")
        kill(terminal.pid, SIGKILL)
        #expect(terminal.waitForExit() == -1)
        let shown = try BinaryRunner.run(["--db", db, "-c", "werkblad toon \"Visie\""])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("1. Zelfbeschikking"))
        #expect(shown.stdout.contains("2. Wederkerigheid"))
        #expect(shown.stdout.contains("3. Menselijke maat"))
        #expect(!shown.stdout.contains("Nog niet af"))
    }

    /// `advies nieuw` and `reactie` typed in a real terminal, Dutch letters included; Ctrl-C in the
    /// middle keeps what was answered, and a second shell continues with the reactie.
    /// Issue 15: `?` at the prompt is `help`, and `? advies nieuw` the help of that statement;
    /// a date typed the Dutch way and a pasted curly-quoted name just work.
    @Test func questionMarkIsHelpAndDutchDatesWork() throws {
        let scratch = try Scratch()
        let terminal = try shell(scratch, db: "vraag.sqlite")
        terminal.type("?\r")
        try terminal.waitFor("kompas> ", after: "Raadskompas — kennis over het sociaal domein")
        terminal.type("? advies nieuw\r")
        try terminal.waitFor("kompas> ", after: "Opdracht: advies nieuw")
        terminal.type("schrijf 12-03-2026\r")
        try terminal.waitFor("kompas> ", after: "12 maart 2026")
        terminal.type("werkblad nieuw “Visie Súdwest-Fryslân”\r")
        try terminal.waitFor("kompas> ", after: "Werkblad ‘Visie Súdwest-Fryslân’ gemaakt")
        try quit(terminal)
    }

    /// Issue 15: the other reproductions, typed as a person would, with the screen checked: a unit
    /// after a number, a date in words, a bare path, an id with capitals, `apk 2026`, `help` with
    /// several words and by any word, `zoek` in one's own records, and judgements in colour.
    @Test func theFirstMinutesAsPeopleTypeThem() throws {
        let scratch = try Scratch()
        try scratch.write("rv.txt", "Raadsvoorstel eenzaamheid\n\nHet college stelt voor de eenzaamheid onder ouderen aan te pakken.\n")
        let terminal = try shell(scratch, db: "eerste.sqlite", environment: ["NO_COLOR": nil], columns: 120, rows: 60)
        terminal.type("adviesraad asd naam=\"ASD\" reactietermijn=6 weken\r")
        try terminal.waitFor("kompas> ", after: "schrijf alleen het getal: reactietermijn=6")
        terminal.type("voorstel importeer \"~/rv.txt\" id=RV-2026-021 datum=12 maart 2026\r")
        try terminal.waitFor("kompas> ", after: "schrijf `datum=2026-03-12`")
        terminal.type("voorstel importeer ~/rv.txt id=RV-2026-021\r")
        try terminal.waitFor("kompas> ", after: "zet het pad tussen aanhalingstekens: \"~/rv.txt\"")
        terminal.type("voorstel importeer \"~/rv.txt\" id=RV-2026-021 datum=12-03-2026\r")
        try terminal.waitFor("kompas> ", after: "ik gebruik `RV-2026-021` als `rv-2026-021`")
        terminal.type("apk 2026\r")
        try terminal.waitFor("kompas> ", after: "1 januari 2026 tot en met 31 december 2026")
        terminal.type("help invullen\r")
        try terminal.waitFor("kompas> ", after: "Opdrachten met `invullen`")
        terminal.type("zoek eenzaamheid ouderen\r")
        try terminal.waitFor("kompas> ", after: "→ voorstel toon rv-2026-021")
        try quit(terminal)
        // The analysis in colour, as on a terminal with --kleur altijd: each judgement its own colour.
        // (The two-line rv.txt is too short to judge; a real voorstel is used.)
        let analysis = try BinaryRunner.run(["analyseer", "--kleur", "altijd", BinaryRunner.packageRoot.appending(path: "Tests/Fixtures/voorstellen/09-beschermd-wonen.txt").path])
        let short = try BinaryRunner.run(["analyseer", scratch.url.appending(path: "rv.txt").path])
        #expect(short.stdout.contains("te weinig tekst om te beoordelen"))
        #expect(analysis.stdout.contains("\u{1B}[32maanwezig") || analysis.stdout.contains("\u{1B}[33mdeels") || analysis.stdout.contains("\u{1B}[31montbreekt"))
    }

    /// Issue 15: the pager is no trap. Keys typed into it by mistake never run a command or write
    /// a file (LESSSECURE), and it leaves by itself at the end of the text (-E).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/less")))
    func thePagerIsNoTrap() throws {
        let scratch = try Scratch()
        let terminal = try shell(scratch, db: "p.sqlite", environment: ["PAGER": nil], columns: 80, rows: 12)
        terminal.type("toon wmo\r")
        try terminal.waitFor(":")
        // A shell command (`!`) and a save-to-file (`s`), as keys typed into less would start them:
        // both refused, so nothing typed by mistake runs or writes anything.
        terminal.type("!")
        try terminal.waitFor("Command not available")
        terminal.type("\r")
        let junk = scratch.url.appending(path: "rommel").path
        terminal.type("s")
        try terminal.waitFor("log file:")
        terminal.type("\(junk)\r")
        // Paging on to the end leaves less by itself: the prompt comes back without `q`.
        for _ in 0..<200 { terminal.type(" ") }
        try terminal.waitFor("kompas> ", after: "Typ `volg N`")
        // The spaces less did not need reached the prompt: an empty line.
        terminal.type("\r")
        try terminal.waitFor("kompas> ", occurrences: 3)
        terminal.type("\u{04}")
        try terminal.waitFor("Tot ziens.")
        #expect(!FileManager.default.fileExists(atPath: junk), "less wrote the text to a file")
    }

    /// Issue 15: after the window is made narrower, text is wrapped for the new width, between
    /// words; no line is longer than the window.
    @Test func textFollowsAResizedWindow() throws {
        let scratch = try Scratch()
        let terminal = try shell(scratch, db: "r.sqlite", rows: 200)
        terminal.resize(columns: 50, rows: 200)
        terminal.type("toon wmo.doelen\r")
        let screen = try terminal.waitFor("kompas> ", after: "Doelen van de wet")
        let body = screen.components(separatedBy: "Doelen van de wet").last ?? ""
        let lines = body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("kompas>") }
        #expect(lines.count > 3)
        for line in lines { #expect(line.count <= 50, "\(line)") }
        try quit(terminal)
    }

    /// Issue 15: Tab inside quotes goes into a folder with `/` (not a space) and closes the quote
    /// after a file.
    @Test func tabCompletesPathsInsideQuotes() throws {
        let scratch = try Scratch()
        try scratch.write("stukken/rv-wmo.txt", "Raadsvoorstel Wmo\n\nHet college stelt voor de verordening vast te stellen.\n")
        let terminal = try shell(scratch, db: "t.sqlite")
        // HOME is the scratch folder: `~/` completes there.
        terminal.type("voorstel importeer \"~/stu\t")
        try terminal.waitFor("\"~/stukken/")
        terminal.type("\t")
        try terminal.waitFor("\"~/stukken/rv-wmo.txt\"")
        terminal.type(" id=rv-wmo\r")
        try terminal.waitFor("kompas> ", after: "rv-wmo")
        #expect(!terminal.screen.contains("stukken/ "), "no space after a folder")
        try quit(terminal)
    }

    /// Issue 15: ↑ inside a guided flow brings back earlier answers of the flow, never shell
    /// statements; back at the prompt ↑ brings back shell statements again.
    @Test func guidedFlowsKeepTheirOwnHistory() throws {
        let scratch = try Scratch()
        let binary = try #require(BinaryRunner.binary)
        let db = scratch.url.appending(path: "h.sqlite").path
        #expect(try BinaryRunner.run(["--db", db, "-c", "adviesraad asd naam=\"Adviesraad Sociaal Domein\" reactietermijn=6"]).status == 0)
        let terminal = try PseudoTerminal(binary.path, arguments: ["--db", db], environment: environment(home: scratch.url))
        try terminal.waitFor("kompas> ")
        terminal.type("schrijf \"geheim-commando\"\r")
        try terminal.waitFor("kompas> ", after: "geheim-commando")
        terminal.type("advies nieuw\r")
        try terminal.waitFor("soort (voorkant, gevraagd, ongevraagd, signaal)> ")
        terminal.type("\u{1B}[A\u{1B}[A")
        terminal.type("\u{15}gevraagd\r")
        try terminal.waitFor("onderwerp> ")
        let flow = terminal.screen.components(separatedBy: "advies nieuw").last ?? ""
        #expect(!flow.contains("geheim-commando"), "a shell statement came back inside the flow")
        terminal.type("\u{03}")
        try terminal.waitFor("kompas> ", after: "Gestopt.")
        terminal.type("\u{1B}[A")
        try terminal.waitFor("kompas> advies nieuw")
        terminal.type("\u{15}\u{04}")
        try terminal.waitFor("Tot ziens.")
    }

    /// Issue 15: in a narrow window an error and its hint wrap between words, never mid-word.
    @Test func errorsWrapBetweenWordsInANarrowWindow() throws {
        let scratch = try Scratch()
        let terminal = try shell(scratch, db: "w.sqlite", columns: 44, rows: 40)
        terminal.type("werkblad toon \"Bestaat niet\"\r")
        let screen = try terminal.waitFor("kompas> ", after: "fout:")
        let message = screen.components(separatedBy: "fout:").last ?? ""
        let lines = message.split(separator: "\n").filter { !$0.contains("|") && !$0.contains("kompas>") }
        #expect(lines.count >= 2, "\(message)")
        for line in lines { #expect(line.count <= 44, "\(line)") }
        try quit(terminal)
    }

    @Test func guidedAdviesInATerminal() throws {
        let scratch = try Scratch()
        let binary = try #require(BinaryRunner.binary)
        let db = scratch.url.appending(path: "advies.sqlite").path
        let setup = try BinaryRunner.run(["--db", db, "-c", "adviesraad asd naam=\"Adviesraad Sociaal Domein\" reactietermijn=6"])
        #expect(setup.status == 0)
        let terminal = try PseudoTerminal(binary.path, arguments: ["--db", db], environment: environment(home: scratch.url))
        try terminal.waitFor("kompas> ")
        terminal.type("advies nieuw\r")
        try terminal.waitFor("soort (voorkant, gevraagd, ongevraagd, signaal)> ")
        terminal.type("sig\r")
        try terminal.waitFor("onderwerp> ")
        terminal.type("Eenzaamheid bij ouderen: één aanpak\r")
        try terminal.waitFor("id (Enter: adv-")
        terminal.type("adv-ë\r")
        try terminal.waitFor("kleine letters (zonder accenten)")
        terminal.type("adv-oud\r")
        try terminal.waitFor("thema (Enter: geen)> ", after: "✓ advies adv-oud bewaard")
        terminal.type("Zorg\r")
        try terminal.waitFor("wetten, bijvoorbeeld")
        terminal.type("wmo\r")
        try terminal.waitFor("aangevraagd op")
        terminal.type("\r")
        try terminal.waitFor("uitgebracht op")
        terminal.type("31-02-2026\r")
        try terminal.waitFor("Dat is geen datum.")
        terminal.type("5 januari 2026\r")
        try terminal.waitFor("bij de raadsstukken op")
        terminal.type("\r")
        try terminal.waitFor("hoort bij raadsvoorstel")
        terminal.type("\r")
        try terminal.waitFor("aanbeveling 1> ")
        terminal.type("Maak in elke wijk een ontmoetingsplek\r")
        try terminal.waitFor("aanbeveling 2> ")
        terminal.type("Betrek mantelzorgers")
        try terminal.waitFor("Betrek mantelzorgers")
        terminal.type("\u{03}")
        try terminal.waitFor("kompas> ", after: "Gestopt.")
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)

        let second = try PseudoTerminal(binary.path, arguments: ["--db", db], environment: environment(home: scratch.url))
        try second.waitFor("kompas> ")
        second.type("reactie adv-oud\r")
        try second.waitFor("datum van de reactie")
        second.type("10-2-2026\r")
        try second.waitFor("reactie (o/d/n)> ")
        second.type("n\r")
        try second.waitFor("motivering> ")
        second.type("Past niet in de begroting\r")
        try second.waitFor("kompas> ", after: "Klaar.")
        second.type("\u{04}")
        #expect(second.waitForExit() == 0)

        let shown = try BinaryRunner.run(["--db", db, "-c", "advies toon adv-oud"])
        #expect(!shown.stdout.contains("bij de raadsstukken"), "Enter laat een datum leeg")
        #expect(shown.stdout.contains("Eenzaamheid bij ouderen: één aanpak"))
        #expect(shown.stdout.contains("uitgebracht: 5 januari 2026") && shown.stdout.contains("reactie ontvangen: 10 februari 2026"))
        #expect(shown.stdout.contains("1. Maak in elke wijk een ontmoetingsplek") && shown.stdout.contains("→ niet overgenomen: Past niet in de begroting"))
        #expect(!shown.stdout.contains("Betrek mantelzorgers"), "een regel zonder Enter is niet bewaard")
    }
}

