import GCEngine
import NativeEngine
import PassKit

/// The allocations pass under `engine: native`: the native engine's sites (`NativeAllocations`,
/// GoIR nodes with walk's placement, cause and remedy) attributed to the scanned functions and
/// rendered the way the gc engine renders its sites, so the two engines' facts compare:
/// verdict sites at their verdict's position and text; sites no verdict prints at the code's
/// line with the gc engine's rendering of an allocator call (the `(` of `make(chan …)`, the `go`
/// and `defer` keywords, the `+=`, the `=` of a map assignment, else column 0 and the run-time
/// function). Loop depths come from the source layout, as for the gc engine.
extension AllocationSiteBuilder {
    /// The package's sites from the native engine.
    func build(native: [NativeAllocationSite]) -> AllocationsResult {
        var sites: [AllocationSite] = []
        for s in native {
            guard files[s.file] != nil else { continue }
            let kind = s.kind, placement = s.placement
            let probe = Fact(kind: .escapes, file: s.file, line: s.line, column: s.column, subject: s.subject)
            guard let record = index.owner(of: probe) else { continue }
            switch s.reporting {
            case .verdict:
                sites.append(AllocationSite(kind: kind, placement: placement, file: s.file, line: s.line, column: s.column,
                                            subject: s.subject,
                                            loopDepth: depth(file: s.file, line: s.line, column: s.column, function: record),
                                            function: record.id, explanation: s.explanation, external: false,
                                            allocations: s.allocations))
            case .runtimeCall:
                // Code inlined from another package's file: named relative to the scanned root
                // when it lies under it, as the gc engine names the assembly's positions.
                var codeFile = s.codeFile
                if let root, codeFile.hasPrefix(root + "/") { codeFile = String(codeFile.dropFirst(root.count + 1)) }
                let call = AllocatorCall(symbol: record.id, file: codeFile, line: s.codeLine,
                                         runtimeFunction: s.runtimeFunction ?? "", external: files[codeFile] == nil)
                var site = unprintedSite(call: call, kind: kind, record: record, freshHeapMap: false)
                site.kind = kind
                site.placement = placement
                site.explanation = s.explanation
                site.allocations = s.allocations
                sites.append(site)
            }
        }
        // The first insert into a heap map made empty on the same line (groups not allocated
        // up front) allocates its first group.
        let freshMaps = Set(sites.filter { $0.kind == .makeMap && $0.placement == .heap && $0.allocations == 1 }.map { "\($0.function)|\($0.file):\($0.line)" })
        for i in sites.indices where sites[i].kind == .mapGrow && sites[i].placement == .may
            && freshMaps.contains("\(sites[i].function)|\(sites[i].file):\(sites[i].line)") {
            sites[i].placement = .heap
        }
        return finish(sites, into: AllocationsResult())
    }
}
