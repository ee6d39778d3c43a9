import Foundation
import CLibXML2

/// Well-formedness and XSD checks through libxml2, used by tests and `heapsight report --validate`.
public enum XMLValidation {
    /// Problems found, one message per line (`line N: message`); empty when valid.
    public typealias Problems = [String]

    private final class Sink {
        var messages: [String] = []
    }

    private static func collect(_ ctx: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
        guard let ctx, let error else { return }
        let sink = Unmanaged<Sink>.fromOpaque(ctx).takeUnretainedValue()
        let msg = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        sink.messages.append("line \(error.pointee.line): \(msg.trimmingCharacters(in: .whitespacesAndNewlines))")
    }

    /// Parses XML text with network access off, sending parser errors to the sink at `ctx`.
    private static func readDocument(_ xml: String, errorsTo ctx: UnsafeMutableRawPointer) -> xmlDocPtr? {
        let bytes = Array(xml.utf8)
        return withParserErrors(ctx) {
            bytes.withUnsafeBufferPointer { buf in
                buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    xmlReadMemory($0, Int32(buf.count), "report.xml", "UTF-8",
                                  Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
                }
            }
        }
    }

    /// Parses XML text; returns the problems of a malformed document.
    public static func wellFormedness(of xml: String) -> Problems {
        let sink = Sink()
        let ctx = Unmanaged.passUnretained(sink).toOpaque()
        let doc = readDocument(xml, errorsTo: ctx)
        if let doc { xmlFreeDoc(doc); return sink.messages.isEmpty ? [] : sink.messages }
        return sink.messages.isEmpty ? ["document is not well-formed"] : sink.messages
    }

    /// Validates XML text against an XSD given as text; returns the problems (parse errors of
    /// either document included).
    public static func validate(xml: String, schema: String) -> Problems {
        let sink = Sink()
        let ctx = Unmanaged.passUnretained(sink).toOpaque()
        let schemaBytes = Array(schema.utf8)
        let parsed: xmlSchemaPtr? = withParserErrors(ctx) {
            schemaBytes.withUnsafeBufferPointer { buf -> xmlSchemaPtr? in
                buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p -> xmlSchemaPtr? in
                    guard let pctx = xmlSchemaNewMemParserCtxt(p, Int32(buf.count)) else { return nil }
                    defer { xmlSchemaFreeParserCtxt(pctx) }
                    xmlSchemaSetParserStructuredErrors(pctx, { c, e in XMLValidation.collect(c, e) }, ctx)
                    return xmlSchemaParse(pctx)
                }
            }
        }
        guard let parsed else { return ["schema: " + (sink.messages.first ?? "cannot be parsed")] }
        defer { xmlSchemaFree(parsed) }
        let doc = readDocument(xml, errorsTo: ctx)
        guard let doc else { return sink.messages.isEmpty ? ["document is not well-formed"] : sink.messages }
        defer { xmlFreeDoc(doc) }
        guard let vctx = xmlSchemaNewValidCtxt(parsed) else { return ["cannot create a validation context"] }
        defer { xmlSchemaFreeValidCtxt(vctx) }
        xmlSchemaSetValidStructuredErrors(vctx, { c, e in XMLValidation.collect(c, e) }, ctx)
        let rc = xmlSchemaValidateDoc(vctx, doc)
        if rc == 0 { return [] }
        return sink.messages.isEmpty ? ["validation failed with code \(rc)"] : sink.messages
    }

    private static func withParserErrors<T>(_ ctx: UnsafeMutableRawPointer, _ body: () -> T) -> T {
        xmlSetStructuredErrorFunc(ctx, { c, e in XMLValidation.collect(c, e) })
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return body()
    }
}
