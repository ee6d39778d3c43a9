import CLibXML2

/// A libxml2 document under construction. Text goes in through `xmlNewTextChild` and
/// attributes through `xmlNewProp`, which escape `<`, `>`, `&` and quotes; every string is
/// sanitized with `XMLText.clean` first, so no input can make the output malformed.
///
/// One tree builds both XML (`xmlNewDoc`) and HTML (`htmlNewDocNoDtD`) documents.
public final class XMLTree {
    /// The libxml2 document; owned by this object.
    let doc: xmlDocPtr
    /// The root element.
    public private(set) var root: XMLNode

    /// A new XML document with a root element.
    public init(xmlRoot name: String) {
        doc = xmlNewDoc("1.0")
        let node = xmlNewNode(nil, name)!
        xmlDocSetRootElement(doc, node)
        root = XMLNode(node)
    }

    /// A new HTML document `<!DOCTYPE html><html>` with its root element.
    public init(htmlRootWithLang lang: String) {
        doc = htmlNewDocNoDtD(nil, nil)
        xmlCreateIntSubset(doc, "html", nil, nil)
        let node = xmlNewNode(nil, "html")!
        xmlDocSetRootElement(doc, node)
        root = XMLNode(node)
        root.set("lang", lang)
    }

    deinit { xmlFreeDoc(doc) }

    /// The document serialized as indented UTF-8 XML with a declaration.
    public func xmlString() -> String {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(doc, &buffer, &size, "UTF-8", 1)
        defer { heapsight_xml_free(buffer) }
        guard let buffer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: buffer, count: Int(size)), as: UTF8.self)
    }

    /// The document serialized as HTML (UTF-8, not reformatted so `<pre>` text is exact).
    public func htmlString() -> String {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        htmlDocDumpMemoryFormat(doc, &buffer, &size, 0)
        defer { heapsight_xml_free(buffer) }
        guard let buffer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: buffer, count: Int(size)), as: UTF8.self)
    }
}

/// An element of an `XMLTree`. Valid while its tree lives.
public struct XMLNode {
    let node: xmlNodePtr

    init(_ node: xmlNodePtr) { self.node = node }

    /// Adds a child element with optional escaped text and returns it.
    @discardableResult
    public func add(_ name: String, _ text: String? = nil, _ attributes: KeyValuePairs<String, String> = [:]) -> XMLNode {
        let child: xmlNodePtr
        if let text {
            child = xmlNewTextChild(node, nil, name, XMLText.clean(text))!
        } else {
            child = xmlNewChild(node, nil, name, nil)!
        }
        let n = XMLNode(child)
        for (k, v) in attributes { n.set(k, v) }
        return n
    }

    /// Sets an attribute (escaped).
    @discardableResult
    public func set(_ name: String, _ value: String) -> XMLNode {
        xmlNewProp(node, name, XMLText.clean(value))
        return self
    }

    /// Appends escaped text to the element's content.
    public func text(_ text: String) {
        let t = xmlNewText(XMLText.clean(text))!
        xmlAddChild(node, t)
    }

    /// Appends text that is written without escaping: only for the constant CSS and JS of the
    /// HTML report (inside `<style>`/`<script>`, where HTML does not decode entities).
    public func rawConstant(_ text: StaticString) {
        let s = text.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        let t = xmlNewText(s)!
        xmlAddChild(node, t)
    }
}
