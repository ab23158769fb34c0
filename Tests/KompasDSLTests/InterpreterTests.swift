import Testing
@testable import KompasDSL

@Suite struct InterpreterTests {
    func value(_ expression: String) -> Value? {
        try? evaluate(expression).get()
    }

    @Test func arithmeticAndPrecedence() {
        #expect(value("(1 + 2 * 3)") == .number(7))
        #expect(value("((1 + 2) * 3)") == .number(9))
        #expect(value("(10 / 4)") == .number(2.5))
        #expect(value("(-3 + 1)") == .number(-2))
        #expect(value("(40% + 5%)") == .percent(45))
        #expect(value("(2 * 10%)") == .number(0.2))
        #expect(value("(1000 * 40%)") == .number(400))
    }

    @Test func comparisonsAndLogic() {
        #expect(value("(3 > 2 en niet (1 == 2))") == .bool(true))
        #expect(value("(nee of 2 <= 2)") == .bool(true))
        #expect(value("(\"a\" != \"b\")") == .bool(true))
        #expect(value("(2026-01-01 < 2026-03-12)") == .bool(true))
        #expect(value("([1, 2] == [1, 2])") == .bool(true))
    }

    @Test func shortCircuit() {
        // The right side would fail (unknown variable) if it were evaluated.
        #expect(value("(nee en $bestaatniet)") == .bool(false))
        #expect(value("(ja of $bestaatniet)") == .bool(true))
    }

    @Test func dates() {
        #expect(value("(2026-02-27 + 3)") == .date(DateValue(year: 2026, month: 3, day: 2)!))
        #expect(value("(2026-03-12 - 2026-01-01)") == .number(70))
        #expect(value("jaar(2026-03-12)") == .number(2026))
        #expect(value("dagen_tussen(2024-02-28, 2024-03-01)") == .number(2))
    }

    @Test func textAndLists() {
        #expect(value("(\"a\" + \"b\")") == .text("ab"))
        #expect(value("lengte(\"Coöperatie\")") == .number(10))
        #expect(value("samenvoegen(splits(\"a,b,c\", \",\"), \"-\")") == .text("a-b-c"))
        #expect(value("bevat([wmo, jeugdwet], wmo)") == .bool(true))
        #expect(value("som([1, 2, 3])") == .number(6))
        #expect(value("gemiddelde([10%, 20%])") == .percent(15))
        #expect(value("afronden(2.345, 2)") == .number(2.35))
        #expect(value("bereik(1, 3)") == .list([.number(1), .number(2), .number(3)]))
        #expect(value("getal(\"3,5\")") == .number(3.5))
    }

    @Test func interpolation() {
        let (nodes, diagnostics) = runAll("""
            laat naam = "Sanne"
            laat n = 3
            uit "Hallo $naam, je hebt ${$n + 1} kaarten en ${n} stappen; kosten \\$5."
            """)
        #expect(diagnostics.isEmpty)
        #expect(nodes.first?.arguments.first?.value == .text("Hallo Sanne, je hebt 4 kaarten en 3 stappen; kosten $5."))
    }

    @Test func loopsConditionsAndScopes() {
        let (nodes, diagnostics) = runAll("""
            laat totaal = 0
            voor elk x in [1, 2, 3] {
              laat totaal = $totaal + $x
              als $x == 2 { twee $x } anders als $x == 3 { drie } anders { anders_ $x }
            }
            som $totaal
            """)
        #expect(diagnostics.isEmpty)
        #expect(nodes.map(\.name) == ["anders_", "twee", "drie", "som"])
        #expect(nodes.last?.arguments.first?.value == .number(6))
    }

    @Test func loopVariableDoesNotLeak() {
        let diagnostics = runAll("voor elk x in [1] { a }\nb $x", policy: .stop).diagnostics
        #expect(diagnostics.first?.summary == "onbekende variabele `$x`")
    }

    @Test func nodesInsideBlocksAreGenerated() {
        let (nodes, diagnostics) = runAll("lijst {\n  voor elk i in bereik(1, 3) { punt \"nr $i\" }\n}")
        #expect(diagnostics.isEmpty)
        #expect(nodes.first?.children.map { $0.arguments[0].value } == [.text("nr 1"), .text("nr 2"), .text("nr 3")])
    }

