import ArgumentParser
import Foundation
import KompasDSL
import Raadskompas

/// `raadskompas analyseer FILE… [--json]`: the analysis of raadsvoorstellen in batches.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyseer",
        abstract: "Legt raadsvoorstellen (.txt, .md, .pdf, .docx) langs de criteria A–F; met --json voor verdere verwerking."
    )

    @Argument(help: ArgumentHelp("De voorstellen, of mappen met voorstellen.", valueName: "BESTAND|MAP"))
    var files: [String] = []

    @Flag(name: .long, help: "Schrijf JSON in plaats van tekst.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Map met extra of vervangende inhoud, zoals eigen analyseregels.", valueName: "MAP"))
    var content: String?

    @Option(name: .long, help: ArgumentHelp("Kleur gebruiken: auto, altijd of nooit.", valueName: "KEUZE"))
    var kleur: Terminal.ColorChoice = .auto

    func validate() throws {
        if files.isEmpty { throw ValidationError("Geef minstens één voorstel om te analyseren.") }
    }

    /// The kinds of file `analyseer` reads when it is given a folder.
    static let extensions: Set<String> = ["txt", "md", "pdf", "docx"]

    /// Paths as given, with each folder replaced by the voorstellen in it (and in its subfolders),
    /// sorted by name; other files in a folder are skipped.
    static func expand(_ paths: [String]) -> (paths: [String], emptyFolders: Int) {
        var expanded: [String] = []
        var emptyFolders = 0
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
                  let enumerator = FileManager.default.enumerator(atPath: path) else {
                expanded.append(path)
                continue
            }
            var found: [String] = []
            for case let relative as String in enumerator where extensions.contains((relative as NSString).pathExtension.lowercased()) {
                found.append((path as NSString).appendingPathComponent(relative))
            }
            if found.isEmpty {
                Output.err("\(path): fout: er staan geen voorstellen in deze map\n  = hint: Raadskompas leest .txt, .md, .pdf en .docx\n")
                emptyFolders += 1
            }
            expanded += found.sorted()
        }
        return (expanded, emptyFolders)
    }

    /// Each path read and analysed, in parallel over the cores, results in the order of `paths`.
    static func analyzeAll(_ paths: [String], with analyzer: Analyzer, json: Bool = false) -> [Result<(Analyzer.Result, String), TextImport.Failure>] {
        let slots = ResultSlots(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let outcome: Result<(Analyzer.Result, String), TextImport.Failure>
            do throws(TextImport.Failure) {
                let imported = try TextImport.read(paths[index])
                let result = analyzer.analyze(imported.text, name: paths[index])
                outcome = .success((result, json ? AnalysisRenderer.json(result) : ""))
            } catch {
                outcome = .failure(error)
            }
            slots.set(index, outcome)
        }
        return slots.values
    }

    /// One slot per path, written from several threads (each index once), behind a lock.
    final class ResultSlots: @unchecked Sendable {
        private var storage: [Result<(Analyzer.Result, String), TextImport.Failure>?]
        private let lock = NSLock()
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Result<(Analyzer.Result, String), TextImport.Failure>) {
            lock.lock()
            storage[index] = value
            lock.unlock()
        }
        var values: [Result<(Analyzer.Result, String), TextImport.Failure>] { storage.map { $0! } }
    }

    func run() throws {
        let library = ContentLibrary.standard(extraDirectory: content)
        let renderer = DiagnosticRenderer(useColor: Terminal.useColor(kleur, isTTY: Terminal.stderrIsTTY))
        if library.diagnostics.hasErrors {
            Output.err(renderer.render(library.diagnostics))
            throw ExitCode.failure
        }
        guard let analyzer = Analyzer(library: library) else {
            Output.err("fout: er zijn geen analyseregels in de inhoud\n")
            throw ExitCode.failure
        }
        let style = TextStyle(width: Terminal.stdoutIsTTY ? Terminal.width : 80, color: Terminal.useColor(kleur, isTTY: Terminal.stdoutIsTTY))
        let criteria = GuidedReviewCriteria.load(library)
        var objects: [String] = []
        let (paths, emptyFolders) = Analyze.expand(files)
        var failed = emptyFolders > 0
        // The files are read and analysed on all cores; the output keeps the order of the paths.
        let outcomes = Analyze.analyzeAll(paths, with: analyzer, json: json)
        for (path, outcome) in zip(paths, outcomes) {
            switch outcome {
            case .success(let (result, object)):
                objects.append(object)
                if !json { Output.out(AnalysisRenderer.text(result, criteria: criteria, style: style) + "\n") }
            case .failure(let error):
                failed = true
                Output.err("\(path): fout: \(error.message)\n  = hint: \(error.hint)\n")
            }
        }
        if json { Output.out(AnalysisRenderer.jsonArray(objects)) }
        if failed { throw ExitCode.failure }
    }
}
