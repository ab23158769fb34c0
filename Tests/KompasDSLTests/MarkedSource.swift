import KompasDSL

/// Source text with position markers (1️⃣, 2️⃣, …) as in swift-format's tests: the markers are
/// removed, and each one's line and column are remembered, so a test can pin where a diagnostic points.
struct MarkedSource {
    static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    let text: String
    let locations: [String: SourceLocation]

    init(_ marked: String) {
        var text = ""
        var locations: [String: SourceLocation] = [:]
        var line = 1
        var column = 1
        var rest = Substring(marked)
        outer: while let c = rest.first {
            for marker in MarkedSource.markers where rest.hasPrefix(marker) {
                locations[marker] = SourceLocation(line: line, column: column)
                rest = rest.dropFirst(marker.count)
                continue outer
            }
            text.append(c)
            if c == "\n" { line += 1; column = 1 } else { column += 1 }
            rest = rest.dropFirst()
        }
        self.text = text
        self.locations = locations
    }

    func location(_ marker: String) -> SourceLocation? { locations[marker] }

    var file: SourceFile { SourceFile(name: "test.kompas", text: text) }
}

/// Parses and runs `text`, collecting top-level nodes and all diagnostics.
func runAll(_ text: String, policy: Interpreter.ErrorPolicy = .continueAfterError) -> (nodes: [Node], diagnostics: [Diagnostic]) {
    let file = SourceFile(name: "test.kompas", text: text)
    let (program, parseDiagnostics) = Parser.parse(file)
    var nodes: [Node] = []
    let outcome = Interpreter().run(program, policy: policy) { nodes.append($0) }
    return (nodes, parseDiagnostics + outcome.diagnostics)
}

func runBytes(_ bytes: [UInt8]) -> (nodes: [Node], diagnostics: [Diagnostic]) {
    let file = SourceFile(name: "test.kompas", bytes: bytes)
    let (program, parseDiagnostics) = Parser.parse(file)
    var nodes: [Node] = []
    let outcome = Interpreter().run(program, policy: .continueAfterError) { nodes.append($0) }
    return (nodes, parseDiagnostics + outcome.diagnostics)
}

/// Evaluates one expression through `laat`.
func evaluate(_ expression: String) -> Result<Value, Diagnostic> {
    let (nodes, diagnostics) = runAll("laat resultaat = \(expression)\nuit $resultaat", policy: .stop)
    if let error = diagnostics.first { return .failure(error) }
    return .success(nodes[0].arguments[0].value)
}
