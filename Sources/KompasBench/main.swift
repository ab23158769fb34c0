import Foundation
import GRDB
import KompasDSL
import Raadskompas

// `make bench`: prints figures, asserts nothing. Usage: KompasBench PATH/TO/raadskompas

let binary = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : ".build/release/raadskompas"

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

func measure(_ runs: Int, _ body: () -> Void) -> [Double] {
    (0..<runs).map { _ in
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

// MARK: - Parse and validate a generated content set, against JSONDecoder on the same records

struct JSONCard: Codable {
    struct Section: Codable {
        let id: String
        let titel: String
        let tekst: String
        let punten: [String]
        let vragen: [String]
    }
    let soort: String
    let id: String
    let titel: String
    let thema: String
    let bron: String
    let samenvatting: String
    let secties: [Section]
}

func generate(targetBytes: Int) -> (kompas: [UInt8], json: Data, cards: Int) {
    let words = ["gemeente", "inwoners", "ondersteuning", "jeugdhulp", "preventie", "raad", "beleid", "kaders",
                 "maatwerk", "voorzieningen", "mantelzorg", "participatie", "schulden", "wijkteam", "resultaten", "coöperatie"]
    var generator = SystemRandomNumberGenerator()
    func sentence(_ n: Int) -> String {
        (0..<n).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ").capitalizedFirst + "."
    }
    var kompas = ""
    var cards: [JSONCard] = []
    var i = 0
    while kompas.utf8.count < targetBytes {
        var sections: [JSONCard.Section] = []
        var text = "kaart kaart-\(i) {\n  titel \"Kaart \(i)\"\n  thema sturing\n  bron \"Gegenereerd voor de benchmark\"\n  samenvatting \"\(sentence(12))\"\n"
        for s in 0..<4 {
            let body = sentence(40)
            let points = (0..<4).map { _ in sentence(10) }
            let questions = (0..<2).map { _ in sentence(8).dropLast() + "?" }
            sections.append(.init(id: "sectie-\(s)", titel: "Sectie \(s)", tekst: body, punten: points, vragen: questions.map(String.init)))
            text += "  sectie sectie-\(s) \"Sectie \(s)\" {\n    tekst \"\"\"\n      \(body)\n      \"\"\"\n"
            for p in points { text += "    punt \"\(p)\"\n" }
            for q in questions { text += "    vraag \"\(q)\"\n" }
            text += "  }\n"
        }
        text += "}\n"
        kompas += text
        cards.append(JSONCard(soort: "kaart", id: "kaart-\(i)", titel: "Kaart \(i)", thema: "sturing", bron: "Gegenereerd voor de benchmark",
                              samenvatting: sentence(12), secties: sections))
        i += 1
    }
    let json = (try? JSONEncoder().encode(cards)) ?? Data()
    return (Array(kompas.utf8), json, cards.count)
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

// `KompasBench BIN --start`: only section 1 (start-up), ending below.
// `KompasBench BIN --geschiedenis`: only section 6 (defined below, run here through a deferred call).
// `KompasBench BIN --inhoud`: only section 2 (parse and validate against JSONDecoder).
let onlyContent = CommandLine.arguments.contains("--inhoud")
let onlyHistory = CommandLine.arguments.contains("--geschiedenis")

// `KompasBench --profile`: only the content load, for `perf record`.
if CommandLine.arguments.contains("--profile") {
    // The generated set is cached in /tmp so a profile shows parsing, not generating.
    let cache = "/tmp/raadskompas-bench.kompas"
    let bytes: [UInt8]
    if let data = FileManager.default.contents(atPath: cache) {
        bytes = [UInt8](data)
    } else {
        bytes = generate(targetBytes: 10 * 1_048_576).kompas
        _ = FileManager.default.createFile(atPath: cache, contents: Data(bytes))
    }
    let generated = (kompas: bytes, json: Data(), cards: 0)
    let parseOnly = CommandLine.arguments.contains("--parse")
    for _ in 0..<5 {
        if parseOnly {
            _ = Parser.parse(SourceFile(name: "bench.kompas", bytes: generated.kompas))
        } else {
            _ = ContentLibrary.load([ContentSource(name: "bench.kompas", bytes: generated.kompas, layer: .extra)])
        }
    }
    exit(0)
}

// MARK: - Whole-process wall time and peak memory

struct ProcessStats {
    let median: Double
    let p90: Double
    let peakKB: Int
}

/// One whole run of a process, its output thrown away; the wall time in seconds.
func spawnOnce(_ executable: String, _ arguments: [String]) -> Double? {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawnp(&pid, executable, &actions, nil, argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// `runs` runs of one command.
func run(_ executable: String, _ arguments: [String], runs: Int) -> ProcessStats? {
    interleaved([("", executable, arguments)], rounds: runs)[0]
}

/// Runs every command once per round, `rounds` times, so that the machine's noise falls on all of
/// them alike; then the peak memory of each.
func interleaved(_ commands: [(label: String, executable: String, arguments: [String])], rounds: Int) -> [ProcessStats?] {
    var times = [[Double]](repeating: [], count: commands.count)
    var failed = [Bool](repeating: false, count: commands.count)
    for _ in 0..<rounds {
        for (i, command) in commands.enumerated() where !failed[i] {
            if let seconds = spawnOnce(command.executable, command.arguments) { times[i].append(seconds) } else { failed[i] = true }
        }
    }
    return commands.indices.map { i in
        guard !failed[i], !times[i].isEmpty else { return nil }
        // Peak memory through GNU time, a small process: a child spawned from this (larger) process
        // inherits its memory high-water mark on Linux, which would hide the real figure.
        let peak = (0..<3).map { _ in peakKilobytes(commands[i].executable, commands[i].arguments) ?? 0 }.max() ?? 0
        let sorted = times[i].sorted()
        return ProcessStats(median: median(times[i]), p90: sorted[min(sorted.count - 1, sorted.count * 9 / 10)], peakKB: peak)
    }
}

func peakKilobytes(_ executable: String, _ arguments: [String]) -> Int? {
    let time = "/usr/bin/time"
    guard FileManager.default.isExecutableFile(atPath: time) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: time)
    process.arguments = ["-f", "%M", executable] + arguments
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
}

func row(_ label: String, _ stats: ProcessStats?) {
    guard let stats else {
        print("   \(label.padding(toLength: 44, withPad: " ", startingAt: 0))  (niet beschikbaar)")
        return
    }
    print(String(format: "   %@  median %6.1f ms  p90 %6.1f ms  peak RSS %6.1f MB",
                 label.padding(toLength: 44, withPad: " ", startingAt: 0), stats.median * 1000, stats.p90 * 1000, Double(stats.peakKB) / 1024))
}

if onlyHistory {
    historyBench()
    exit(0)
}

print("Raadskompas benchmark — \(ProcessInfo.processInfo.activeProcessorCount) cores, \(Date())")
print("")
if !onlyContent {
print("1. Hele proces, 60 ronden om en om (wall time; piekgeheugen via /usr/bin/time)")
let startCommands: [(label: String, executable: String, arguments: [String])] = [
    ("raadskompas -c 'toon wmo'", binary, ["-c", "toon wmo"]),
    ("raadskompas -c 'schrijf 1'", binary, ["-c", "schrijf 1"]),
    ("raadskompas -c 'lijst staalkaarten'", binary, ["-c", "lijst staalkaarten"]),
    ("raadskompas --version", binary, ["--version"]),
    ("sqlite3 :memory: 'select 1'", "sqlite3", [":memory:", "select 1"]),
]
let startStats = interleaved(startCommands, rounds: 60)
for (command, stats) in zip(startCommands, startStats) { row(command.label, stats) }
if let ours = startStats[0], let reference = startStats[4] {
    print(String(format: "   → toon wmo is %.1f× sqlite3 (doel: hoogstens 3×); piekgeheugen %.1f MB (doel: hoogstens 20 MB)",
                 ours.median / reference.median, Double(ours.peakKB) / 1024))
}
row("python3 -c pass (ter vergelijking)", interleaved([("python3", "python3", ["-c", "pass"])], rounds: 10)[0])

// MARK: - Time to first prompt

/// Starts the shell in a pseudo-terminal and measures the time until `kompas> ` appears, and the
/// shell's peak memory (VmHWM) while it waits at that prompt.
func firstPrompt(_ binary: String) -> (seconds: Double, peakKB: Int)? {
    var master: Int32 = 0, slave: Int32 = 0
    var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else { return nil }
    defer { close(master) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd in [Int32(0), 1, 2] { posix_spawn_file_actions_adddup2(&actions, slave, fd) }
    posix_spawn_file_actions_addclose(&actions, master)
    let home = NSTemporaryDirectory() + "raadskompas-bench-home"
    try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    let variables: [String] = ["HOME=\(home)", "TERM=xterm", "LANG=C.UTF-8", "PAGER=cat"]
    let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
    let argv: [UnsafeMutablePointer<CChar>?] = [strdup(binary), nil]
    defer { envp.forEach { free($0) }; argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, binary, &actions, nil, argv, envp) == 0 else { close(slave); return nil }
    close(slave)
    var seen: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    var elapsed: Double?
    while DispatchTime.now().uptimeNanoseconds - start < 10_000_000_000 {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 100) > 0 else { continue }
        let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if n <= 0 { break }
        seen += buffer[0..<n]
        if String(decoding: seen, as: UTF8.self).contains("kompas> ") {
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            break
        }
    }
    let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
    let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        .flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    kill(pid, SIGKILL)
    var exitStatus: Int32 = 0
    waitpid(pid, &exitStatus, 0)
    return elapsed.map { ($0, peak) }
}

var promptTimes: [Double] = []
var promptPeak = 0
for _ in 0..<20 {
    if let (seconds, peak) = firstPrompt(binary) {
        promptTimes.append(seconds)
        promptPeak = max(promptPeak, peak)
    }
}
if promptTimes.isEmpty {
    print("   tijd tot de eerste prompt                     (niet gemeten)")
} else {
    let sorted = promptTimes.sorted()
    print(String(format: "   %@  median %6.1f ms  p90 %6.1f ms  peak RSS %6.1f MB",
                 "raadskompas: tijd tot de eerste prompt".padding(toLength: 44, withPad: " ", startingAt: 0),
                 median(promptTimes) * 1000, sorted[min(sorted.count - 1, sorted.count * 9 / 10)] * 1000, Double(promptPeak) / 1024))
}

if CommandLine.arguments.contains("--start") { exit(0) }
}

// MARK: - Content

print("")
let generated = generate(targetBytes: 10 * 1_048_576)
let kompasMB = Double(generated.kompas.count) / 1_048_576
let jsonMB = Double(generated.json.count) / 1_048_576
print("2. Inhoud inlezen: \(generated.cards) gegenereerde kaarten, \(String(format: "%.1f", kompasMB)) MB .kompas, \(String(format: "%.1f", jsonMB)) MB JSON")

var loaded = 0
var decoded = 0
// The three arms take turns, 11 rounds, in a rotating order: the machine's speed drifts (and a
// heap left by one arm weighs on the next), so blocks of one arm after another would compare
// moments rather than readers. Medians over the rounds.
var kompasTimes: [Double] = [], parseOnly: [Double] = [], jsonTimes: [Double] = []
let arms: [() -> Void] = [
    { kompasTimes += measure(1) {
        let library = ContentLibrary.load([ContentSource(name: "bench.kompas", bytes: generated.kompas, layer: .extra)])
        loaded = library.cards.count
        precondition(library.diagnostics.isEmpty, DiagnosticRenderer().render(library.diagnostics.prefix(3).map { $0 }))
    } },
    { parseOnly += measure(1) { _ = Parser.parse(SourceFile(name: "bench.kompas", bytes: generated.kompas)) } },
    { jsonTimes += measure(1) { decoded = ((try? JSONDecoder().decode([JSONCard].self, from: generated.json)) ?? []).count } },
]
for round in 0..<11 {
    for arm in 0..<arms.count { arms[(arm + round) % arms.count]() }
}
precondition(loaded == generated.cards && decoded == generated.cards)
let kompasSeconds = median(kompasTimes), jsonSeconds = median(jsonTimes), parseSeconds = median(parseOnly)
print(String(format: "   KompasDSL parse + evaluate + validate + cards: %7.1f ms  %6.1f MB/s", kompasSeconds * 1000, kompasMB / kompasSeconds))
print(String(format: "   KompasDSL parse only:                          %7.1f ms  %6.1f MB/s", parseSeconds * 1000, kompasMB / parseSeconds))
print(String(format: "   Foundation JSONDecoder (same records):         %7.1f ms  %6.1f MB/s", jsonSeconds * 1000, jsonMB / jsonSeconds))
print(String(format: "   → dezelfde kaarten: met validatie %.2f× zo snel als JSONDecoder, alleen parsen %.2f× (doel: met validatie ≥ 1×)",
             jsonSeconds / kompasSeconds, jsonSeconds / parseSeconds))
print(String(format: "   → per MB: met validatie %.2f×, alleen parsen %.2f× JSONDecoder's MB/s",
             (kompasMB / kompasSeconds) / (jsonMB / jsonSeconds), (kompasMB / parseSeconds) / (jsonMB / jsonSeconds)))

let bundledTimes = measure(20) { _ = ContentLibrary.load(ContentSource.bundled) }
let lazyTimes = measure(20) { _ = ContentLibrary.standard().card("wmo") }
let bundledBytes = ContentSource.bundled.reduce(0) { $0 + $1.bytes.count }
print(String(format: "   Bundled Content/ (%d KB, %d cards): alles laden + valideren %.2f ms; bij de start (index, alleen wmo geparst) %.2f ms",
             bundledBytes / 1024, bundledLibraryCount(), median(bundledTimes) * 1000, median(lazyTimes) * 1000))
print("")
if onlyContent { exit(0) }



func bundledLibraryCount() -> Int { ContentLibrary.load(ContentSource.bundled).cards.count }

// MARK: - Werkbladen

print("3. Werkbladen")
let benchFolder = NSTemporaryDirectory() + "raadskompas-bench-\(UUID().uuidString)"
try? FileManager.default.createDirectory(atPath: benchFolder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: benchFolder) }

func fullWerkblad(_ name: String) -> WerkbladInhoud {
    var items: [WerkbladItem] = []
    for stap in VisieStap.allCases {
        for kant in Kant.allCases {
            for i in 1...10 {
                items.append(WerkbladItem(werkbladId: 0, stap: stap, kant: kant, volgorde: i,
                                          tekst: "\(stap.titel) \(i): inwoners krijgen tijdig, passend en samenhangend ondersteuning",
                                          toelichting: i % 2 == 0 ? "Toelichting bij antwoord \(i), met é, ë en ï" : "",
                                          doel: stap == .resultaten ? 70 : nil, eenheid: stap == .resultaten ? "%" : nil, jaar: stap == .resultaten ? 2030 : nil,
                                          indicator: stap == .resultaten ? "eenzaamheid-75plus" : nil))
            }
        }
    }
    let links = (1...10).map { Koppeling(werkbladId: 0, volgorde: $0, waarde: "Waarde \($0)", principe: "Principe \($0)",
                                         onderbouwing: "Onderbouwing \($0)", resultaat: "Resultaat \($0)") }
    return WerkbladInhoud(werkblad: Werkblad(naam: name, eigenaar: "Sanne de Vries", gemeente: "Almere"), items: items, koppelingen: links)
}

do {
    let store = try Store(path: benchFolder + "/bench.sqlite")
    let werkbladen = WerkbladStore(store: store)
    let full = fullWerkblad("Volledig werkblad")
    try werkbladen.replace(with: full)
    let template = ContentLibrary.standard().cards(ofKind: "werkbladsjabloon").first
    for format in [WerkbladExport.Format.html, .kompas, .md] {
        var size = 0
        let times = measure(50) { size = WerkbladExport.render(full, as: format, template: template).utf8.count }
        print(String(format: "   export van een vol werkblad (80 antwoorden, 10 koppelingen) naar .%@: %6.2f ms  (%d KB)",
                     format.rawValue, median(times) * 1000, size / 1024))
    }
    let creation = measure(1) {
        for i in 1...999 { _ = try? werkbladen.replace(with: fullWerkblad("Werkblad \(i)")) }
    }
    print(String(format: "   1.000 werkbladen van 80 antwoorden opslaan: %.1f s (elk werkblad één transactie)", creation[0]))
    let listing = measure(20) { _ = try? werkbladen.all() }
    print(String(format: "   1.000 werkbladen opvragen (in het proces): %.2f ms", median(listing) * 1000))
    row("raadskompas -c 'werkblad lijst' (1.000)", run(binary, ["--db", benchFolder + "/bench.sqlite", "-c", "werkblad lijst"], runs: 20))
    row("raadskompas exporteer … naar .html", run(binary, ["--db", benchFolder + "/bench.sqlite", "-c",
                                                            "exporteer werkblad \"Volledig werkblad\" naar \"\(benchFolder)/w.html\""], runs: 20))
    row("raadskompas exporteer … naar .kompas", run(binary, ["--db", benchFolder + "/bench.sqlite", "-c",
                                                              "exporteer werkblad \"Volledig werkblad\" naar \"\(benchFolder)/w.kompas\""], runs: 20))
} catch {
    print("   (werkbladen niet gemeten: \(error))")
}


// MARK: - Analysis of raadsvoorstellen

print("4. Analyse van raadsvoorstellen")
do {
    // 100 voorstellen of ~30 KB, built from both fixture sets (about twenty templates).
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var texts: [String] = []
    for set in ["Tests/Fixtures/voorstellen", "Tests/Fixtures/voorstellen-blind"] {
        let folder = root.appending(path: set)
        texts += ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
            .compactMap { try? String(contentsOf: folder.appending(path: $0), encoding: .utf8) }
    }
    let folder = benchFolder + "/voorstellen"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var paths: [String] = []
    for i in 0..<100 where !texts.isEmpty {
        var text = ""
        var k = i
        while text.utf8.count < 30_000 {
            text += texts[k % texts.count] + "\n\n"
            k += 1
        }
        let path = folder + "/voorstel-\(i).txt"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        paths.append(path)
    }
    let library = ContentLibrary.standard()
    if let analyzer = Analyzer(library: library), !paths.isEmpty {
        let reading = measure(5) {
            for path in paths { _ = try? TextImport.read(path) }
        }
        print(String(format: "   lezen van dezelfde 100 bestanden (TextImport, één kern): %.0f ms", median(reading) * 1000))
        let texts = paths.compactMap { try? TextImport.read($0).text }
        let inProcess = measure(3) {
            for (path, text) in zip(paths, texts) { _ = analyzer.analyze(text, name: path) }
        }
        print(String(format: "   analyse in het proces, één kern: %.0f ms in totaal, %.1f ms per voorstel", median(inProcess) * 1000, median(inProcess) * 10))
        if let stats = run(binary, ["analyseer", "--json"] + paths, runs: 5) {
            print(String(format: "   raadskompas analyseer --json (100 bestanden, alle kernen): %.0f ms in totaal, piek %.1f MB (doel: ≤ 500 ms)",
                         stats.median * 1000, Double(stats.peakKB) / 1024))
        }
    }
} catch {
    print("   (analyse niet gemeten: \(error))")
}

// MARK: - Import of measurements

/// Elapsed seconds and peak RSS of one process through GNU time.
func timed(_ executable: String, _ arguments: [String]) -> (seconds: Double, peakKB: Int, status: Int32)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
    process.arguments = ["-f", "%e %M", executable] + arguments
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), (try? process.run()) != nil else { return nil }
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard let last = String(decoding: data, as: UTF8.self).split(separator: "\n").last else { return nil }
    let parts = last.split(separator: " ")
    guard parts.count == 2, let seconds = Double(parts[0]), let kb = Int(parts[1]) else { return nil }
    return (seconds, kb, process.terminationStatus)
}

print("5. Metingen inlezen: 1.000.000 regels indicator;gebied;periode;waarde")
do {
    let indicators = ["bijstandsuitkeringen", "jongeren-met-jeugdhulp", "cliënten-met-maatwerkarrangement-wmo", "werkloze-jongeren",
                      "lopende-re-integratievoorzieningen", "jongeren-met-jeugdbescherming", "jongeren-met-jeugdreclassering",
                      "kinderen-in-uitkeringsgezin", "netto-arbeidsparticipatie", "absoluut-verzuim"]
    let library = ContentLibrary.standard()
    let known = Set(library.cards(ofKind: "indicator").map(\.id))
    let usable = indicators.filter { known.contains($0) } + known.sorted().filter { !indicators.contains($0) }
    let path = benchFolder + "/metingen-1m.csv"
    // Real CBS codes: the 342 gemeenten, then wijken (an import refuses codes CBS does not know).
    let gemeenten = Gebieden(library: library).all.filter { $0.soort == .gemeente }.map(\.code).sorted()
    let codes = (0..<350).map { $0 < gemeenten.count ? gemeenten[$0] : String(format: "WK%06d", $0) }
    var csv = "indicator;gebied;periode;waarde\n"
    csv.reserveCapacity(36_000_000)
    var rows = 0
    outer: for indicator in usable.prefix(10) {
        for gemeente in 1...350 {
            for month in 0..<286 {
                csv += "\(indicator);\(codes[gemeente - 1]);\(2001 + month / 12)MM\(String(format: "%02d", month % 12 + 1));\(gemeente * 7 % 100),\(month % 10)\n"
                rows += 1
                if rows == 1_000_000 { break outer }
            }
        }
    }
    try csv.write(toFile: path, atomically: true, encoding: .utf8)
    let size = Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1_048_576
    print(String(format: "   bestand: %d regels, %.1f MB", rows, size))
    var ours: [(Double, Int)] = [], again: [(Double, Int)] = [], theirs: [(Double, Int)] = []
    // Five rounds, each of the three in turn: the machine's speed drifts by a quarter.
    for round in 0..<5 {
        let db = benchFolder + "/metingen-\(round).sqlite", plain = benchFolder + "/plain-\(round).sqlite"
        for file in [db, db + "-wal", db + "-shm", plain] { try? FileManager.default.removeItem(atPath: file) }
        if let first = timed(binary, ["--db", db, "-c", "importeer metingen \"\(path)\""]), first.status == 0 { ours.append((first.seconds, first.peakKB)) }
        if let second = timed(binary, ["--db", db, "-c", "importeer metingen \"\(path)\""]), second.status == 0 { again.append((second.seconds, second.peakKB)) }
        if let reference = timed("sqlite3", [plain, "-cmd", ".mode csv", "-cmd", ".separator ;", ".import \(path) meting"]), reference.status == 0 {
            theirs.append((reference.seconds, reference.peakKB))
        }
    }
    func report(_ label: String, _ samples: [(Double, Int)]) {
        guard !samples.isEmpty else { return print("   \(label): (niet beschikbaar)") }
        print(String(format: "   %@ median %5.2f s  peak RSS %6.1f MB", label.padding(toLength: 52, withPad: " ", startingAt: 0),
                     median(samples.map(\.0)), Double(samples.map(\.1).max() ?? 0) / 1024))
    }
    report("raadskompas importeer metingen (lege database)", ours)
    report("raadskompas importeer metingen (nog eens: niets nieuw)", again)
    report("sqlite3 .import in een gewone tabel", theirs)
    if !ours.isEmpty, !theirs.isEmpty {
        print(String(format: "   verhouding: %.2f× sqlite3 (doel: binnen 2×)", median(ours.map(\.0)) / median(theirs.map(\.0))))
    }
} catch {
    print("   (metingen niet gemeten: \(error))")
}

print("5b. Rapport over 2.000 gebieden (10 jaren elk; mijn gemeente in detail, de rest in een tabel)")
do {
    let path = benchFolder + "/gebieden-2000.csv", db = benchFolder + "/gebieden-2000.sqlite", html = benchFolder + "/gebieden-2000.html"
    for file in [db, db + "-wal", db + "-shm", html] { try? FileManager.default.removeItem(atPath: file) }
    var csv = "indicator;gebied;periode;waarde\n"
    for w in 1...1_999 { for year in 2016...2025 { csv += "werkloze-jongeren;WK\(String(format: "%06d", w));\(year);\(Double(w % 50) / 10 + Double(year - 2016) / 10)\n" } }
    for year in 2016...2025 { csv += "werkloze-jongeren;GM0034;\(year);\(3 + Double(year - 2016) / 10)\n" }
    try csv.write(toFile: path, atomically: true, encoding: .utf8)
    _ = timed(binary, ["--db", db, "-c", "importeer metingen \"\(path)\"\ninstelling gemeente=\"Almere\""])
    var samples: [(Double, Int)] = []
    for _ in 0..<5 {
        try? FileManager.default.removeItem(atPath: html)
        if let run = timed(binary, ["--db", db, "-c", "rapport werkloze-jongeren naar \"\(html)\""]), run.status == 0 { samples.append((run.seconds, run.peakKB)) }
    }
    let size = Double((try? FileManager.default.attributesOfItem(atPath: html)[.size] as? Int) ?? 0) / 1_048_576
    if samples.isEmpty {
        print("   (niet gelukt)")
    } else {
        print(String(format: "   rapport naar .html: median %5.2f s (doel ≤ 1 s), bestand %.2f MB (doel < 2 MB), peak RSS %.1f MB",
                     median(samples.map(\.0)), size, Double(samples.map(\.1).max() ?? 0) / 1024))
    }
} catch {
    print("   (rapport niet gemeten: \(error))")
}

// MARK: - History

func historyBench() {
let benchFolder = NSTemporaryDirectory() + "raadskompas-geschiedenis-\(UUID().uuidString)"
try? FileManager.default.createDirectory(atPath: benchFolder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: benchFolder) }
print("")
print("6. Geschiedenis: 10.000 wijzigingen, elk in een eigen transactie (zoals elk antwoord op Enter); 5 rondes, om en om in plakken van 500")
do {
    let edits = 10_000
    /// A werkblad with one answer; the edits give that answer a new text, as `werkblad wijzig` or
    /// an answer in `werkblad invullen` does (one transaction each, through the domain layer).
    func prepare(_ path: String, history: Bool) throws -> (WerkbladStore, WerkbladItem) {
        for file in [path, path + "-wal", path + "-shm"] { try? FileManager.default.removeItem(atPath: file) }
        let created = WerkbladStore(store: try Store(path: path))
        let werkblad = try created.create(Werkblad(naam: "Bench", eigenaar: "", soort: .raadslid, gemeente: ""))
        let item = try created.addItem(to: werkblad, stap: .waarden, kant: .zelf, text: "begin")
        guard !history else { return (created, item) }
        // The same database, opened by a store that records nothing (and so makes no history
        // triggers: they are TEMP triggers of a recording connection).
        return (WerkbladStore(store: try Store.withoutHistory(path: path)), item)
    }
    var withHistory: [Double] = [], withoutHistory: [Double] = []
    var typedWith: [Double] = [], typedWithout: [Double] = []
    let slice = 500
    let library = ContentLibrary.standard()
    var sizes: (with: Int, without: Int) = (0, 0)
    for round in 0..<5 {
        let journaled = benchFolder + "/geschiedenis-\(round).sqlite", plain = benchFolder + "/zonder-\(round).sqlite"
        let (with, item) = try prepare(journaled, history: true)
        let (without, plainItem) = try prepare(plain, history: false)
        // The two arms take turns in slices of 500 edits (ABBA order), so that a machine that speeds
        // up or slows down weighs on both alike; the figures are medians over all slices.
        var version = 0
        func edit(_ store: WerkbladStore, _ item: WerkbladItem) {
            var changed = item
            for _ in 0..<slice {
                version += 1
                changed.tekst = "versie \(version) van een antwoord van gemiddelde lengte"
                try? store.updateItem(changed)
            }
        }
        for turn in 0..<(edits / slice) {
            if turn % 2 == round % 2 {
                withHistory += measure(1) { edit(with, item) }
                withoutHistory += measure(1) { edit(without, plainItem) }
            } else {
                withoutHistory += measure(1) { edit(without, plainItem) }
                withHistory += measure(1) { edit(with, item) }
            }
        }
        // The same edits typed as statements (`werkblad wijzig`), as a user makes them.
        let withSession = Session(library: library, store: with.store)
        let withoutSession = Session(library: library, store: without.store)
        func typed(_ session: Session) {
            for _ in 0..<slice {
                version += 1
                _ = session.run("werkblad wijzig \"Bench\" waarden.zelf.1 \"versie \(version) van een antwoord van gemiddelde lengte\"") { _ in }
            }
        }
        for turn in 0..<(edits / slice) {
            if turn % 2 == round % 2 {
                typedWith += measure(1) { typed(withSession) }
                typedWithout += measure(1) { typed(withoutSession) }
            } else {
                typedWithout += measure(1) { typed(withoutSession) }
                typedWith += measure(1) { typed(withSession) }
            }
        }
        with.store.checkpoint()
        without.store.checkpoint()
        sizes = ((try? FileManager.default.attributesOfItem(atPath: journaled)[.size] as? Int) ?? 0,
                 (try? FileManager.default.attributesOfItem(atPath: plain)[.size] as? Int) ?? 0)
    }
    /// Median time per edit of one arm, and the median of the slice-by-slice ratios.
    func perEdit(_ times: [Double]) -> Double { median(times) / Double(slice) }
    func extra(_ with: [Double], _ without: [Double]) -> Double { (median(zip(with, without).map { $0 / $1 }) - 1) * 100 }
    print("   getypt als opdracht (werkblad wijzig \"…\" waarden.zelf.1 \"…\"), in het proces:")
    print(String(format: "     met geschiedenis:    %4.0f µs per wijziging", perEdit(typedWith) * 1e6))
    print(String(format: "     zonder geschiedenis: %4.0f µs per wijziging", perEdit(typedWithout) * 1e6))
    print(String(format: "     → %.0f%% extra tijd (mediaan van %d paren van %d wijzigingen; doel: minder dan 20%%)", extra(typedWith, typedWithout), typedWith.count, slice))
    print("   alleen de opslag (WerkbladStore.updateItem, zonder opdracht eromheen):")
    print(String(format: "     met geschiedenis:    %4.0f µs per wijziging", perEdit(withHistory) * 1e6))
    print(String(format: "     zonder geschiedenis: %4.0f µs per wijziging", perEdit(withoutHistory) * 1e6))
    print(String(format: "     → %.0f%% extra tijd", extra(withHistory, withoutHistory)))
    print(String(format: "   de database groeit %.1f MB door de geschiedenis (%.0f bytes per wijziging)",
                 Double(sizes.with - sizes.without) / 1_048_576, Double(sizes.with - sizes.without) / Double(edits * 2)))
} catch {
    print("   (geschiedenis niet gemeten: \(error))")
}
}
historyBench()
