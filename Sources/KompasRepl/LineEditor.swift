import CEditLine
import Foundation
import Raadskompas

/// libedit through its readline interface: line editing, history with Ctrl-R search, completion.
/// The only place that talks to libedit.
final class LineEditor {
    enum Input {
        case line(String)
        /// Ctrl-C: abandon what is being typed.
        case interrupted
        /// Ctrl-D on an empty line, or the terminal closed.
        case endOfFile
    }

    static let historyLimit = 2000
    let historyPath: String?

    /// Nil when libedit cannot be loaded (it is loaded here, not linked: see `Sources/CEditLine/editline.c`).
    init?(historyPath: String?, completions: @escaping (String, String) -> Completer.Result) {
        guard kompas_editline_load() == 1 else { return nil }
        self.historyPath = historyPath
        LineEditor.completionProvider = completions
        LineEditor.ensureUTF8Locale()
        // Both strings live as long as the process: libedit keeps the pointers.
        kompas_editline_configure(strdup("raadskompas"), strdup(Completer.wordBreaks), LineEditor.attemptCompletion)
        kompas_rl_initialize()
        // libedit leaves signal handling to us, so Ctrl-C reaches our handler and interrupts `read`.
        kompas_editline_disable_signal_handling()
        kompas_stifle_history(Int32(LineEditor.historyLimit))
        if let historyPath {
            if FileManager.default.fileExists(atPath: historyPath) {
                kompas_read_history(historyPath)
            } else {
                // `append_history` needs an existing file.
                FileManager.default.createFile(atPath: historyPath, contents: nil, attributes: [.posixPermissions: 0o600])
            }
        }
        LineEditor.installInterruptHandler()
    }

    /// Dutch letters need a UTF-8 locale for libedit to edit and show them; fall back to C.UTF-8.
    static func ensureUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: kompas_langinfo_codeset())
        if codeset.uppercased() != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    func read(prompt: String) -> Input {
        LineEditor.interrupted = 0
        // The window may have been resized since the last line (libedit's own SIGWINCH handling is
        // off with its other signal handling): let it measure again.
        kompas_rl_resize_terminal()
        let raw = kompas_readline(prompt)
        if LineEditor.interrupted != 0 {
            if let raw { free(raw) }
            return .interrupted
        }
        guard let raw else { return .endOfFile }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    /// Remembers an entry (a whole statement, possibly several lines) and appends it to the file at
    /// once, so a crash or a closed terminal loses nothing.
    private var lastEntry: String?

    func remember(_ entry: String) {
        // Running the same statement again does not fill the history with copies.
        guard entry != lastEntry else { return }
        lastEntry = entry
        kompas_add_history(entry)
        sessionEntries.append(entry)
        guard let historyPath, let handle = FileHandle(forWritingAtPath: historyPath) else { return }
        defer { try? handle.close() }
        // libedit's own append_history writes one entry too many, so the line is added here, in
        // the file's format: a header line, then one entry per line, white space and backslashes
        // octal-escaped as strvis(3) does with VIS_WHITE.
        var line = (try? handle.seekToEnd()) == 0 ? Array("_HiStOrY_V2_\n".utf8) : []
        for byte in entry.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): line += Array("\\\\".utf8)
            case 0..<0x21, 0x7F:
                let octal = String(byte, radix: 8)
                line += Array(("\\" + String(repeating: "0", count: 3 - octal.count) + octal).utf8)
            default: line.append(byte)
            }
        }
        line.append(0x0A)
        try? handle.write(contentsOf: Data(line))
    }

    /// Guided questions (`werkblad invullen`, `advies nieuw`, …) get a history of their own: ↑
    /// brings back earlier answers, never shell commands. Entries of this session, for when there
    /// is no history file to read them back from.
    private var sessionEntries: [String] = []
    private var guided = false

    func useGuidedHistory() {
        guard !guided else { return }
        guided = true
        kompas_clear_history()
    }

    /// An answer to a guided question, for ↑ within the flow (not written to the history file).
    func rememberAnswer(_ answer: String) {
        guard guided, !answer.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        kompas_add_history(answer)
    }

    func useShellHistory() {
        guard guided else { return }
        guided = false
        kompas_clear_history()
        if let historyPath, FileManager.default.fileExists(atPath: historyPath) {
            kompas_read_history(historyPath)
        } else {
            sessionEntries.forEach { kompas_add_history($0) }
        }
    }

    func close() {
        if let historyPath { kompas_history_truncate_file(historyPath, Int32(LineEditor.historyLimit)) }
    }

    // MARK: - C callbacks (libedit keeps global state, so these are global too)

    nonisolated(unsafe) static var completionProvider: ((String, String) -> Completer.Result)?
    nonisolated(unsafe) static var candidates: [String] = []
    nonisolated(unsafe) static var interrupted: sig_atomic_t = 0

    static func installInterruptHandler() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in LineEditor.interrupted = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0 // no SA_RESTART: the blocking read returns and readline gives up the line
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked; Ctrl-C must reach the handler.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interrupt, nil)
    }

    static let attemptCompletion: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, _ in
        let word = text.map { String(cString: $0) } ?? ""
        let line = kompas_editline_line_buffer().map { String(cString: $0) } ?? ""
        let before = String(decoding: line.utf8.prefix(Int(max(0, start))), as: UTF8.self)
        switch completionProvider?(before, word) ?? .words([]) {
        case .fileNames:
            // Our own file names rather than libedit's: it adds a space after a folder inside quotes.
            kompas_editline_set_completion_over(1)
            kompas_editline_set_append_character(0)
            let paths = LineEditor.pathCandidates(word)
            guard !paths.isEmpty else { return nil }
            candidates = paths
            return kompas_rl_completion_matches(text, LineEditor.generate)
        case .words(let words):
            kompas_editline_set_completion_over(1)
            kompas_editline_set_append_character(Int32(UInt8(ascii: " ")))
            guard !words.isEmpty else { return nil }
            candidates = words
            return kompas_rl_completion_matches(text, LineEditor.generate)
        }
    }

    /// The paths that start with `word` (typed inside quotes): a folder ends in `/` so that Tab goes
    /// on into it, a file ends in the closing quote. `~/` stands for the home folder, as typed.
    static func pathCandidates(_ word: String, home: String = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) -> [String] {
        let expanded = word.hasPrefix("~/") ? home + word.dropFirst(1) : word
        let slash = expanded.lastIndex(of: "/")
        let folder = slash.map { String(expanded[...$0]) } ?? ""
        let typedFolder = word.lastIndex(of: "/").map { String(word[...$0]) } ?? ""
        let prefix = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return [] }
        return names.filter { $0.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted().map { name in
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + name, isDirectory: &isDirectory)
            return typedFolder + name + (isDirectory.boolValue ? "/" : "\"")
        }
    }

    static let generate: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
        let index = Int(state)
        guard index < candidates.count else { return nil }
        return strdup(candidates[index])
    }
}
