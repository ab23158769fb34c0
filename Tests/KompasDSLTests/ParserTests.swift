import Testing
@testable import KompasDSL

@Suite struct ParserTests {
    @Test func nodeShape() throws {
        let (nodes, diagnostics) = runAll("""
            sectie doelen "Doelen van de wet" nummer=1 {
              punt "Een"; punt "Twee"
              tekst \"\"\"
                Blok
                \"\"\" bron="x"
            }
            """)
        #expect(diagnostics.isEmpty)
        let node = try #require(nodes.first)
        #expect(node.name == "sectie")
        #expect(node.arguments.map(\.value) == [.symbol("doelen"), .text("Doelen van de wet")])
        #expect(node.properties.map(\.key) == ["nummer"])
        #expect(node.children.map(\.name) == ["punt", "punt", "tekst"])
        #expect(node.children[2].arguments[0].value == .text("Blok"))
        #expect(node.children[2].property("bron")?.value == .text("x"))
        #expect(node.hasBlock)
    }

    @Test func emptyFileIsFine() {
        let (nodes, diagnostics) = runAll("")
        #expect(nodes.isEmpty)
        #expect(diagnostics.isEmpty)
        #expect(runAll("\n\n# alleen commentaar\n").diagnostics.isEmpty)
    }

    @Test func listsSpanLines() {
        let (nodes, diagnostics) = runAll("x [\n  a,\n  b,\n]\n")
        #expect(diagnostics.isEmpty)
        #expect(nodes.first?.arguments.first?.value == .list([.symbol("a"), .symbol("b")]))
    }

    @Test func lineContinuation() {
        let (nodes, diagnostics) = runAll("toon \\\n  wmo")
        #expect(diagnostics.isEmpty)
        #expect(nodes.first?.arguments.first?.value == .symbol("wmo"))
    }

    @Test func negativeNumberArgument() {
        #expect(runAll("x -5 -2%").nodes.first?.arguments.map(\.value) == [.number(-5), .percent(-2)])
    }

    @Test func elseOnNextLine() {
        let (nodes, diagnostics) = runAll("als nee {\n a\n}\nanders {\n b\n}")
        #expect(diagnostics.isEmpty)
        #expect(nodes.map(\.name) == ["b"])
    }

    @Test func recoversAndReportsEveryError() {
        let source = MarkedSource("""
            a 1️⃣)
            b "ok"
            c 2️⃣]
            d [1, 2
            3️⃣}
            """)
        let diagnostics = runAll(source.text).diagnostics
        let locations = diagnostics.compactMap { $0.span?.location }
        #expect(locations.contains(source.location("1️⃣")!))
        #expect(locations.contains(source.location("2️⃣")!))
        #expect(diagnostics.count >= 3)
    }

    @Test func unclosedBlockPointsAtItsBrace() {
        let source = MarkedSource("staalkaart wmo 1️⃣{\n  titel \"x\"\n")
        let diagnostics = runAll(source.text).diagnostics
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].summary == "blok wordt niet gesloten")
        #expect(diagnostics[0].span?.location == source.location("1️⃣"))
    }

    @Test func strayClosingBrace() {
        let source = MarkedSource("a\n1️⃣}\nb\n")
        let (nodes, diagnostics) = runAll(source.text)
        #expect(diagnostics.map(\.summary) == ["losse `}` zonder bijbehorende `{`"])
        #expect(diagnostics[0].span?.location == source.location("1️⃣"))
        #expect(nodes.map(\.name) == ["a", "b"])
    }

    @Test func deepNestingIsBoundedNotACrash() {
        let depth = 10_000
        let text = String(repeating: "a {\n", count: depth) + String(repeating: "}\n", count: depth)
        let diagnostics = runAll(text).diagnostics
        #expect(diagnostics.contains { $0.summary.hasPrefix("te diep genest") })
        let brackets = "x " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(runAll(brackets).diagnostics.contains { $0.summary.contains("te diep genest") })
        let parens = "laat x = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        #expect(runAll(parens).diagnostics.contains { $0.summary.contains("te diep genest") })
        let negations = "laat x = " + String(repeating: "niet ", count: depth) + "ja"
        #expect(runAll(negations).diagnostics.contains { $0.summary.contains("te diep genest") })
    }

    @Test func incompleteInput() {
        #expect(Parser.isIncomplete(SourceFile(name: "t", text: "staalkaart x {")))
        #expect(Parser.isIncomplete(SourceFile(name: "t", text: "x [1,")))
        #expect(Parser.isIncomplete(SourceFile(name: "t", text: "tekst \"\"\"\nregel")))
        #expect(!Parser.isIncomplete(SourceFile(name: "t", text: "toon wmo")))
        #expect(!Parser.isIncomplete(SourceFile(name: "t", text: "a }")))
    }
}

@Suite struct ParserLayoutTests {
    @Test func statementMayFollowAClosingBraceOnTheSameLine() {
        let (nodes, diagnostics) = runAll("a { b } c { d }\ne")
        #expect(diagnostics.isEmpty)
        #expect(nodes.map(\.name) == ["a", "c", "e"])
        #expect(runAll("a 1 b 2 c").diagnostics.isEmpty, "arguments, not statements")
        #expect(runAll("a \"x\" )").diagnostics.first != nil)
    }
}

/// A node keeps a lone argument in place and the others in an array: every way of building the
/// arguments reads back the same, and reading past the end is nil, not a trap.
@Suite struct NodeArgumentsTests {
    func argument(_ n: Double) -> Node.Argument {
        Node.Argument(value: .number(n), span: SourceSpan(file: SourceFile(name: "t", text: "x"), start: 0, end: 1))
    }

    @Test func everyCountReadsBack() {
        for count in 0..<5 {
            let values = (0..<count).map { argument(Double($0)) }
            var appended = Node.Arguments()
            for value in values { appended.append(value) }
            for arguments in [Node.Arguments(values), appended] {
                #expect(arguments.count == count)
                #expect(arguments.isEmpty == (count == 0))
                #expect(arguments.map(\.value) == values.map(\.value))
                let node = Node(name: "x", nameSpan: values.first?.span ?? argument(0).span, arguments: arguments, properties: [], children: [],
                                hasBlock: false, span: argument(0).span)
                #expect(node.argumentCount == count)
                #expect((0..<count).map { node.argumentValue($0) } == values.map(\.value))
                #expect(node.argumentValue(count) == nil)
                #expect(node.argumentValue(-1) == nil)
            }
        }
    }

    /// Constant nodes go straight into their Node; a block that turns non-constant halfway keeps
    /// the constant ones before it, in order.
    @Test func aBlockThatStopsBeingConstantKeepsItsOrder() {
        let source = """
            kaart k {
              punt "een"
              punt 2
              punt $x
              punt "vier" nummer=4
              laat y = 5
              punt $y
            }
            """
        let interpreter = Interpreter()
        interpreter.setGlobal("x", .text("drie"))
        let (program, diagnostics) = Parser.parse(SourceFile(name: "t", text: source))
        #expect(diagnostics.isEmpty)
        var nodes: [Node] = []
        interpreter.run(program) { nodes.append($0) }
        #expect(nodes.count == 1)
        #expect(nodes.first?.children.map { $0.argumentValue(0) } == [.text("een"), .number(2), .text("drie"), .text("vier"), .number(5)])
        #expect(nodes.first?.children[3].property("nummer")?.value == .number(4))
    }
}
