import GoTypes

/// What the run time allocates for Go maps (swiss tables, `internal/runtime/maps`): the entry
/// point walk calls to create or insert into a map, and how many allocations `makemap` makes
/// for a size hint.
enum MapLayout {
    /// Slots per group (`abi.MapGroupSlots`).
    static let groupSlots: Int64 = 8
    /// Most slots one table holds (`maxTableCapacity`).
    static let maxTableCapacity: Int64 = 1024
    /// Average load per group, in eighths (`maxAvgGroupLoad`).
    static let maxAverageGroupLoad: Int64 = 7
    /// Largest element walk passes to the fast insert entry points (`abi.MapMaxElemBytes`).
    static let maxFastElementBytes: Int64 = 128

    /// The creation entry point: `makemap_small` for a constant hint of at most 8, else `makemap`.
    static func makeFunction(hint: Int64?) -> String {
        if let hint, hint <= groupSlots { return "makemap_small" }
        return "makemap"
    }

    /// Heap allocations of creating a heap map with a constant hint: the map header; above 8,
    /// also the table directory and, per table, the table and its groups.
    static func allocations(hint: Int64) -> Int {
        guard hint > groupSlots else { return 1 }
        let target = hint * groupSlots / maxAverageGroupLoad
        var tables: Int64 = 1
        while tables * maxTableCapacity < target { tables *= 2 }
        return Int(2 + 2 * tables)
    }

    /// The insert entry point walk calls for a map type (`mapfast` in walk).
    static func assignFunction(_ program: Program, mapType: TypeID) -> String {
        guard case .map(let key, let value) = program.node(program.under(mapType)) else { return "mapassign" }
        if program.sizeof(value) > maxFastElementBytes { return "mapassign" }
        let k = program.under(key)
        if let b = program.basicKind(k) {
            switch b {
            case .string: return "mapassign_faststr"
            case .int32, .uint32: return "mapassign_fast32"
            case .int, .int64, .uint, .uint64, .uintptr: return "mapassign_fast64"
            default: break
            }
        }
        switch program.node(k) {
        case .pointer, .chan: return "mapassign_fast64ptr"
        default: return "mapassign"
        }
    }
}
