import Foundation
import KompasDSL

/// Turns an HTML page into a PDF through a renderer that is installed on the machine: headless
/// Chromium, or WeasyPrint. Raadskompas does not ship one; without one the message says what to do.
enum PDFRenderer {
    enum Engine: Equatable {
        case chromium(String)
        case weasyprint(String)
    }

    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> Engine? {
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        func lookup(_ name: String) -> String? {
            path.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            if let found = lookup(name) { return .chromium(found) }
        }
        return lookup("weasyprint").map(Engine.weasyprint)
    }

    static func write(html: String, to path: String, at span: SourceSpan) throws(Diagnostic) {
        guard let engine = find() else {
            throw .error("voor een PDF is Chromium of WeasyPrint nodig, en geen van beide is geïnstalleerd",
                         hint: "installeer er een (bijvoorbeeld `apt-get install chromium`), of exporteer naar .html en druk die af als PDF",
                         at: span)
        }
        let scratch = FileManager.default.temporaryDirectory.appending(path: "raadskompas-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: scratch.appending(path: "werkblad.html"))
        } catch {
            throw .error("kan geen tijdelijk bestand maken voor de PDF", hint: "controleer of er ruimte is in de tijdelijke map", at: span)
        }
        let input = scratch.appending(path: "werkblad.html")
        let output = scratch.appending(path: "werkblad.pdf")
        let process = Process()
        switch engine {
        case .chromium(let executable):
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                 "--user-data-dir=\(scratch.appending(path: "profiel").path)",
                                 "--print-to-pdf=\(output.path)", input.absoluteString]
        case .weasyprint(let executable):
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = [input.path, output.path]
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .error("kan de PDF-maker niet starten", hint: "controleer de installatie van Chromium of WeasyPrint", at: span)
        }
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            throw .error("het maken van de PDF duurde te lang", hint: "probeer het opnieuw, of exporteer naar .html", at: span)
        }
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: output.path), data.starts(with: Data("%PDF".utf8)) else {
            throw .error("het maken van de PDF is mislukt", hint: "exporteer naar .html en druk die af als PDF", at: span)
        }
        try FileOutput.write(data, to: path, at: span)
    }
}
