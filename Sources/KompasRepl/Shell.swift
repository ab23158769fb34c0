import CEditLine
import Foundation
import KompasDSL
import Raadskompas

/// The interactive shell: libedit for line editing and history, the session for everything else.
final class Shell {
    let session: Session
    let colorChoice: Terminal.ColorChoice
    let historyPath: String?

    init(session: Session, colorChoice: Terminal.ColorChoice) {
        self.session = session
        self.colorChoice = colorChoice
        self.historyPath = Shell.prepareHistoryFile()
    }

    /// `$XDG_STATE_HOME/raadskompas/history`, falling back to `~/.local/state/raadskompas/history`.
    static func prepareHistoryFile() -> String? {
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
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return nil
        }
        return directory + "/history"
    }

    func run() {
        setlocale(LC_ALL, "")
        if let historyPath {
            _ = read_history(historyPath)
        }
        let useColor = Terminal.useColor(colorChoice, isTTY: Terminal.stderrIsTTY)
        let renderer = DiagnosticRenderer(useColor: useColor)
        Output.out("Raadskompas — typ `help` voor uitleg, `lijst staalkaarten` om te beginnen, Ctrl-D om te stoppen.\n")
        var buffer = ""
        while true {
            let prompt = buffer.isEmpty ? "kompas> " : "   ...> "
            guard let raw = readline(prompt) else {
                if buffer.isEmpty {
                    Output.out("\n")
                    break
                }
                // Ctrl-D inside an open block abandons the block.
                Output.out("\n")
                buffer = ""
                continue
            }
            let line = String(cString: raw)
            free(raw)
            buffer += buffer.isEmpty ? line : "\n" + line
            if buffer.allSatisfy(\.isWhitespace) {
                buffer = ""
                continue
            }
            if Session.completeness(of: buffer) == .incomplete { continue }
            add_history(buffer)
            if let historyPath { _ = append_history(1, historyPath) }
            let result = session.run(buffer, name: "invoer") { Output.out($0) }
            if !result.succeeded {
                Output.err(renderer.render(result.diagnostics))
            }
            buffer = ""
        }
    }
}
