import CLibXML2
import Foundation

/// Parses documents back with libxml2 and evaluates XPath on them, as a consumer would.
final class ParsedDocument {
    let doc: xmlDocPtr

    /// Parses XML strictly; nil when malformed.
    init?(xml: String) {
        let bytes = Array(xml.utf8)
        let d = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                xmlReadMemory($0, Int32(buf.count), "t.xml", "UTF-8",
                              Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
            }
        }
        guard let d else { return nil }
        doc = d
    }

    /// Parses HTML as a browser-like parser would.
    init?(html: String) {
        let bytes = Array(html.utf8)
        let d = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                htmlReadMemory($0, Int32(buf.count), "t.html", "UTF-8",
                               Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue))
            }
        }
        guard let d else { return nil }
        doc = d
    }

    deinit { xmlFreeDoc(doc) }

    /// The string values of the nodes an XPath expression selects.
    func strings(_ xpath: String) -> [String] {
        guard let ctx = xmlXPathNewContext(doc) else { return [] }
        defer { xmlXPathFreeContext(ctx) }
        guard let obj = xmlXPathEvalExpression(xpath, ctx) else { return [] }
        defer { xmlXPathFreeObject(obj) }
        guard let set = obj.pointee.nodesetval else { return [] }
        var out: [String] = []
        for i in 0..<Int(set.pointee.nodeNr) {
            let node = set.pointee.nodeTab[i]
            if let c = xmlNodeGetContent(node) {
                out.append(String(cString: c))
                heapsight_xml_free(c)
            } else {
                out.append("")
            }
        }
        return out
    }

    /// The number of nodes an XPath expression selects.
    func count(_ xpath: String) -> Int { strings(xpath).count }
}
