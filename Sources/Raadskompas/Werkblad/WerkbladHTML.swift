import KompasDSL
import Plot

/// The werkblad and the blank invulschema as one self-contained HTML page: Dutch, readable on
/// screen, and with an A4 print stylesheet that puts each step on its own page. Built with Plot,
/// which escapes all text, so nothing a user types can become markup or script.
enum WerkbladHTML {
    /// Prompts and explanation per step, from the visie card.
    struct Guidance {
        var explanation: [VisieStap: String] = [:]
        var prompts: [VisieStap: [Kant: [String]]] = [:]
        var linkTableExplanation = ""
        var source = ""

        init(template: Card?) {
            guard let template else { return }
            source = template.source
            for block in template.blocks {
                switch block {
                case .step(let id, _, _, let text, let alone, let together, _):
                    guard let stap = VisieStap(rawValue: id) else { continue }
                    explanation[stap] = text
                    prompts[stap] = [.zelf: alone.prompts, .samen: together.prompts]
                case .linkTable(let text, _):
                    linkTableExplanation = text
                default:
                    break
                }
            }
        }
    }

    static let stylesheet = """
        :root { --inkt: #1d2733; --accent: #0b5c8a; --lijn: #c9d3dd; }
        * { box-sizing: border-box; }
        body { font-family: "Source Sans 3", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--inkt);
               line-height: 1.45; max-width: 52rem; margin: 2rem auto; padding: 0 1.25rem; }
        header { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; }
        h1 { color: var(--accent); margin: 0 0 .25rem; font-size: 1.9rem; }
        .gegevens { margin: 0 0 .75rem; color: #4a5a6a; }
        section.stap { margin-top: 2rem; }
        h2 { color: var(--accent); border-bottom: 1px solid var(--lijn); padding-bottom: .2rem; }
        h3 { margin: 1.1rem 0 .3rem; font-size: 1.05rem; text-transform: uppercase; letter-spacing: .04em; color: #4a5a6a; }
        .uitleg { font-style: italic; }
        .noteer { margin: .2rem 0; padding-left: 1.4rem; text-indent: -1.4rem; }
        .noteer::before { content: "✎ "; color: var(--accent); }
        ol.antwoorden li { margin: .25rem 0; }
        .doel, .toelichting { color: #4a5a6a; font-size: .95em; }
        .leeg { color: #7a8a9a; font-style: italic; }
        .schrijfruimte { height: 10rem; margin: .4rem 0 1rem;
                         background: repeating-linear-gradient(to bottom, transparent 0 calc(2rem - 1px), var(--lijn) calc(2rem - 1px) 2rem); }
        table { border-collapse: collapse; width: 100%; margin-top: .5rem; }
        th, td { border: 1px solid var(--lijn); padding: .4rem .5rem; vertical-align: top; text-align: left; }
        th { background: #eef3f7; }
        td.invul { height: 3.2rem; }
        footer { margin-top: 2.5rem; border-top: 1px solid var(--lijn); padding-top: .5rem; font-size: .85rem; color: #4a5a6a; }
        @page { size: A4; margin: 18mm 16mm; }
        @media print {
          body { margin: 0; max-width: none; font-size: 11pt; }
          section.stap, section.koppeltabel { break-before: page; }
          h2, h3 { break-after: avoid; }
          li, tr { break-inside: avoid; }
        }
        """

