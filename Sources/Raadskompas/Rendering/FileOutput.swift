import Foundation
import KompasDSL

/// Writes exports: whole or not at all (a temporary file in the same folder, then a rename), with a
/// Dutch diagnostic at the path when the folder is missing or not writable.
enum FileOutput {
    static func write(_ text: String, to path: String, at span: SourceSpan) throws(Diagnostic) {
        try write(Data(text.utf8), to: path, at: span)
    }

    static func write(_ data: Data, to path: String, at span: SourceSpan) throws(Diagnostic) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .error("de map `\(directory)` bestaat niet", hint: "maak de map eerst, of kies een andere plek", at: span)
        }
        var existingIsDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &existingIsDirectory), existingIsDirectory.boolValue {
            throw .error("`\(path)` is een map", hint: "geef een bestandsnaam, bijvoorbeeld \"\(path)/werkblad.md\"", at: span)
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw .error("kan niet schrijven in de map `\(directory)`", hint: "kies een map waarin je mag schrijven", at: span)
        }
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw .error("kan `\(path)` niet schrijven", hint: "controleer de schrijfrechten en of er ruimte op de schijf is", at: span)
        }
    }
}
