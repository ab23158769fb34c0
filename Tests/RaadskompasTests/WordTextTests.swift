import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import Raadskompas

/// `WordText` reads `word/document.xml` without FoundationXML (whose libxml2 and ICU cost about
/// 2 ms at every start of the program). These tests hold it to `XMLParser`, the reader it replaced:
/// the same text from Word files (made with python-docx, as Word writes them) and from generated
/// XML, and a refusal wherever `XMLParser` refuses.
@Suite struct WordTextTests {
    /// The earlier reader: `XMLParser` with the delegate Raadskompas used, except that any error it
    /// reports counts. (On Linux `parse()` returns true for a document that ends too early or has
    /// something after its root — error 5 — so a truncated `document.xml` used to give part of its
    /// text without a word. `WordText` refuses it, as XML requires.)
    final class Reference: NSObject, XMLParserDelegate {
        var text = ""
        var inText = false
        var failed = false
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { failed = true }
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "w:t": inText = true
            case "w:tab": text += "\t"
            case "w:br", "w:cr": text += "\n"
            default: break
            }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "w:t": inText = false
            case "w:p": text += "\n"
            default: break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { text += string }
        }
        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            if inText { text += String(decoding: block, as: UTF8.self) }
        }

        static func extract(_ xml: [UInt8]) -> String? {
            let reader = Reference()
            let parser = XMLParser(data: Data(xml))
            parser.delegate = reader
            return parser.parse() && !reader.failed ? reader.text : nil
        }
    }

    static func documentXML(_ name: String) throws -> [UInt8] {
        let archive = try Archive(url: packageRoot.appending(path: "Tests/Fixtures/docx/\(name)"), accessMode: .read)
        var xml = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { xml.append($0) }
        return [UInt8](xml)
    }

    @Test(arguments: ["jeugdhulp.docx", "spaties.docx"])
    func wordFilesGiveTheSameText(_ name: String) throws {
        let xml = try Self.documentXML(name)
        let text = try #require(WordText.extract(xml))
        #expect(text == Reference.extract(xml))
        if name == "jeugdhulp.docx" {
            #expect(text.contains("Portefeuillehouder"))
            #expect(text.contains("wethouder Zorg & Welzijn"))
            #expect(text.contains("Beoogd effect:\tminder wachttijd & coöperatie met aanbieders\nTweede regel na een zachte regeleinde <geen tag>."))
            #expect(text.contains("ë é ï ü ß ½ 中文"))
        }
    }

    @Test func generatedDocumentsGiveTheSameText() {
        let pieces = ["<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "<w:t xml:space=\"preserve\">", "</w:t>", "<w:tab/>", "<w:br/>", "<w:cr/>",
                      "<w:p/>", "tekst", " ", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#233;", "&#xE9;", "&#x1F600;", "\r\n", "\r", "\n",
                      "<!-- opmerking -->", "<![CDATA[a < b & c]]>", "<?w ok?>", "coöperatie", "<w:rPr><w:b/></w:rPr>", "<w:x a='1' b=\"2>3\"/>", "\t"]
        var random = SeededGenerator(state: 0xD0C5)
        func next() -> Int { Int(truncatingIfNeeded: random.next() >> 33) }
        for _ in 0..<1500 {
            let body = (0..<(next() % 30)).map { _ in pieces[next() % pieces.count] }.joined()
            let xml = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:document xmlns:w=\"x\"><w:body>\(body)</w:body></w:document>\n".utf8)
            let reference = Reference.extract(xml)
            let ours = WordText.extract(xml)
            // Where the generated body is not well-formed, both must refuse.
            #expect(ours == reference, "\(String(decoding: xml, as: UTF8.self).debugDescription)")
        }
        // Well-formed documents as Word builds them: paragraphs of runs, with text that needs
        // escaping, tabs, breaks, comments and CDATA between them.
        let texts = ["Beslispunten", " ", "a &amp; b", "&lt;tag&gt;", "coöperatie", "&#8364; 1.250", "regel\r\nnieuw", "&quot;x&apos;", "\t", "中文"]
        let inline = ["<w:tab/>", "<w:br/>", "<w:cr/>", "<!-- x -->", "<![CDATA[ruw & <letterlijk>]]>", "<w:rPr><w:b/></w:rPr>"]
        var wellFormed = 0
        for _ in 0..<500 {
            var body = ""
            for _ in 0..<(1 + next() % 5) {
                body += next() % 7 == 0 ? "<w:p/>" : "<w:p><w:pPr><w:pStyle w:val=\"Kop1\"/></w:pPr>"
                if !body.hasSuffix("<w:p/>") {
                    for _ in 0..<(next() % 4) {
                        body += "<w:r>" + inline[next() % inline.count]
                        body += "<w:t xml:space=\"preserve\">" + (0..<(next() % 4)).map { _ in next() % 5 == 0 ? inline[next() % 5] : texts[next() % texts.count] }.joined() + "</w:t></w:r>"
                    }
                    body += "</w:p>"
                }
            }
            let xml = Array("<?xml version=\"1.0\"?><w:document xmlns:w=\"x\"><w:body>\(body)</w:body></w:document>".utf8)
            let reference = Reference.extract(xml)
            #expect(reference != nil)
            #expect(WordText.extract(xml) == reference, "\(String(decoding: xml, as: UTF8.self).debugDescription)")
            if reference != nil { wellFormed += 1 }
        }
        #expect(wellFormed == 500)
    }

    @Test func brokenXMLIsRefusedLikeXMLParserRefusesIt() {
        // A document without a root element: XMLParser reports nothing, but it is not XML.
        #expect(WordText.extract([]) == nil && WordText.extract(Array("  \n".utf8)) == nil)
        let broken = [
            "tekst zonder element", "<w:document>", "<w:document></w:body>", "<a></a><b></b>", "<a>&nbsp;</a>", "<a>&amp</a>",
            "<a>&#0;</a>", "<a>&#xD800;</a>", "<a b=1/>", "<a b=\"<\"/>", "<a \u{1}/>", "<a>\u{1}</a>", "<a><!-- open</a>", "<a><![CDATA[x</a>",
            "<a b=\"1\"c=\"2\"/>", "<1a/>", "<a></a >x", "<a/>trailing", "<a>&#xZZ;</a>", "<a>&#;</a>", "<a><b></a></b>", "<a><b>",
        ]
        for text in broken {
            let xml = Array(text.utf8)
            #expect((WordText.extract(xml) == nil) == (Reference.extract(xml) == nil), "\(text.debugDescription)")
            #expect(WordText.extract(xml) == nil, "\(text.debugDescription)")
        }
        // What XML allows, both read.
        for text in ["<a></a >", "<a/>\n", "<?xml version='1.0'?><!DOCTYPE a><a>x</a>", "\u{FEFF}<a/>", "<a b = 'x' />"] {
            let xml = Array(text.utf8)
            #expect(WordText.extract(xml) != nil, "\(text.debugDescription)")
            #expect(Reference.extract(xml) != nil, "\(text.debugDescription)")
        }
    }

    /// A damaged Word file never crashes or stalls the reader: 3,000 mutations of a real
    /// `document.xml` (bytes flipped, cut off, repeated, inserted), each read in well under a second.
    @Test func mutatedDocumentsNeverCrashOrStall() throws {
        let original = try Self.documentXML("jeugdhulp.docx")
        var random = SeededGenerator(state: 0xBAD_D0C)
        func next(_ bound: Int) -> Int { Int(truncatingIfNeeded: random.next() >> 33) % max(bound, 1) }
        let inserts: [[UInt8]] = [Array("<".utf8), Array("&".utf8), Array("]]>".utf8), Array("<![CDATA[".utf8), Array("<!--".utf8), [0], [0xFF], [0xC3], Array("</w:p>".utf8)]
        var refused = 0
        for _ in 0..<3000 {
            var xml = original
            for _ in 0..<(1 + next(4)) {
                switch next(4) {
                case 0: xml[next(xml.count)] = UInt8(truncatingIfNeeded: next(256))
                case 1: xml = Array(xml.prefix(next(xml.count)))
                case 2: let at = next(xml.count); xml.insert(contentsOf: inserts[next(inserts.count)], at: at)
                default: let at = next(xml.count); xml.insert(contentsOf: xml[at..<min(xml.count, at + next(200))], at: at)
                }
                if xml.isEmpty { break }
            }
            let started = Date()
            if WordText.extract(xml) == nil { refused += 1 }
            #expect(Date().timeIntervalSince(started) < 1)
        }
        #expect(refused > 1000)
    }
}
