/// What a werkblad still misses, and what several werkbladen share.
public enum WerkbladAnalysis {
    /// Warnings about the koppeltabel: a resultaat that no principe supports, a waarde that leads
    /// nowhere. Texts are compared without regard to case, accents and surrounding space.
    public static func warnings(_ content: WerkbladInhoud) -> [String] {
        let linkedValues = Set(content.koppelingen.map { key($0.waarde) })
        let linkedResults = Set(content.koppelingen.filter { !$0.principe.isEmpty }.map { key($0.resultaat) })
        var warnings: [String] = []
        var seen = Set<String>()
        for item in content.items where item.stap == .waarden && seen.insert("w" + key(item.tekst)).inserted {
            if !linkedValues.contains(key(item.tekst)) {
                warnings.append("De waarde ‘\(item.tekst)’ leidt nog nergens heen: koppel haar aan een leidend principe.")
            }
        }
        for item in content.items where item.stap == .resultaten && seen.insert("r" + key(item.tekst)).inserted {
            if !linkedResults.contains(key(item.tekst)) {
                warnings.append("Het resultaat ‘\(item.tekst)’ wordt door geen leidend principe gedragen.")
            }
        }
        return warnings
    }

    /// The comparison key of an answer.
    static func key(_ text: String) -> String {
        String(Folding.fold(text.trimmingCharacters(in: .whitespacesAndNewlines)))
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// One answer as it occurs in several werkbladen.
    public struct Shared: Sendable, Equatable {
        public let stap: VisieStap
        public let tekst: String
        /// The werkbladen (by name) that contain it, in the order given.
        public let werkbladen: [String]
    }

    /// Per step, every distinct answer with the werkbladen that hold it, most shared first.
    public static func compare(_ contents: [WerkbladInhoud]) -> [Shared] {
        var result: [Shared] = []
        for stap in VisieStap.allCases {
            var order: [String] = []
            var texts: [String: String] = [:]
            var owners: [String: [String]] = [:]
            for content in contents {
                for item in content.items where item.stap == stap {
                    let k = key(item.tekst)
                    if texts[k] == nil {
                        texts[k] = item.tekst.trimmingCharacters(in: .whitespacesAndNewlines)
                        order.append(k)
                    }
                    if owners[k]?.contains(content.werkblad.naam) != true { owners[k, default: []].append(content.werkblad.naam) }
                }
            }
            let entries = order.enumerated().map { index, k in (index, Shared(stap: stap, tekst: texts[k] ?? k, werkbladen: owners[k] ?? [])) }
            result += entries.sorted { $0.1.werkbladen.count != $1.1.werkbladen.count ? $0.1.werkbladen.count > $1.1.werkbladen.count : $0.0 < $1.0 }.map(\.1)
        }
        return result
    }
}

extension WerkbladAnalysis {
    /// A new werkblad (of the raad or a fractie) with every answer that at least `minimum` of
    /// `contents` share, each under `samen`, with where it came from as toelichting.
    public static func merge(_ contents: [WerkbladInhoud], into name: String, soort: Werkblad.Soort, minimum: Int) -> WerkbladInhoud {
        var merged = WerkbladInhoud(werkblad: Werkblad(naam: name, eigenaar: contents.map(\.werkblad.naam).joined(separator: ", "), soort: soort,
                                                       gemeente: contents.first?.werkblad.gemeente ?? ""), items: [], koppelingen: [])
        for shared in compare(contents) where shared.werkbladen.count >= minimum {
            let position = merged.items.filter { $0.stap == shared.stap }.count + 1
            merged.items.append(WerkbladItem(werkbladId: 0, stap: shared.stap, kant: .samen, volgorde: position, tekst: shared.tekst,
                                             toelichting: "uit " + shared.werkbladen.joined(separator: ", ")))
        }
        return merged
    }
}
