import PassKit

/// Counts derived from a model, shared by the HTML and text renderers.
public struct ReportStatistics: Sendable {
    /// Numbers for one package or one function.
    public struct Row: Sendable, Hashable {
        /// Package import path or function id.
        public var id: String
        /// Package import path (for a function row, its package).
        public var package: String
        /// Allocation sites (any placement).
        public var allocSites = 0
        /// Heap allocation sites.
        public var heapSites = 0
        /// Heap sites inside loops.
        public var heapSitesInLoops = 0
        /// Variables moved to the heap.
        public var movedToHeap = 0
        /// Escaping expressions.
        public var escapes = 0
        /// Leaking parameters (`leak-param`, `leak-param-content`).
        public var leaks = 0
        /// Inlined call sites.
        public var inlinedCalls = 0
        /// Inlining verdict for a function: cost when inlinable.
        public var inlineCost: Int?
        /// Inlining verdict: true inlinable, false refused, nil unknown.
        public var inlinable: Bool?
        /// True for standard-library packages.
        public var isStandard = false
        /// True for generated code (file header `// Code generated ... DO NOT EDIT.`).
        public var isGenerated = false
    }

    /// Facts per kind.
    public let factsByKind: [FactKind: Int]
    /// Allocation sites and how many of them go to the heap.
    public let allocSites: Int
    /// Heap allocation sites.
    public let heapSites: Int
    /// Per package, sorted by import path.
    public let packages: [Row]
    /// Per function, sorted by id.
    public let functions: [Row]

    /// Share of allocation sites that go to the heap, 0...1.
    public var heapShare: Double { allocSites == 0 ? 0 : Double(heapSites) / Double(allocSites) }

    /// Computes the statistics of a model.
    public init(_ model: ReportModel) {
        let index = model.index
        var byKind: [FactKind: Int] = [:]
        var pkgRows: [String: Row] = [:]
        var fnRows: [String: Row] = [:]
        for pkg in model.packages {
            var row = Row(id: pkg.importPath, package: pkg.importPath)
            row.isStandard = pkg.isStandard
            pkgRows[pkg.importPath] = row
        }
        let generated = Set(model.sources.filter { ReportStatistics.isGenerated($0.value) }.keys)
        for fn in model.functions {
            var row = Row(id: fn.id, package: fn.package)
            row.isStandard = index.packages[fn.package]?.isStandard ?? false
            row.isGenerated = generated.contains(fn.file)
            fnRows[fn.id] = row
        }
        var alloc = 0, heap = 0
        for fact in model.facts {
            byKind[fact.kind, default: 0] += 1
            let pkg = model.package(of: fact)
            func bump(_ row: inout Row) {
                switch fact.kind {
                case .alloc:
                    row.allocSites += 1
                    if fact.isHeapSite { row.heapSites += 1 }
                    if fact.isHeapSiteInLoop { row.heapSitesInLoops += 1 }
                case .movedToHeap: row.movedToHeap += 1
                case .escapes: row.escapes += 1
                case .leakParam, .leakParamContent: row.leaks += 1
                case .inlineCall: row.inlinedCalls += 1
                case .canInline:
                    row.inlinable = true
                    row.inlineCost = fact.inlineCost?.cost
                case .cannotInline:
                    row.inlinable = false
                    row.inlineCost = fact.inlineCost?.cost
                default: break
                }
            }
            if fact.kind == .alloc {
                alloc += 1
                if fact.isHeapSite { heap += 1 }
            }
            if !pkg.isEmpty {
                var row = pkgRows[pkg] ?? Row(id: pkg, package: pkg)
                if fact.kind != .canInline && fact.kind != .cannotInline { bump(&row) }
                pkgRows[pkg] = row
            }
            if let fn = fact.function, var row = fnRows[fn] {
                bump(&row)
                fnRows[fn] = row
            }
        }
        factsByKind = byKind
        allocSites = alloc
        heapSites = heap
        packages = pkgRows.values.sorted { $0.id < $1.id }
        functions = fnRows.values.sorted { $0.id < $1.id }
    }

    /// True when the source starts with Go's generated-code marker line.
    public static func isGenerated(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("// Code generated ") && line.hasSuffix("DO NOT EDIT.") { return true }
            if line.hasPrefix("package ") { break }
        }
        return false
    }

    /// The top rows by heap sites (ties by id), at most `limit`, leaving out rows with none.
    public static func top(_ rows: [Row], limit: Int) -> [Row] {
        Array(rows.filter { $0.heapSites > 0 }
            .sorted { ($1.heapSites, $0.id) < ($0.heapSites, $1.id) }
            .prefix(limit))
    }
}
