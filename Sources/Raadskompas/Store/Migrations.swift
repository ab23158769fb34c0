import GRDB

extension Store {
    /// Versioned migrations. Never change a shipped migration: add a new one.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 werkbladen") { db in
            try db.execute(sql: "PRAGMA application_id = \(Store.applicationID)")
            try db.create(table: "werkblad") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("naam", .text).notNull().unique(onConflict: .abort).collate(.nocase)
                t.column("eigenaar", .text).notNull().defaults(to: "")
                t.column("soort", .text).notNull().defaults(to: "raadslid")
                    .check(sql: "soort IN ('raadslid', 'fractie', 'raad')")
                t.column("gemeente", .text).notNull().defaults(to: "")
                t.column("aangemaakt", .datetime).notNull()
                t.column("gewijzigd", .datetime).notNull()
            }
            try db.create(table: "item") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("werkblad", onDelete: .cascade).notNull()
                t.column("stap", .text).notNull()
                    .check(sql: "stap IN ('waarden', 'principes', 'resultaten', 'kwaliteitseisen')")
                t.column("kant", .text).notNull().check(sql: "kant IN ('zelf', 'samen')")
                t.column("volgorde", .integer).notNull()
                t.column("tekst", .text).notNull()
                t.column("toelichting", .text).notNull().defaults(to: "")
                t.column("percentage", .double)
                t.column("jaar", .integer)
                t.column("indicator", .text)
            }
            try db.create(index: "item_per_werkblad", on: "item", columns: ["werkbladId", "stap", "kant", "volgorde"])
            try db.create(table: "koppeling") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("werkblad", onDelete: .cascade).notNull()
                t.column("volgorde", .integer).notNull()
                t.column("waarde", .text).notNull()
                t.column("principe", .text).notNull()
                t.column("onderbouwing", .text).notNull().defaults(to: "")
                t.column("resultaat", .text).notNull()
            }
        }
        migrator.registerMigration("v2 voortgang") { db in
            // Where guided filling stopped ("principes/samen"), so it resumes there.
            try db.alter(table: "werkblad") { t in
                t.add(column: "positie", .text).notNull().defaults(to: "")
            }
        }
        migrator.registerMigration("v3 raadsvoorstellen") { db in
            try db.create(table: "voorstel") { t in
                t.column("id", .text).primaryKey()
                t.column("titel", .text).notNull()
                t.column("datum", .text)
                t.column("gemeente", .text).notNull().defaults(to: "")
                t.column("portefeuille", .text).notNull().defaults(to: "")
                t.column("onderwerp", .text).notNull().defaults(to: "")
                t.column("wetten", .text).notNull().defaults(to: "")
                t.column("tekst", .text).notNull()
                t.column("hash", .text).notNull()
                t.column("bron", .text).notNull().defaults(to: "")
                t.column("geimporteerd", .datetime).notNull()
            }
            try db.create(table: "beoordeling") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("voorstel", onDelete: .cascade).notNull()
                t.column("beoordelaar", .text).notNull()
                t.column("criterium", .text).notNull()
                t.column("score", .integer).check(sql: "score IS NULL OR score BETWEEN 0 AND 3")
                t.column("nvt", .boolean).notNull().defaults(to: false)
                t.column("toelichting", .text).notNull().defaults(to: "")
                t.column("gewijzigd", .datetime).notNull()
                t.uniqueKey(["voorstelId", "beoordelaar", "criterium"], onConflict: .replace)
            }
        }
        migrator.registerMigration("v4 adviezen") { db in
            try db.create(table: "adviesraad") { t in
                t.column("id", .text).primaryKey()
                t.column("naam", .text).notNull()
                t.column("gemeente", .text).notNull().defaults(to: "")
                // The college's reactietermijn in weeks, from the gemeente's own verordening; NULL: not set.
                t.column("reactietermijn", .integer)
            }
            try db.create(table: "advies") { t in
                t.column("id", .text).primaryKey()
                t.column("raad", .text).notNull().references("adviesraad", onDelete: .restrict)
                t.column("soort", .text).notNull().check(sql: "soort IN ('voorkant', 'gevraagd', 'ongevraagd', 'signaal')")
                t.column("onderwerp", .text).notNull()
                t.column("thema", .text).notNull().defaults(to: "")
                t.column("wetten", .text).notNull().defaults(to: "")
                t.column("aangevraagd", .text)
                t.column("uitgebracht", .text)
                t.column("reactieOntvangen", .text)
                t.column("bijRaadsstukken", .text)
                t.column("voorstel", .text)
            }
            try db.create(table: "aanbeveling") { t in
                t.belongsTo("advies", onDelete: .cascade).notNull()
                t.column("nummer", .integer).notNull()
                t.column("tekst", .text).notNull()
                t.column("reactie", .text).check(sql: "reactie IS NULL OR reactie IN ('overgenomen', 'deels', 'niet')")
                t.column("motivering", .text).notNull().defaults(to: "")
                t.primaryKey(["adviesId", "nummer"])
            }
        }
        migrator.registerMigration("v5 metingen") { db in
            try db.create(table: "meting") { t in
                t.column("indicator", .text).notNull()
                t.column("gebied", .text).notNull()
                t.column("periode", .text).notNull()
                t.column("waarde", .double)
                t.column("voorlopig", .boolean).notNull().defaults(to: false)
                t.column("bron", .text).notNull().defaults(to: "")
                t.primaryKey(["indicator", "gebied", "periode"])
            }
        }
        return migrator
    }()
}
