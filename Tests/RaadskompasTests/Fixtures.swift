import Foundation
import KompasDSL
@testable import Raadskompas

/// The package root, found from this file's path.
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The bundled library, loaded once for all tests.
let bundledLibrary = ContentLibrary.load(ContentSource.bundled)

/// Loads `text` as an extra content file on top of the bundled content and returns the diagnostics
/// that belong to it.
func check(_ text: String, name: String = "test.kompas") -> (library: ContentLibrary, diagnostics: [Diagnostic]) {
    let library = ContentLibrary.load(ContentSource.bundled + [ContentSource(name: name, bytes: Array(text.utf8), layer: .extra)])
    return (library, library.diagnostics.filter { $0.span?.file.name == name })
}

/// Runs shell statements and returns the output and diagnostics.
func shell(_ text: String, library: ContentLibrary = bundledLibrary, width: Int = 80) -> (output: String, diagnostics: [Diagnostic]) {
    let session = Session(library: library, style: TextStyle(width: width, color: false))
    var output = ""
    let result = session.run(text) { output += $0 }
    return (output, result.diagnostics)
}

/// A complete, valid staalkaart to mutate in tests.
let validStaalkaart = """
    staalkaart testwet {
      titel "Testwet"
      afkorting "Tw"
      wettekst "https://wetten.overheid.nl/BWBR0000000"
      bron "Test"
      sectie doelen "Doelen" { tekst "a" }
      sectie verantwoordelijkheid "Verantwoordelijkheid" { punt "b" nummer=1 }
      sectie praktijk "Praktijk" { tekst "c" }
      sectie financiering "Financiering" { tekst "d" }
      sectie rol-raad "Rol van de raad" { vraag "e?"; zie wmo.doelen }
    }
    """

/// Runs statements in a session; its output and diagnostics.
func run(_ s: Session, _ text: String) -> (output: String, diagnostics: [Diagnostic]) {
    var output = ""
    let result = s.run(text) { output += $0 }
    return (output, result.diagnostics)
}
