import Foundation
import Testing
import KompasDSL
@testable import Raadskompas

/// Mutated `Content/` and `Examples/` files through the lexer, parser, validator and (for
/// scripts) the statement runner: nothing may crash or stall. Seeded, so a failure replays;
/// `make fuzz` runs it long (`RAADSKOMPAS_FUZZ_TAAL=N`, `RAADSKOMPAS_FUZZ_SEED=S`).
@Suite struct LanguageFuzzTests {
    static let seeds: [(name: String, isScript: Bool, bytes: [UInt8])] = {
        var files: [(String, Bool, [UInt8])] = []
        for folder in ["Content", "Examples"] {
            let root = packageRoot.appending(path: folder)
            guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { continue }
            for case let relative as String in enumerator where relative.hasSuffix(".kompas") {
                if let data = FileManager.default.contents(atPath: root.appending(path: relative).path) {
                    files.append(("\(folder)/\(relative)", folder == "Examples", [UInt8](data)))
                }
            }
        }
        return files.sorted { $0.0 < $1.0 }
    }()

    /// Pieces that reach the corners: numbers too big for an Int, deep nesting, long chains, open strings.
    static let pieces: [String] = [
        "99999999999999999999", "1e308", "-0", "0000-12-31", "2026-02-30", "9999-12-31", "{", "}", "[", "]", "(", ")", "\"", "\"\"\"",
        "$", "${", "$x.y.z", "laat x = ", "voor elk k in ", "als ja ", "anders als nee ", "anders ", "\u{1B}]0;x\u{07}", "\r", "\u{0}", "é", "👩🏽‍⚕️",
        String(repeating: "(", count: 300), String(repeating: "1+", count: 1500) + "1", String(repeating: "{ a ", count: 250), "=", ";", "#", "\n",
    ]

    func mutate(_ bytes: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var out = bytes
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            guard !out.isEmpty else { out = Array(Self.pieces.randomElement(using: &random)!.utf8); continue }
            let at = Int.random(in: 0..<out.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: out[at] = UInt8.random(in: 0...255, using: &random)
            case 1: out.removeSubrange(at..<min(out.count, at + Int.random(in: 1...64, using: &random)))
            case 2: out.insert(contentsOf: Array(Self.pieces.randomElement(using: &random)!.utf8), at: at)
            case 3:
                let end = min(out.count, at + Int.random(in: 1...400, using: &random))
                out.insert(contentsOf: out[at..<end], at: Int.random(in: 0...out.count, using: &random))
            default: out = Array(out[at...]) + Array(out[..<at])
            }
        }
        return out
    }

    @Test func mutatedContentAndScriptsNeverCrashOrStall() throws {
        let environment = ProcessInfo.processInfo.environment
        var run = FuzzRun(name: "taal", roundsVariable: "RAADSKOMPAS_FUZZ_TAAL", defaultRounds: 300)
        var random = SeededGenerator(state: environment["RAADSKOMPAS_FUZZ_SEED"].flatMap { UInt64($0) } ?? 7)
        let folder = try TemporaryFolder()
        // A fresh database every `FuzzRun.freshDatabaseEvery` inputs (see the statement harness).
        var session = Session(library: bundledLibrary, style: TextStyle(width: 80, color: false), database: (folder.path("fuzz-0.sqlite"), false))
        while run.goesOn {
            if run.done > 0, run.done % FuzzRun.freshDatabaseEvery == 0 {
                let number = run.done / FuzzRun.freshDatabaseEvery
                session = Session(library: bundledLibrary, style: TextStyle(width: 80, color: false), database: (folder.path("fuzz-\(number).sqlite"), false))
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: folder.path("fuzz-\(number - 1).sqlite" + suffix)) }
            }
            let seed = Self.seeds[run.done % Self.seeds.count]
            let bytes = mutate(seed.bytes, &random)
            run.round(bytes) {
                let file = SourceFile(name: seed.name, bytes: bytes)
                let (program, diagnostics) = Parser.parse(file)
                _ = DiagnosticRenderer().render(diagnostics)
                _ = ScriptCheck.check(program)
                if seed.isScript {
                    _ = session.run(file) { _ in }
                } else {
                    _ = ContentLibrary.load([ContentSource(name: seed.name, bytes: bytes, layer: .extra)])
                }
            }
        }
        run.report()
        #expect(run.slowest < 5, "the slowest input took \(run.slowest) s")
    }
}
