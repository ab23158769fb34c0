import Foundation
import KompasDSL
import Raadskompas

/// The interactive shell: a thin loop around the session. Reads a statement (asking for more lines
/// while a block, list or text block is open), runs it, shows the result or the error.
final class Shell: Conversation {
    let session: Session
    var renderer: DiagnosticRenderer
    let historyPath: String?
    private var editor: LineEditor?
    private var clearProgress: () -> Void = {}

    func say(_ text: String) {
        Output.out(TerminalText.wrapLongLines(text, width: Terminal.width))
    }

    func ask(_ prompt: String) -> String? {
        guard let editor else { return nil }
        followWindowWidth()
        editor.useGuidedHistory()
        switch editor.read(prompt: prompt) {
        case .line(let answer):
            editor.rememberAnswer(answer)
            return answer
        case .interrupted, .endOfFile:
            Output.out("\n")
            return nil
        }
    }

    init(session: Session, colorChoice: Terminal.ColorChoice) {
        self.session = session
        self.renderer = DiagnosticRenderer(useColor: Terminal.useColor(colorChoice, isTTY: Terminal.stderrIsTTY))
        self.historyPath = Shell.historyFile()
    }

    /// `$XDG_STATE_HOME/raadskompas/history`, falling back to `~/.local/state/raadskompas/history`.
    static func historyFile() -> String? {
        let environment = ProcessInfo.processInfo.environment
        let base: String
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = state
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.local/state"
        } else {
            return nil
        }
        let directory = base + "/raadskompas"
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil else { return nil }
        return directory + "/history"
    }

    /// Runs the shell until the user leaves it; false when it cannot start (no libedit).
    func run() -> Bool {
        let firstRun = historyPath.map { !FileManager.default.fileExists(atPath: $0) } ?? true
        guard let editor = LineEditor(historyPath: historyPath, completions: { [session] before, word in
            session.completions(before: before, word: word)
        }) else {
            Output.err("""
                fout: de shell kan niet starten: de bibliotheek libedit (voor het bewerken van regels) ontbreekt.
                Installeer haar (Debian/Ubuntu: sudo apt-get install libedit2), of geef opdrachten zonder shell:
                raadskompas -c 'toon wmo', een script (raadskompas script.kompas) of via een pijp (echo 'toon wmo' | raadskompas).

                """)
            return false
        }
        defer { editor.close() }
        session.confirm = { question in
            while true {
                switch editor.read(prompt: question + " (ja/nee) ") {
                case .line(let answer):
                    switch answer.trimmingCharacters(in: .whitespaces).lowercased() {
                    case "ja", "j": return true
                    case "nee", "n", "": return false
                    default: Output.out("Typ ja of nee.\n")
                    }
                case .interrupted, .endOfFile:
                    Output.out("\n")
                    return false
                }
            }
        }
        self.editor = editor
        session.conversation = self
        // A long import says how far it is, on one line that is cleared afterwards.
        var showedProgress = false
        session.progress = { text in
            Output.err("\r\u{1B}[K" + text)
            showedProgress = true
        }
        clearProgress = {
            if showedProgress { Output.err("\r\u{1B}[K") }
            showedProgress = false
        }
        greet(firstRun: firstRun)
        var buffer = ""
        var number = 1
        while true {
            let prompt = buffer.isEmpty ? "kompas> " : "   ...> "
            // Back from a guided flow: ↑ brings back shell statements again.
            editor.useShellHistory()
            switch editor.read(prompt: prompt) {
            case .endOfFile:
                if buffer.isEmpty {
                    Output.out("\nTot ziens.\n")
                    return true
                }
                // Ctrl-D inside an open block abandons the block, like Ctrl-C.
                Output.out("\n(invoer afgebroken)\n")
                buffer = ""
            case .interrupted:
                Output.out(buffer.isEmpty ? "\n" : "\n(invoer afgebroken)\n")
                buffer = ""
            case .line(let typed):
                // `?` (or `? advies`) at the prompt is `help`, as people try first.
                let line = buffer.isEmpty ? Shell.helpAlias(typed) : typed
                buffer += buffer.isEmpty ? line : "\n" + line
                if buffer.allSatisfy(\.isWhitespace) {
                    buffer = ""
                    continue
                }
                if Session.completeness(of: buffer) == .incomplete { continue }
                editor.remember(buffer)
                execute(buffer, number: number)
                number += 1
                buffer = ""
            }
        }
    }

    /// `?`, `? advies nieuw`, `?beoordeel`, `beoordeel?` and `hulp` mean `help`; any other line is returned as typed.
    static func helpAlias(_ line: String) -> String {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed == "?" || trimmed == "hulp" { return "help" }
        if trimmed.hasPrefix("? ") { return "help " + trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces) }
        // `?beoordeel`: the question mark against the statement's name.
        if trimmed.hasPrefix("?"), let word = trimmed.dropFirst().split(separator: " ").first, Registry.words.contains(String(word)) {
            return "help " + trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
        }
        // `beoordeel?`, `aanbeveling wijzig ?`, `advies wijzig adv-1 ?`: help for the statement
        // (with its action) typed so far.
        if trimmed.hasSuffix("?"), !trimmed.contains("\"") {
            let words = trimmed.dropLast().split(separator: " ").map(String.init)
            if let word = words.first, Registry.words.contains(word) {
                if words.count >= 2, Registry.forms(of: word).contains(where: { $0.action == words[1] }) { return "help \(word) \(words[1])" }
                return "help \(word)"
            }
        }
        return line
    }

    /// The text width follows the window: read again before each statement and each question, so
    /// after a resize nothing is wrapped for the old width (and cut mid-word by the terminal).
    private func followWindowWidth() {
        let width = Terminal.width
        if session.style.width != width { session.style = TextStyle(width: width, color: session.style.color) }
        renderer.wrapWidth = width
    }

    private func execute(_ text: String, number: Int) {
        followWindowWidth()
        var output = ""
        let result = session.run(text, name: "invoer \(number)") { output += $0 }
        clearProgress()
        if !output.isEmpty { Pager.show(output) }
        if !result.succeeded {
            Output.err(renderer.render(result.diagnostics))
        }
    }

    private func greet(firstRun: Bool) {
        if firstRun {
            let history = historyPath.map { $0.replacingHome } ?? "(geen: er is geen HOME)"
            say("""
                Welkom bij Raadskompas: de kennis van ‘Het sociaal domein 2.0’, om op te zoeken.
                Begin met `toon leeswijzer` (waarom Raadskompas er is) of `lijst staalkaarten`;
                `zoek eenzaamheid` zoekt in alle kaarten en `help` legt alles uit.
                Je invoer wordt bewaard in \(history) (↑ haalt hem terug). Ctrl-D stopt.

                """)
        } else {
            say("Raadskompas — typ `help` voor uitleg, Ctrl-D om te stoppen.\n")
        }
    }
}

extension String {
    /// `/home/sanne/x` as `~/x`.
    var replacingHome: String {
        guard let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty, hasPrefix(home + "/") else { return self }
        return "~" + dropFirst(home.count)
    }
}
