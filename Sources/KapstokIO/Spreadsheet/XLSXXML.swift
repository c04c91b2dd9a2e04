import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Event-driven (SAX) reading of one workbook XML part with Foundation's `XMLParser`.
///
/// Guards: a part holding `<!DOCTYPE` or `<!ENTITY` is refused before parsing (an `.xlsx` never
/// needs a DTD; entity declarations are how "billion laughs" expansion works), external
/// entities are never resolved (`shouldResolveExternalEntities = false`), and a DTD, entity or
/// external reference the parser still meets aborts it.
enum XLSXXML {
    /// Why a part could not be parsed.
    enum Failure: Error, Equatable {
        /// The part declares a DTD or entities.
        case declaresDTD
        /// The XML is not well-formed: the parser's line and message.
        case malformed(line: Int, message: String)
        /// The handler stopped the parse (it recorded why).
        case stopped
    }

    /// Receives the events of one part. Element and attribute names come without their
    /// namespace prefix (`x:c` → `c`).
    protocol Handler: AnyObject {
        func start(_ name: Substring, attributes: [String: String]) -> Bool
        func end(_ name: Substring)
        func text(_ text: String)
    }

    /// Parses `data`, sending its events to `handler`.
    static func parse(_ data: Data, handler: some Handler) -> Failure? {
        if declaresDTD(data) { return .declaresDTD }
        let delegate = Delegate(handler)
        // A stream, parsed in chunks: one 10 MB+ chunk (a sheet saved on one line) fails in
        // libxml2 (its 10,000,000-byte lookup limit without XML_PARSE_HUGE).
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = delegate
        let succeeded = parser.parse()
        if delegate.sawDTD { return .declaresDTD }
        if delegate.stopped { return .stopped }
        if !succeeded {
            let message = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not well-formed"
            return .malformed(line: parser.lineNumber, message: message)
        }
        return nil
    }

    /// Whether the bytes contain `<!DOCTYPE` or `<!ENTITY` (in UTF-8, or in UTF-16 of either order).
    static func declaresDTD(_ data: Data) -> Bool {
        for word in ["<!DOCTYPE", "<!ENTITY"] {
            let utf8 = Array(word.utf8)
            if data.range(of: Data(utf8)) != nil { return true }
            let little: [UInt8] = utf8.flatMap { [$0, 0] }, big: [UInt8] = utf8.flatMap { [0, $0] }
            if data.range(of: Data(little)) != nil || data.range(of: Data(big)) != nil { return true }
        }
        return false
    }

    /// The part of a qualified name after its prefix.
    @inline(__always)
    static func localName(_ name: String) -> Substring {
        if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
        return name[...]
    }

    /// An attribute by local name (`r:id` is found as `id`).
    static func attribute(_ name: String, in attributes: [String: String]) -> String? {
        if let value = attributes[name] { return value }
        for (key, value) in attributes where localName(key) == name { return value }
        return nil
    }

    private final class Delegate<H: Handler>: NSObject, XMLParserDelegate {
        let handler: H
        var sawDTD = false
        var stopped = false

        init(_ handler: H) { self.handler = handler }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            if !handler.start(XLSXXML.localName(elementName), attributes: attributeDict) {
                stopped = true
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            handler.end(XLSXXML.localName(elementName))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { handler.text(string) }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            handler.text(String(decoding: CDATABlock, as: UTF8.self))
        }

        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) { refuse(parser) }
        func parser(
            _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?
        ) { refuse(parser) }
        func parser(_ parser: XMLParser, foundElementDeclarationWithName elementName: String, model: String) { refuse(parser) }
        func parser(
            _ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?,
            systemID: String?, notationName: String?
        ) { refuse(parser) }
        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
            refuse(parser)
            return nil
        }

        private func refuse(_ parser: XMLParser) {
            sawDTD = true
            parser.abortParsing()
        }
    }
}