    static func page(title: String, header: Plot.Node<HTML.BodyContext>, sections: [Plot.Node<HTML.BodyContext>], source: String) -> String {
        let html = HTML(
            .lang(.dutch),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Not Plot's `.title`: it also copies the title, unescaped, into social-media meta
                // attributes, where a quote in a werkblad's name would break out of the attribute.
                .element(named: "title", nodes: [Plot.Node<HTML.HeadContext>.text(title)]),
                .style(stylesheet)
            ),
            .body(
                header,
                .group(sections),
                .footer(.p(.text("Gemaakt met Raadskompas. Werkwijze en vragen: \(source.isEmpty ? "Het sociaal domein 2.0" : source).")))
            )
        )
        return html.render(indentedBy: .spaces(2)) + "\n"
    }

    /// The filled-in werkblad.
    static func werkblad(_ content: WerkbladInhoud, guidance: Guidance) -> String {
        let w = content.werkblad
        var details: [String] = []
        if !w.eigenaar.isEmpty { details.append("Van: \(w.eigenaar)") }
        details.append(w.soort == .raad ? "Werkblad van de raad (samen)" : "Werkblad van een \(w.soort.rawValue)")
        if !w.gemeente.isEmpty { details.append("Gemeente \(w.gemeente)") }
        let header: Plot.Node<HTML.BodyContext> = .header(.h1(.text(w.naam)), .p(.class("gegevens"), .text(details.joined(separator: " · "))))
        var sections = VisieStap.allCases.map { stap in
            stepSection(stap, guidance: guidance, heading: { $0 == .zelf ? "Zelf" : "Samen" }) { answers(content.items(stap, $0)) }
        }
        sections.append(linkTable(content.koppelingen, explanation: guidance.linkTableExplanation, blankRows: 0))
        return page(title: w.naam, header: header, sections: sections, source: guidance.source)
    }

    /// The blank form with writing space, for the dialoogavond.
    static func invulschema(guidance: Guidance) -> String {
        let header: Plot.Node<HTML.BodyContext> = .header(
            .h1("Visie op het sociaal domein — invulschema"),
            .p(.class("gegevens"), .text("Naam: ______________________________    Fractie/raad: ____________________    Datum: ____________"))
        )
        var sections = VisieStap.allCases.map { stap in
            stepSection(stap, guidance: guidance, heading: { $0 == .zelf ? "Wat kun je zelf doen?" : "Wat kun je als raadsleden samen doen?" }) { _ in
                .div(.class("schrijfruimte"))
            }
        }
        sections.append(linkTable([], explanation: guidance.linkTableExplanation, blankRows: 6))
        return page(title: "Visie op het sociaal domein — invulschema", header: header, sections: sections, source: guidance.source)
    }

    /// One step: its title, explanation, and per side the "Noteer" prompts and `content`.
    static func stepSection(_ stap: VisieStap, guidance: Guidance, heading: (Kant) -> String,
                            content: (Kant) -> Plot.Node<HTML.BodyContext>) -> Plot.Node<HTML.BodyContext> {
        .section(
            .class("stap"),
            .h2(.text("Stap \(stap.nummer): \(stap.titel)")),
            .unwrap(guidance.explanation[stap]) { .p(.class("uitleg"), .text($0)) },
            .group(Kant.allCases.map { kant in
                .group(
                    .h3(.text(heading(kant))),
                    .forEach(guidance.prompts[stap]?[kant] ?? []) { .p(.class("noteer"), .text($0)) },
                    content(kant)
                )
            })
        )
    }

    static func answers(_ items: [WerkbladItem]) -> Plot.Node<HTML.BodyContext> {
        guard !items.isEmpty else { return .p(.class("leeg"), "Nog niets ingevuld.") }
        return .ol(.class("antwoorden"), .forEach(items) { item in
            let target = item.doelTekst
            return .li(
                .text(item.tekst),
                .if(target != nil, .span(.class("doel"), .text(" (doel: \(target ?? ""))"))),
                .if(!item.toelichting.isEmpty, .group(.br(), .span(.class("toelichting"), .text(item.toelichting))))
            )
        })
    }

    static func linkTable(_ links: [Koppeling], explanation: String, blankRows: Int) -> Plot.Node<HTML.BodyContext> {
        .section(
            .class("koppeltabel"),
            .h2("Koppeltabel"),
            .if(!explanation.isEmpty, .p(.class("uitleg"), .text(explanation))),
            .table(
                .tr(.th("Maatschappelijke waarde"), .th("Leidend principe"), .th("Onderbouwing"), .th("Maatschappelijk resultaat")),
                .forEach(links) { link in
                    .tr(.td(.text(link.waarde)), .td(.text(link.principe)), .td(.text(link.onderbouwing)), .td(.text(link.resultaat)))
                },
                .forEach(0..<blankRows) { _ in
                    .tr(.td(.class("invul")), .td(.class("invul")), .td(.class("invul")), .td(.class("invul")))
                }
            ),
            .if(links.isEmpty && blankRows == 0, .p(.class("leeg"), "Nog geen koppelingen."))
        )
    }
}