    @Test func runtimeErrorsNameTheSpan() {
        let source = MarkedSource("laat a = 1\nlaat b = 1️⃣$c + 1\n")
        let diagnostics = runAll(source.text, policy: .stop).diagnostics
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].span?.location == source.location("1️⃣"))
    }

    @Test func typoInVariableSuggestsTheName() {
        let diagnostics = runAll("laat aantal = 1\nx $aantla", policy: .stop).diagnostics
        #expect(diagnostics.first?.hint == "bedoelde je `$aantal`?")
    }

    @Test func typeErrors() {
        if case .failure(let d) = evaluate("(\"a\" + 1)") { #expect(d.summary == "`+` kan niet met een tekst en een getal") } else { Issue.record("expected error") }
        if case .failure(let d) = evaluate("(1 / 0)") { #expect(d.summary == "delen door nul") } else { Issue.record("expected error") }
        if case .failure(let d) = evaluate("lengte(1, 2)") { #expect(d.summary.hasPrefix("`lengte` verwacht 1 argument")) } else { Issue.record("expected error") }
        if case .failure(let d) = evaluate("lengt(1)") { #expect(d.hint == "bedoelde je `lengte`?") } else { Issue.record("expected error") }
        if case .failure(let d) = evaluate("bereik(1, 100000000)") { #expect(d.summary.contains("te groot")) } else { Issue.record("expected error") }
    }

    @Test func conditionMustBeBoolean() {
        let diagnostics = runAll("als 1 { a }", policy: .stop).diagnostics
        #expect(diagnostics.first?.summary == "een voorwaarde moet ja of nee zijn, maar is een getal")
    }

    @Test func scriptStopsAtFirstError() {
        let (nodes, diagnostics) = runAll("a\nb $x\nc", policy: .stop)
        #expect(nodes.map(\.name) == ["a"])
        #expect(diagnostics.count == 1)
    }

    @Test func duplicateProperty() {
        let diagnostics = runAll("a x=1 x=2").diagnostics
        #expect(diagnostics.first?.summary == "eigenschap `x` staat er twee keer")
    }
}

@Suite struct InterpreterEdgeTests {
    @Test func lineBreaksInsideParentheses() {
        let (nodes, diagnostics) = runAll("x (1 +\n  2 *\n  3)\ny [1,\n 2]\n")
        #expect(diagnostics.isEmpty)
        #expect(nodes.first?.arguments.first?.value == .number(7))
        #expect(nodes.map(\.name) == ["x", "y"])
    }

    @Test func chainedComparisonIsExplained() {
        #expect(runAll("x (1 < 2 < 3)").diagnostics.first?.summary == "vergelijkingen kun je niet aan elkaar rijgen")
    }

    @Test func variableMayShareAFunctionName() {
        let (nodes, diagnostics) = runAll("laat jaar = 2026\nx ($jaar + jaar(2020-01-01))")
        #expect(diagnostics.isEmpty)
        #expect(nodes.first?.arguments.first?.value == .number(4046))
    }

    @Test func hugeRangeIsAnErrorNotACrash() {
        #expect(runAll("x bereik(10000000000000000000, 10000000000000000000)").diagnostics.first?.summary.hasPrefix("`bereik` werkt met hele getallen") == true)
    }

    @Test func dutchNumbers() {
        #expect(StandardLibrary.parseDutchNumber("1.250,75") == 1250.75)
        #expect(StandardLibrary.parseDutchNumber("-3,5") == -3.5)
        #expect(StandardLibrary.parseDutchNumber("0x10") == nil)
        #expect(StandardLibrary.parseDutchNumber("1e3") == nil)
        #expect(StandardLibrary.parseDutchNumber("") == nil)
    }

    @Test func commentAfterTextBlockOpening() {
        #expect(runAll("x \"\"\"  # uitleg\n  a\n  \"\"\"").diagnostics.isEmpty)
    }

    @Test func mixedPercentagesAndNumbers() {
        #expect(runAll("x som([10%, 5])").diagnostics.first?.summary == "de lijst mengt percentages en getallen")
    }
}
