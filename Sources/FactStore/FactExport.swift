import Foundation
import PassKit

/// Export forms of a run's facts: the TSV lines the engines are compared by, and JSON with a
/// stable key order. Both are deterministic: same facts, byte-identical output.
public enum FactExport {
    /// One `Fact.tsvLine` per fact in canonical order, each ending in a newline.
    public static func tsv(_ facts: [Fact]) -> String {
        var out = ""
        for fact in facts.sorted(by: Fact.canonicalOrder) {
            out += fact.tsvLine
            out += "\n"
        }
        return out
    }

    /// A JSON array of facts in canonical order, keys sorted, two-space indented, ending in a newline.
    public static func json(_ facts: [Fact]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(facts.sorted(by: Fact.canonicalOrder))) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension FactStore {
    /// The run's facts as TSV lines (see `FactExport.tsv`).
    public func exportTSV(run: Int64, includeExternal: Bool = false) throws -> String {
        FactExport.tsv(try facts(run: run, includeExternal: includeExternal))
    }

    /// The run's facts as JSON (see `FactExport.json`).
    public func exportJSON(run: Int64, includeExternal: Bool = false) throws -> String {
        FactExport.json(try facts(run: run, includeExternal: includeExternal))
    }
}
