import Foundation
import ZIPFoundation

/// The text of a raadsvoorstel from `.txt`/`.md` (UTF-8, or Windows-1252 as older word processors
/// write it), `.pdf` (through `pdftotext` from poppler-utils) or `.docx` (its XML, read from the zip).
public enum TextImport {
    public struct Imported: Sendable, Equatable {
        public let text: String
        /// Something the user should know ("omgezet uit Windows-1252").
        public let notes: [String]
    }

    public enum Failure: Error, Sendable, Equatable {
        case missing(String)
        case isDirectory(String)
        /// A device, pipe or socket.
        case notAFile(String)
        case unreadable(String)
        case empty(String)
        case unknownKind(String)
        case noPdfToText
        case noTextLayer(String)
        case badDocx(String)
        case tooLarge(String, megabytes: Int)

        public var message: String {
            switch self {
            case .missing(let path): "bestand `\(path)` bestaat niet"
            case .notAFile(let path): "`\(path)` is geen gewoon bestand"
            case .isDirectory(let path): "`\(path)` is een map, geen bestand"
            case .unreadable(let path): "kan `\(path)` niet lezen"
            case .empty(let path): "`\(path)` bevat geen tekst"
            case .unknownKind(let path): "Raadskompas kan `\((path as NSString).pathExtension)`-bestanden niet lezen"
            case .noPdfToText: "voor PDF-bestanden is `pdftotext` nodig, en dat is niet geïnstalleerd"
            case .noTextLayer(let path): "`\(path)` heeft geen tekstlaag: het lijkt een gescande PDF"
            case .badDocx(let path): "`\(path)` is geen leesbaar Word-bestand"
            case .tooLarge(let path, let megabytes): "`\(path)` is te groot (\(megabytes) MB)"
            }
        }

        public var hint: String {
            switch self {
            case .missing, .isDirectory: "controleer de naam en de map"
            case .notAFile: "geef het bestand met de tekst van het voorstel; een apparaat of pijp kan Raadskompas niet lezen"
            case .unreadable: "controleer of je leesrechten hebt"
            case .empty: "kies het bestand met de tekst van het voorstel"
            case .unknownKind: "gebruik .txt, .md, .pdf of .docx"
            case .noPdfToText: "installeer poppler-utils (`apt-get install poppler-utils`), of sla het voorstel op als .txt of .docx"
            case .noTextLayer: "haal de tekst er eerst uit met OCR, of vraag de griffie om de tekstversie"
            case .badDocx: "open het in Word of LibreOffice en sla het opnieuw op als .docx"
            case .tooLarge: "een raadsvoorstel is hoogstens 50 MB"
            }
        }
    }

    public static let maxSize = 50 * 1_048_576

    public static func read(_ path: String) throws(Failure) -> Imported {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(path) }
        if isDirectory.boolValue { throw .isDirectory(path) }
        guard ContentFiles.isRegularFile(path) else { throw .notAFile(path) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > maxSize { throw .tooLarge(path, megabytes: size / 1_048_576) }
        let imported: Imported
        switch (path as NSString).pathExtension.lowercased() {
        case "txt", "md", "text", "":
            guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
            imported = decode(data)
        case "pdf":
            imported = try pdf(path)
        case "docx":
            imported = try docx(path)
        default:
            throw .unknownKind(path)
        }
        guard !isBlank(imported.text) else { throw .empty(path) }
        return imported
    }

    /// UTF-8 (a byte order mark is dropped); otherwise Windows-1252, which every byte sequence is.
    static func decode(_ data: Data) -> Imported {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return Imported(text: normalized(text), notes: [])
        }
        let text = String(data: Data(bytes), encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
        return Imported(text: normalized(text), notes: ["de tekst was geen UTF-8 en is gelezen als Windows-1252"])
    }

    /// Line breaks as `\n`, no NUL characters.
    static func normalized(_ text: String) -> String {
        // Most texts have neither; then the text is returned as it is, without a copy.
        guard text.utf8.contains(where: { $0 == 13 || $0 == 0 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousCR = false
        for b in text.utf8 {
            switch b {
            case 0: continue
            case 13: bytes.append(10); previousCR = true; continue
            case 10 where previousCR: break
            default: bytes.append(b)
            }
            previousCR = false
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a text has nothing but white space (checked on scalars, not on characters).
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    static func pdf(_ path: String) throws(Failure) -> Imported {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/pdftotext" }
        guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { throw .noPdfToText }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", path, "-"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw .noPdfToText }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw .unreadable(path) }
        let text = normalized(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n"))
        if isBlank(text) { throw .noTextLayer(path) }
        return Imported(text: text, notes: [])
    }

    static func docx(_ path: String) throws(Failure) -> Imported {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .badDocx(path)
        }
        guard let entry = archive["word/document.xml"] else { throw .badDocx(path) }
        var xml = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { xml.append($0) }
        } catch {
            throw .badDocx(path)
        }
        guard let text = WordText.extract([UInt8](xml)) else { throw .badDocx(path) }
        return Imported(text: normalized(text), notes: [])
    }
}
