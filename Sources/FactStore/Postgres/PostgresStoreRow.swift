import Foundation
import PostgresNIO

/// A PostgreSQL row as the store reads rows: each cell decoded once from its binary form into
/// an integer, a real, text or NULL, then converted on reading as SQLite converts (text read
/// from an integer is its decimal digits, booleans are 1 and 0).
struct PostgresStoreRow: StoreRow {
    /// One decoded cell.
    enum Value: Equatable {
        case null
        case int(Int64)
        case real(Double)
        case text(String)
    }

    /// The cells in column order.
    let values: [Value]

    init(_ row: PostgresRow) {
        var values: [Value] = []
        values.reserveCapacity(row.count)
        for cell in row { values.append(Self.decode(cell)) }
        self.values = values
    }

    /// The column names of `row` (the same for every row of a result, so read once).
    static func columns(of row: PostgresRow) -> [String] {
        row.map(\.columnName)
    }

    func isNull(_ i: Int) -> Bool { values[i] == .null }

    func int64(_ i: Int) -> Int64 {
        switch values[i] {
        case .null: return 0
        case .int(let v): return v
        case .real(let d): return Int64(d)
        case .text(let s): return Int64(s.prefix(while: { $0.isNumber || $0 == "-" })) ?? 0
        }
    }

    func text(_ i: Int) -> String { displayText(i) ?? "" }

    /// The cell as `query` shows it, nil for NULL.
    func displayText(_ i: Int) -> String? {
        switch values[i] {
        case .null: return nil
        case .int(let v): return String(v)
        case .real(let d): return d == d.rounded() && abs(d) < 1e15 ? String(format: "%.1f", d) : String(d)
        case .text(let s): return s
        }
    }

    /// Decodes a cell by its type; types the store never writes come back as PostgreSQL's text
    /// for them (for `query`).
    static func decode(_ cell: PostgresCell) -> Value {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8, .oid:
            return (try? cell.decode(Int64.self)).map(Value.int) ?? .null
        case .bool:
            return (try? cell.decode(Bool.self)).map { .int($0 ? 1 : 0) } ?? .null
        case .float4, .float8:
            return (try? cell.decode(Double.self)).map(Value.real) ?? .null
        case .numeric:
            guard let d = try? cell.decode(Decimal.self) else { return .null }
            if d == d.rounded, case let v = NSDecimalNumber(decimal: d).int64Value, Decimal(v) == d { return .int(v) }
            return .text("\(d)")
        case .text, .varchar, .name, .bpchar, .char, .unknown, .json, .jsonb:
            return (try? cell.decode(String.self)).map(Value.text) ?? .null
        case .bytea:
            let bytes = cell.bytes.map { Array($0.readableBytesView) } ?? []
            return .text("x'" + bytes.map { String(format: "%02x", $0) }.joined() + "'")
        default:
            let data = PostgresData(type: cell.dataType, formatCode: cell.format, value: cell.bytes)
            return .text(data.description)
        }
    }
}

extension Decimal {
    /// The value rounded toward zero.
    fileprivate var rounded: Decimal {
        var value = self, result = Decimal()
        NSDecimalRound(&result, &value, 0, .down)
        return result
    }
}
