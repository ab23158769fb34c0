import Plot

/// The shared look of the printable reports (APK, year overview, indicator report): one
/// stylesheet, A4 pages, Dutch. Each report adds only its own rules.
enum ReportHTML {
    static let stylesheet = """
        body { font-family: "Segoe UI", Roboto, Arial, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1d2733; }
        h1, h2, h3 { color: #0b5c8a; } table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
        th, td { border: 1px solid #c9d3dd; padding: .35rem .5rem; text-align: left; } th { background: #eef3f7; }
        svg { max-width: 100%; height: auto; }

        """

    /// The `<head>`: charset, title, the stylesheet plus `css`, and print rules plus `print`.
    static func head(_ title: String, css: String = "", print: String = "") -> Plot.Node<HTML.DocumentContext> {
        .head(.meta(.charset(.utf8)), .element(named: "title", nodes: [Plot.Node<HTML.HeadContext>.text(title)]),
              .style(stylesheet + css + "@page { size: A4; margin: 16mm; } @media print { body { margin: 0; }\(print) }\n"))
    }
}
