import GRDB

/// The names and ids in the database that Tab completion offers: werkblad names, voorstel,
/// advies and own-indicator ids. Read in one go; a failure just means nothing to offer.
struct CompletionNames {
    var werkbladen: [String] = []
    var voorstellen: [String] = []
    var adviezen: [String] = []
    var eigenIndicatoren: [String] = []

    static func load(from store: Store) -> CompletionNames {
        (try? store.read { db in
            CompletionNames(werkbladen: try String.fetchAll(db, sql: "SELECT naam FROM werkblad ORDER BY naam COLLATE NOCASE"),
                            voorstellen: try String.fetchAll(db, sql: "SELECT id FROM voorstel ORDER BY id"),
                            adviezen: try String.fetchAll(db, sql: "SELECT id FROM advies ORDER BY id"),
                            eigenIndicatoren: try String.fetchAll(db, sql: "SELECT id FROM eigenindicator ORDER BY id"))
        }) ?? CompletionNames()
    }
}
