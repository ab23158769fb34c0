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
        migrator.registerMigration("v6 koppelingen") { db in
            // Indicators a gemeente or fractie defines itself, next to the catalogue in Content/.
            try db.create(table: "eigenindicator") { t in
                t.column("id", .text).primaryKey()
                t.column("naam", .text).notNull()
                t.column("omschrijving", .text).notNull().defaults(to: "")
                t.column("eenheid", .text).notNull().defaults(to: "")
                t.column("richting", .text).check(sql: "richting IS NULL OR richting IN ('hoger-is-beter', 'lager-is-beter')")
                t.column("thema", .text).notNull().defaults(to: "")
            }
            // An aanbeveling of an advies linked to an indicator: the expected direction and horizon.
            // Keyed by advies and number (not a foreign key to `aanbeveling`): declaring an advies
            // again replaces its aanbevelingen, and the links must survive that.
            try db.create(table: "aanbevelingindicator") { t in
                t.belongsTo("advies", onDelete: .cascade).notNull()
                t.column("nummer", .integer).notNull()
                t.column("indicator", .text).notNull()
                t.column("richting", .text).notNull().check(sql: "richting IN ('omhoog', 'omlaag')")
                t.column("horizon", .integer)
                t.primaryKey(["adviesId", "nummer", "indicator"])
            }
            // A resultaat's target value on its indicator, and the gebied it is measured in.
            try db.alter(table: "item") { t in
                t.add(column: "doel", .double)
                t.add(column: "gebied", .text)
            }
            // A duiding of an indicator for one period (and gebied) with the four questions a–d.
            try db.create(table: "duiding") { t in
                t.column("indicator", .text).notNull()
                t.column("gebied", .text).notNull().defaults(to: "")
                t.column("periode", .text).notNull()
                t.column("a", .text).notNull().defaults(to: "")
                t.column("b", .text).notNull().defaults(to: "")
                t.column("c", .text).notNull().defaults(to: "")
                t.column("d", .text).notNull().defaults(to: "")
                t.column("door", .text).notNull().defaults(to: "")
                t.column("gewijzigd", .datetime).notNull()
                t.primaryKey(["indicator", "gebied", "periode"])
            }
            // Every import run gets a number; a row written twice in one run is a duplicate line.
            try db.create(table: "metingimport") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("pad", .text).notNull()
                t.column("datum", .datetime).notNull()
                t.column("regels", .integer).notNull().defaults(to: 0)
            }
            // Measurements move to a WITHOUT ROWID table: the key is stored once (not in a table and
            // an index), which halves the writes of a large import. The path per row becomes an
            // import run. `import` is the run that last saw the row (a second sighting in the same
            // run is a duplicate line); `wijziging` the run that last changed its value.
            try db.execute(sql: """
                CREATE TABLE meting_v6 (
                    indicator TEXT NOT NULL, gebied TEXT NOT NULL, periode TEXT NOT NULL,
                    waarde DOUBLE, voorlopig BOOLEAN NOT NULL DEFAULT 0, import INTEGER, wijziging INTEGER,
                    PRIMARY KEY (indicator, gebied, periode)) WITHOUT ROWID;
                INSERT INTO metingimport (pad, datum, regels)
                    SELECT bron, CURRENT_TIMESTAMP, count(*) FROM meting GROUP BY bron ORDER BY min(rowid);
                INSERT INTO meting_v6 (indicator, gebied, periode, waarde, voorlopig, import, wijziging)
                    SELECT m.indicator, m.gebied, m.periode, m.waarde, m.voorlopig, i.id, i.id
                    FROM meting m JOIN metingimport i ON i.pad = m.bron;
                DROP TABLE meting;
                ALTER TABLE meting_v6 RENAME TO meting;
                """)
        }
        migrator.registerMigration("v7 geschiedenis") { db in
            // Every change to user data is recorded, in the same transaction: see `Journal`.
            try Journal.createTables(db)
            try Journal.installLegacyTriggers(db)
        }
        migrator.registerMigration("v8 registratienummer") { db in
            // The voorstel's own number (registratie-, zaak- or voorstelnummer), read from its header.
            try db.alter(table: "voorstel") { t in
                t.add(column: "registratienummer", .text).notNull().defaults(to: "")
            }
            // A table of user data changed: the history triggers name its columns.
            try Journal.installLegacyTriggers(db)
        }
        migrator.registerMigration("v9 doel") { db in
            // One kind of target for a resultaat: value, unit and direction next to year,
            // indicator and gebied. A streefpercentage becomes a value in `%`.
            try db.alter(table: "item") { t in
                t.add(column: "eenheid", .text)
                t.add(column: "richting", .text).check(sql: "richting IS NULL OR richting IN ('omhoog', 'omlaag')")
            }
            try db.execute(sql: "UPDATE item SET doel = percentage, eenheid = '%' WHERE percentage IS NOT NULL AND doel IS NULL")
            try db.execute(sql: "UPDATE item SET percentage = NULL WHERE percentage IS NOT NULL")
            try Journal.installLegacyTriggers(db)
        }
        migrator.registerMigration("v10 gebieden") { db in
            // Why a value is missing: `onbekend` (CBS writes "."), `nvt` (an empty cell: cannot occur),
            // `geheim` ("x"). `voorlopig` becomes a status: 0 definitief, 1 voorlopig, 2 nader voorlopig.
            try db.execute(sql: """
                ALTER TABLE meting ADD COLUMN ontbreekt TEXT;
                UPDATE meting SET ontbreekt = 'onbekend' WHERE waarde IS NULL;
                ALTER TABLE metingvoor ADD COLUMN ontbreekt TEXT;
                ALTER TABLE metingimport ADD COLUMN selectie TEXT NOT NULL DEFAULT '';
                ALTER TABLE aanbevelingindicator ADD COLUMN gebied TEXT;
                CREATE TABLE instelling (sleutel TEXT PRIMARY KEY, waarde TEXT NOT NULL);
                """)
            try Journal.installLegacyTriggers(db)
        }
        migrator.registerMigration("v11 geschiedenis per wijziging") { db in
            // One row per change instead of one per changed record; TEMP triggers (see `Journal`).
            try Journal.migrateToOneRowPerChange(db)
        }
        migrator.registerMigration("v12 sessie") { db in
            // Which session (a shell, a script) made a change: `ongedaan` says so when it undoes
            // another session's change while this one has its own.
            try db.execute(sql: "ALTER TABLE wijziging ADD COLUMN sessie TEXT")
        }
        return migrator
    }()
}
