import ArgumentParser
import Foundation
import KompasDSL
import Raadskompas

/// The default mode: the shell on a terminal, otherwise statements from a script, `-c` or stdin.
struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start de shell, of voer een script of opdrachten uit.",
        shouldDisplay: false
    )

    @OptionGroup var options: CommonOptions

    @Option(name: .customShort("c"), help: ArgumentHelp("Voer deze opdrachten uit en stop (meer keren -c: na elkaar).", valueName: "OPDRACHTEN"))
    var commands: [String] = []

    @Argument(help: ArgumentHelp("Een script (.kompas) om uit te voeren.", valueName: "SCRIPT"))
    var script: String?

    func validate() throws {
        if !commands.isEmpty, script != nil {
            throw ValidationError("Gebruik óf -c 'OPDRACHTEN' óf een script, niet allebei.")
        }
    }

    func run() throws {
        // Every -c runs, in the order given, as one batch (as lines of one script).
        try Launch(content: options.content, db: options.db, kleur: options.kleur, commands: commands.isEmpty ? nil : commands.joined(separator: "\n"), script: script).run()
    }
}

/// What `Start` does, with its options as plain values: also reached without swift-argument-parser
/// (`FastStart`), which costs a few milliseconds at every start.
struct Launch {
    let content: String?
    let db: String?
    let kleur: Terminal.ColorChoice
    let commands: String?
    let script: String?

    func run() throws {
        let library = ContentLibrary.standard(extraDirectory: content)
        if library.diagnostics.hasErrors {
            // Broken extra content must not pass silently; bundled content is tested to be clean.
            Output.err(DiagnosticRenderer(useColor: Terminal.useColor(kleur, isTTY: Terminal.stderrIsTTY)).render(library.diagnostics))
            Output.err("De inhoud bevat fouten; herstel ze of laat --content weg.\n")
            throw ExitCode.failure
        }
        if let commands {
            try runBatch(SourceFile(name: "-c", text: commands), library: library, paged: true)
        } else if let script {
            let source: ContentSource
            switch ContentFiles.read(script) {
            case .success(let s): source = s
            case .failure(let diagnostic):
                Output.err(DiagnosticRenderer(useColor: false).render(diagnostic))
                throw ExitCode.failure
            }
            try runBatch(SourceFile(name: source.name, bytes: source.bytes), library: library)
        } else if Terminal.stdinIsTTY {
            let session = session(library)
            let shell = Shell(session: session, colorChoice: kleur)
            let ran = shell.run()
            session.close()
            if !ran { throw ExitCode.failure }
        } else {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            try runBatch(SourceFile(name: "stdin", bytes: [UInt8](data)), library: library)
        }
    }

    private func session(_ library: ContentLibrary) -> Session {
        let color = Terminal.useColor(kleur, isTTY: Terminal.stdoutIsTTY)
        return Session(library: library, style: TextStyle(width: Terminal.stdoutIsTTY ? Terminal.width : 80, color: color),
                       database: DatabaseLocation.resolve(option: db))
    }

    /// Runs statements without prompts; stops at the first error with exit status 1. With `paged`
    /// (`-c` on a terminal) long output goes through the pager, as in the shell.
    private func runBatch(_ file: SourceFile, library: ContentLibrary, paged: Bool = false) throws {
        let session = session(library)
        var collected = ""
        let result = session.run(file) { paged ? (collected += $0) : Output.out($0) }
        session.close()
        if paged, !collected.isEmpty { Pager.show(collected) }
        if !result.succeeded {
            Output.err(DiagnosticRenderer(useColor: Terminal.useColor(kleur, isTTY: Terminal.stderrIsTTY)).render(result.diagnostics))
            throw ExitCode.failure
        }
    }
}
