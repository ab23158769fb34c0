import Plot

/// The printable leeswijzer of one analysed voorstel, as HTML (A4, Dutch): the parts, the
/// criteria with their citations, and the vragen aan het college. User text is always escaped by Plot.
extension AnalysisRenderer {
    public static func html(_ result: Analyzer.Result, criteria: [GuidedReview.Criterion]) -> String {
        let l = result.leeswijzer
        typealias Body = Plot.Node<HTML.BodyContext>
        func cited(_ text: String, _ regel: Int) -> Body { .group(.text("“\(text)” "), .span(.class("regel"), .text("regel \(regel)"))) }
        func list(_ items: [Leeswijzer.Citaat], empty: String) -> Body {
            items.isEmpty ? .p(.class("leeg"), .text(empty)) : .ul(.forEach(items) { .li(cited($0.tekst, $0.regel)) })
        }
        let css = """
            .regel { color: #5b6b7a; font-size: .85em; white-space: nowrap; } .leeg { color: #5b6b7a; font-style: italic; }
            .let-op { border-left: 4px solid #b3261e; padding: .3rem .6rem; background: #fbeceb; }
            .aanwezig { color: #1e6b2e; } .deels { color: #8a5a00; } .ontbreekt { color: #b3261e; } .waarom { font-style: italic; }

            """
        let velden = fieldLine(result.velden)
        let page = HTML(
            .lang(.dutch),
            ReportHTML.head("Leeswijzer: \(result.titel ?? result.bestand)", css: css),
            .body(
                .h1(.text("Leeswijzer: \(result.titel ?? result.bestand)")),
                .p(.class("leeg"), .text("\(result.bestand). Een voorstel van Raadskompas, geen oordeel: de raad beslist. Elk punt noemt de regel in het voorstel.")),
                .if(!velden.isEmpty, .p(.text(velden))),
                .if(l.leeg != nil, .p(.class("let-op"), .text(l.leeg ?? ""))),
                .if(l.leeg == nil, .group(
                    .h2("Wat wordt besloten"),
                    l.besluit.isEmpty ? .p(.class("leeg"), .text("Geen beslispunten gevonden.")) : .ol(.forEach(l.besluit) { .li(.text($0.tekst + " "), .span(.class("regel"), .text("regel \($0.regel)"))) }),
                    .h2("Wat kost het en hoe is het gedekt"),
                    .if(l.kosten.isEmpty && l.dekking.isEmpty, .p(.class("leeg"), .text(l.kostenGeen.map { "Het voorstel zegt zelf: “\($0.tekst)” (regel \($0.regel))." } ?? "Geen bedragen gevonden."))),
                    .ul(.forEach(l.kosten) { .li(.strong(.text($0.bedrag)), .text(": "), cited($0.tekst, $0.regel)) },
                        .forEach(l.dekking) { .li(.text("dekking: "), cited($0.tekst, $0.regel)) }),
                    .h2("Rol van de raad"),
                    .p(.strong(.text(l.rol.soort)), .text(" " + (l.rol.regel.map { "(regel \($0)) " } ?? "") + "— " + l.rol.uitleg)),
                    .if(l.rol.waarschuwing != nil, .p(.class("let-op"), .text("⚠ " + (l.rol.waarschuwing ?? "")))),
                    .h2("Doelen en SMART"),
                    l.doelen.isEmpty ? .p(.class("leeg"), .text("Geen doelen gevonden.")) : .table(
                        .tr(.th("Doel"), .th("Getal"), .th("Jaar"), .th("Indicator")),
                        .forEach(l.doelen) { doel in
                            .tr(.td(cited(doel.tekst, doel.regel)), .td(.text(doel.getal ? "✓" : "✗")), .td(.text(doel.jaar ? "✓" : "✗")), .td(.text(doel.indicator ? "✓" : "✗")))
                        }),
                    .h2("Participatie"),
                    .if(l.adviesOntbreekt, .p(.class("let-op"), .text("⚑ Dit is een kerndomeinvoorstel, maar het advies van de adviesraad wordt niet genoemd."))),
                    list(l.participatie, empty: "Geen adviesraad, inwoners of ervaringsdeskundigen genoemd."),
                    .h2("Termijnen en data"),
                    list(l.termijnen, empty: "Geen termijnen of data gevonden."),
                    .if(!l.jargon.isEmpty || !l.afkortingen.isEmpty, .group(
                        .h2("Jargon en afkortingen"),
                        .if(!l.jargon.isEmpty, .p(.text("Jargon: " + l.jargon.map { "\($0.tekst) (regel \($0.regel))" }.joined(separator: ", ")))),
                        .if(!l.afkortingen.isEmpty, .p(.text("Niet uitgelegd: " + l.afkortingen.map { "\($0.tekst) (regel \($0.regel))" }.joined(separator: ", "))))
                    )),
                    .h2("De criteria"),
                    .forEach(Analyzer.letters.compactMap { letter in result.criteria[letter].map { (letter, $0) } }) { letter, item in
                        .group(
                            .h3(.text("\(letter). \(criteria.first { $0.letter == letter }?.title ?? ""): "), .span(.class(item.oordeel.rawValue), .text(item.oordeel.rawValue))),
                            .p(.class("waarom"), .text(item.waarom)),
                            .ul(.forEach(item.bewijs.prefix(4)) { .li(cited($0.tekst, $0.regel)) },
                                .forEach(item.afwezig.prefix(2)) {
                                    $0.signaal.hasSuffix(Analyzer.emptyHeading)
                                        ? .li(.text("Het kopje ‘\($0.tekst)’ (regel \($0.regel)) staat er, maar zonder tekst eronder."))
                                        : .li(.text("Het voorstel zegt zelf: "), cited($0.tekst, $0.regel))
                                },
                                .forEach(item.ontbreekt) { .li(.text("Ontbreekt: \($0)")) })
                        )
                    },
                    .if(!result.signalen.isEmpty, .group(.h2("Verder"), .ul(.forEach(result.signalen) { .li(.text($0)) }))),
                    .h2("Vragen aan het college"),
                    result.vragen.isEmpty ? .p(.text("Geen: elk criterium is aanwezig.")) : .ol(.forEach(result.vragen) { .li(.text($0)) })
                ))
            )
        )
        return page.render(indentedBy: .spaces(2)) + "\n"
    }
}
