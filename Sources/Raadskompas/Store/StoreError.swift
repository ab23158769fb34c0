/// Everything that can go wrong with the database, with the Dutch message a user reads.
public enum StoreError: Error, Sendable, Equatable {
    case noLocation
    case cannotCreateDirectory(String)
    case missingDirectory(String)
    case notADatabase(String)
    case notRaadskompas(String)
    case newerSchema(String)
    case readOnly(String)
    case locked(String)
    case corrupt(String)
    /// The record a change is about was removed meanwhile (by another shell, or an `ongedaan`).
    case gone(String)
    case other(String, detail: String)

    /// What happened, for the user.
    public var message: String {
        switch self {
        case .noLocation:
            "er is geen plek voor de database: HOME is niet gezet"
        case .cannotCreateDirectory(let path):
            "kan de map `\(path)` voor de database niet maken"
        case .missingDirectory(let path):
            "de map `\(path)` voor de database bestaat niet"
        case .notADatabase(let path):
            "`\(path)` is geen database"
        case .notRaadskompas(let path):
            "`\(path)` is een database van een ander programma, niet van Raadskompas"
        case .newerSchema(let path):
            "de database `\(path)` is gemaakt door een nieuwere versie van Raadskompas"
        case .readOnly(let path):
            "de database `\(path)` kan alleen gelezen worden"
        case .locked(let path):
            "de database `\(path)` is bezet door een ander programma"
        case .corrupt(let path):
            "de database `\(path)` is beschadigd"
        case .gone:
            "wat je wijzigt, bestaat niet meer: het is intussen verwijderd, misschien in een andere shell"
        case .other(let path, let detail):
            "fout in de database `\(path)`: \(detail)"
        }
    }

    /// What to do about it.
    public var hint: String {
        switch self {
        case .noLocation:
            "geef een database op met --db PAD of RAADSKOMPAS_DB"
        case .cannotCreateDirectory:
            "controleer je schrijfrechten, of kies een andere plek met --db PAD"
        case .missingDirectory:
            "maak de map eerst, of kies een andere plek met --db PAD"
        case .notADatabase, .notRaadskompas:
            "Raadskompas laat dit bestand ongemoeid; kies een ander bestand met --db PAD"
        case .newerSchema:
            "werk Raadskompas bij; deze versie laat de database ongemoeid"
        case .readOnly:
            "controleer de schrijfrechten van het bestand en de map, of kies een andere plek met --db PAD"
        case .locked:
            "wacht even en probeer het opnieuw, of sluit het andere programma"
        case .corrupt:
            "zet een reservekopie terug, of begin met een nieuwe database via --db PAD"
        case .gone:
            "kijk met `geschiedenis` wat er gebeurde; `ongedaan` of `herstel N` zet het terug"
        case .other:
            "probeer het opnieuw; blijft het misgaan, kies dan een andere database met --db PAD"
        }
    }
}
