/// Accent- and case-insensitive comparison for search: `Coöperatie`, `cooperatie` and `COÖPERATIE`
/// fold to the same text. One folded character per original character, so positions carry over.
enum Folding {
    static func fold(_ c: Character) -> Character {
        if c.isASCII {
            return c.isUppercase ? Character(c.lowercased()) : c
        }
        if let base = table[c] { return base }
        let lower = c.lowercased()
        if lower.count == 1, let l = lower.first {
            return table[l] ?? l
        }
        return c
    }

    static func fold(_ text: String) -> [Character] {
        text.map(fold)
    }

    /// Latin letters with diacritics (lowercase and uppercase) and typographic quotes and dashes, by their base form; shared
    /// with `ByteFolding`.
    static let groups: [(String, Character)] = [
        ("àáâãäåāăąÀÁÂÃÄÅĀĂĄ", "a"), ("çćĉċčÇĆĈĊČ", "c"), ("ďđĎĐ", "d"),
        ("èéêëēĕėęěÈÉÊËĒĔĖĘĚ", "e"), ("ĝğġģĜĞĠĢ", "g"), ("ĥħĤĦ", "h"),
        ("ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ", "i"), ("ĵĴ", "j"), ("ķĶ", "k"), ("ĺļľŀłĹĻĽĿŁ", "l"),
        ("ñńņňÑŃŅŇ", "n"), ("òóôõöøōŏőÒÓÔÕÖØŌŎŐ", "o"), ("ŕŗřŔŖŘ", "r"),
        ("śŝşšŚŜŞŠß", "s"), ("ţťŧŢŤŦ", "t"), ("ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ", "u"),
        ("ŵŴ", "w"), ("ýÿŷÝŸŶ", "y"), ("źżžŹŻŽ", "z"), ("ĳĲ", "ĳ"),
        ("‘’‚′", "'"), ("“”„″", "\""), ("–—", "-"),
    ]

    private static let table: [Character: Character] = {
        var table: [Character: Character] = [:]
        for (letters, base) in groups {
            for letter in letters { table[letter] = base }
        }
        return table
    }()
}
