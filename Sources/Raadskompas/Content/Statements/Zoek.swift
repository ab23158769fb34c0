import KompasDSL

extension Command {
    /// `zoek WOORD…`: accent- and case-insensitive, ranked, with snippets.
    static let zoek = Command(
        "zoek", task: .kennisEnVisie,
        schema: NodeSchema("zoek", summary: "Zoekt in alle kaarten en in je eigen voorstellen, adviezen en werkbladen, zonder op hoofdletters en accenten te letten; de beste treffers eerst.",
                           arguments: [Slot("woorden", .word, help: "een of meer woorden, bijvoorbeeld `zoek eenzaamheid` of `zoek \"eigen risico\"`")],
                           repeatsLastArgument: true)
    ) { node, context throws(Diagnostic) in
        let query = node.arguments.compactMap { $0.value.stringValue }.joined(separator: " ")
        // Built on the first `zoek`: a shell that never searches does not pay for it.
        let index = context.memoized("zoekindex") { SearchIndex(library: context.library) }
        let (hits, total) = index.search(query)
        context.numberedTargets = hits.map(\.address)
        // The user's own voorstellen, adviezen, werkbladen and duidingen too, when there is a
        // database already (searching never makes one).
        let own = context.existingStore().flatMap { try? OwnRecordsSearch(store: $0).search(query) }
        return SearchRenderer(style: context.style).render(query: query, hits: hits, total: total, own: own)
    }
}
