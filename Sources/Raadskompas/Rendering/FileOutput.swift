import Foundation
import KompasDSL

/// Writes exports: whole or not at all (a temporary file in the same folder, then a rename), with a
/// Dutch diagnostic at the path when the folder is missing or not writable. An existing file is
/// replaced only when the statement said so (`ExportTarget`); a symbolic link is written through.
enum FileOutput {
    static func write(_ text: String, to path: String, at span: SourceSpan) throws(Diagnostic) {
        // No control character from a shared file or an import ends up in an export.
        try write(Data(SafeText.file(text).utf8), to: path, at: span)
    }

    static func write(_ data: Data, to path: String, at span: SourceSpan) throws(Diagnostic) {
        // Through a symbolic link to its target, so the link stays a link.
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .error("de map `\(directory)` bestaat niet", hint: "maak de map eerst, of kies een andere plek", at: span)
        }
        var existingIsDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &existingIsDirectory) {
            if existingIsDirectory.boolValue {
                throw .error("`\(path)` is een map", hint: "geef een bestandsnaam, bijvoorbeeld \"\(path)/werkblad.md\"", at: span)
            }
            guard ContentFiles.isRegularFile(url.path) else {
                throw .error("`\(path)` is geen gewoon bestand", hint: "kies een bestandsnaam in een gewone map", at: span)
            }
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw .error("kan niet schrijven in de map `\(directory)`", hint: "kies een map waarin je mag schrijven", at: span)
        }
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw .error("kan `\(path)` niet schrijven", hint: "controleer de schrijfrechten en of er ruimte op de schijf is; er is niets half geschreven", at: span)
        }
    }
}

/// Where an export goes: `~` is the user's `$HOME`, and an existing file is replaced only with
/// `overschrijf=ja` or after a yes in the shell.
enum ExportTarget {
    /// The field every exporting statement has.
    static let overschrijf = Slot.optional("overschrijf", .bool, help: "overschrijf=ja: een bestaand bestand met die naam wordt vervangen")

    /// `~/x.md` with the `$HOME` of the environment (not the password file's).
    static func expand(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty else { return path }
        return home + path.dropFirst()
    }
}

extension CommandContext {
    /// The path of argument `index` as an export target: expanded, and checked not to replace an
    /// existing file by surprise. Returns nil when the user said no in the shell.
    func exportPath(_ node: Node, argument index: Int) throws(Diagnostic) -> String? {
        let path = ExportTarget.expand(node.text(index))
        let span = node.arguments[index].span
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard FileManager.default.fileExists(atPath: resolved), ContentFiles.isRegularFile(resolved), !node.flag("overschrijf") else { return path }
        guard let confirm else {
            throw .error("`\(path)` bestaat al", hint: "kies een andere naam, of zet `overschrijf=ja` om het te vervangen", at: span)
        }
        return confirm("`\(path)` bestaat al. Overschrijven?") ? path : nil
    }
}
