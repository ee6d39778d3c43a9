import PassKit

extension InlineSummary: DirectJSONEncoding {
    /// `{"decisions":{"F":{"inlinable":{"cost":80}},"G":{"notInlinable":{"reason":"…"}}},"packageName":"p"}`,
    /// the form `JSONEncoder` gives the synthesized `Codable` (a nil cost is left out: `{"inlinable":{}}`);
    /// nil when a name or reason is not `DirectJSON.appendString`'s.
    public func sortedKeysJSON() -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(32 + packageName.utf8.count + decisions.reduce(0) { total, entry in
            switch entry.value {
            case .inlinable: return total + entry.key.utf8.count + 34
            case .notInlinable(let reason): return total + entry.key.utf8.count + reason.utf8.count + 35
            }
        })
        out.append(contentsOf: #"{"decisions":{"#.utf8)
        for (n, (name, decision)) in DirectJSON.sortedEntries(decisions).enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            guard DirectJSON.appendString(name, to: &out) else { return nil }
            switch decision {
            case .inlinable(let cost):
                out.append(contentsOf: #":{"inlinable":{"#.utf8)
                if let cost {
                    out.append(contentsOf: #""cost":"#.utf8)
                    DirectJSON.appendInt(cost, to: &out)
                }
                out.append(contentsOf: "}}".utf8)
            case .notInlinable(let reason):
                out.append(contentsOf: #":{"notInlinable":{"reason":"#.utf8)
                guard DirectJSON.appendString(reason, to: &out) else { return nil }
                out.append(contentsOf: "}}".utf8)
            }
        }
        out.append(contentsOf: #"},"packageName":"#.utf8)
        guard DirectJSON.appendString(packageName, to: &out) else { return nil }
        out.append(UInt8(ascii: "}"))
        return out
    }
}
