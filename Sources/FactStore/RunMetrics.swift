import Foundation
import PassKit

/// A run's `function_metrics` and `package_metrics` rows and its row counts, computed in Swift
/// from the content being recorded, by the definitions `MetricsMaterializer` states in SQL
/// (docs/schema.md).
///
/// Why not the SQL: recording a scan of the standard library writes about 140 MB of explanation
/// text, and the facts table keeps `external` after `explanation`, so every SQL pass over a run's
/// facts reads every explanation's overflow pages back; the materializer's four passes took
/// more CPU than writing the rows. The content is in memory already: one walk over it gives
/// the same rows. `MetricsMaterializer` stays the definition for runs recorded before (the
/// migrations), and a test holds both to the same answers.
struct RunMetrics {
    /// One row of metric counts, in `MetricsMaterializer.perFact` column order.
    struct Counts: Equatable {
        var heapSites = 0, heapSitesInLoops = 0, movedToHeap = 0, escapes = 0, noEscape = 0, leaks = 0
        var inlinable = 0, notInlinable = 0, inlineCalls = 0, allocs = 0, facts = 0

        /// The counts as statement arguments, in column order.
        var values: [SQLValue] {
            [heapSites, heapSitesInLoops, movedToHeap, escapes, noEscape, leaks, inlinable, notInlinable,
             inlineCalls, allocs, facts].map(SQLValue.integer)
        }

        /// Adds another row's counts.
        mutating func add(_ other: Counts) {
            heapSites += other.heapSites; heapSitesInLoops += other.heapSitesInLoops
            movedToHeap += other.movedToHeap; escapes += other.escapes; noEscape += other.noEscape
            leaks += other.leaks; inlinable += other.inlinable; notInlinable += other.notInlinable
            inlineCalls += other.inlineCalls; allocs += other.allocs; facts += other.facts
        }

        /// Folds one fact into a function's counts: `inlinable` and `notInlinable` are 0/1 per
        /// function (the SQL's `max`), everything else a count.
        mutating func addToFunction(_ fact: Counts) {
            let inl = max(inlinable, fact.inlinable), notInl = max(notInlinable, fact.notInlinable)
            add(fact)
            inlinable = inl; notInlinable = notInl
        }
    }

    /// A function's row.
    struct FunctionRow {
        var package: String
        var counts = Counts()
        var fingerprint: Int64 = 0
        /// Facts of the function that are heap sites when no `alloc` facts count them.
        var escapeSites = 0
    }

    /// A package's row.
    struct PackageRow {
        var functions = 0
        var counts = Counts()
    }

    /// `alloc`, `escapes` or `none`: where heap sites were counted from (`runs.heap_sites_source`).
    let heapSitesSource: String
    /// Function rows by function id.
    let functions: [String: FunctionRow]
    /// Package rows by package path.
    let packages: [String: PackageRow]

    /// Computes the metrics of `content`, whose facts are stored with the packages `packages`
    /// gives (`FactPackages`, the value written to `facts.package`).
    init(_ content: RunContent, packages factPackages: [String?]) {
        var accumulator = Accumulator()
        accumulator.add(functions: content.functions, facts: content.facts, packages: factPackages)
        self = accumulator.metrics(packages: content.packages)
    }

    private init(heapSitesSource: String, functions: [String: FunctionRow], packages: [String: PackageRow]) {
        self.heapSitesSource = heapSitesSource
        self.functions = functions
        self.packages = packages
    }

    /// A run's metrics gathered part by part as the run is recorded (`RunRecording`), so that
    /// little is left to compute when the run ends. Whether heap sites are counted from `alloc`
    /// facts or from `escapes` facts depends on the whole run, so both counts are kept until then.
    struct Accumulator {
        private var functions: [String: FunctionRow] = [:]
        /// Counts of facts outside any function, by the package they are stored with.
        private var loose: [String: Counts] = [:]
        /// Heap sites counted from `escapes` and `moved-to-heap` by package for facts outside
        /// any function (`FunctionRow.escapeSites` inside one; the rows' own counts take them
        /// from `alloc` facts).
        private var looseEscapeSites: [String: Int] = [:]
        private var hasAlloc = false, hasEscapes = false

        /// Adds a part's functions and facts; `packages` is each fact's package (`FactPackages`).
        mutating func add(functions records: [FunctionRecord], facts: [Fact], packages factPackages: [String?]) {
            // Records and facts are read where they are (by index): a copy of each retains and
            // releases every string it holds. The table is sized for the part's functions at
            // once: grown by doubling, it rehashed every row it held at each step.
            functions.reserveCapacity(functions.count + records.count)
            for r in records.indices {
                let package = records[r].package
                RunMetrics.merge(&functions[records[r].id, default: FunctionRow(package: package)], package: package)
            }
            // A function's facts mostly come one after another: its row is taken out of the table
            // once for the run of them and put back when the next function's fact comes, where a
            // lookup per fact hashed the id and probed the table each time.
            var current: (id: String, row: FunctionRow)?
            func putBack() {
                if let (id, row) = current { functions[id] = row }
                current = nil
            }
            for i in facts.indices where !facts[i].external {
                let counts = RunMetrics.counts(of: facts[i], heapFromAlloc: true)
                let kind = facts[i].kind
                if kind == .alloc { hasAlloc = true }
                let escapeSite = kind == .escapes || kind == .movedToHeap
                if escapeSite { hasEscapes = true }
                let package = factPackages[i] ?? ""
                guard let id = facts[i].function else {
                    loose[package, default: Counts()].add(counts)
                    if escapeSite { looseEscapeSites[package, default: 0] += 1 }
                    continue
                }
                let hash = IdentityHash.of(kind: kind.rawValue, subject: facts[i].subject, detail: facts[i].detail)
                if current?.id != id {
                    putBack()
                    current = (id, functions[id] ?? FunctionRow(package: package))
                }
                RunMetrics.add(counts, hash: hash, escapeSite: escapeSite, package: package, to: &current!.row)
            }
            putBack()
        }

        /// The run's metrics, once every part was added; `packages` are the run's packages.
        func metrics(packages records: [PackageRecord]) -> RunMetrics {
            // Without `alloc` facts, heap sites are the escaping values (none without those either).
            func settled(_ counts: Counts, escapeSites: Int) -> Counts {
                guard !hasAlloc else { return counts }
                var c = counts
                c.heapSites = escapeSites
                c.heapSitesInLoops = 0
                return c
            }
            var functions = functions
            if !hasAlloc {
                for (id, row) in functions { functions[id]!.counts = settled(row.counts, escapeSites: row.escapeSites) }
            }
            var packages: [String: PackageRow] = [:]
            for (package, counts) in loose {
                packages[package, default: PackageRow()].counts.add(settled(counts, escapeSites: looseEscapeSites[package] ?? 0))
            }
            for row in functions.values {
                packages[row.package, default: PackageRow()].functions += 1
                packages[row.package, default: PackageRow()].counts.add(row.counts)
            }
            for p in records where packages[p.importPath] == nil { packages[p.importPath] = PackageRow() }
            return RunMetrics(heapSitesSource: hasAlloc ? "alloc" : (hasEscapes ? "escapes" : "none"),
                              functions: functions, packages: packages)
        }
    }

    /// A function's row with one more package naming it: the greatest, as SQL's `max` orders
    /// text (by bytes).
    private static func merge(_ row: inout FunctionRow, package: String) {
        if UTF8Order.precedes(row.package, package) { row.package = package }
    }

    /// Adds one fact of a function to its row: its counts, its share of the fingerprint, and
    /// the package it is stored with.
    private static func add(_ counts: Counts, hash: Int64, escapeSite: Bool, package: String, to row: inout FunctionRow) {
        merge(&row, package: package)
        row.counts.addToFunction(counts)
        row.fingerprint += hash
        if escapeSite { row.escapeSites += 1 }
    }

    /// What one fact inside the tree adds to its function's and package's counts.
    static func counts(of fact: Fact, heapFromAlloc: Bool) -> Counts {
        var c = Counts()
        let kind = fact.kind
        let isAlloc = kind == .alloc
        if heapFromAlloc {
            if isAlloc, ASCIIText.containsIgnoringCase(" " + fact.detail + " ", " heap ") {
                c.heapSites = 1
                if ASCIIText.containsIgnoringCase(fact.detail, "depth="),
                   !ASCIIText.containsIgnoringCase(fact.detail, "depth=0") { c.heapSitesInLoops = 1 }
            }
        } else if kind == .escapes || kind == .movedToHeap {
            c.heapSites = 1
        }
        c.movedToHeap = kind == .movedToHeap ? 1 : 0
        c.escapes = kind == .escapes ? 1 : 0
        c.noEscape = kind == .noEscape ? 1 : 0
        c.leaks = kind == .leakParam || kind == .leakParamContent ? 1 : 0
        c.inlinable = kind == .canInline ? 1 : 0
        c.notInlinable = kind == .cannotInline ? 1 : 0
        c.inlineCalls = kind == .inlineCall ? 1 : 0
        c.allocs = isAlloc ? 1 : 0
        c.facts = 1
        return c
    }

    /// Inserts the rows of run `id` and sets its counts and heap-sites source, as
    /// `MetricsMaterializer.materialize` and `fingerprint` do.
    func write(run id: Int64, content: RunContent, on db: any StoreConnection) throws {
        try db.run("""
            UPDATE runs SET heap_sites_source = ?2, package_count = ?3, function_count = ?4, fact_count = ?5,
              diagnostic_count = ?6
            WHERE id = ?1
            """, [.int(id), .text(heapSitesSource), .integer(content.packages.count), .integer(content.functions.count),
                  .integer(content.facts.count), .integer(content.diagnostics.count)])
        let columns = MetricsMaterializer.perFact(db.dialect).map(\.column)
        let placeholders = { (first: Int, count: Int) in (first..<first + count).map { "?\($0)" }.joined(separator: ", ") }
        let fn = try db.inserter("""
            INSERT INTO function_metrics(run_id, function_id, package, \(columns.joined(separator: ", ")), fingerprint)
            VALUES(\(placeholders(1, 4 + columns.count)))
            """)
        for (function, index) in UTF8Order.sortedIndices(of: functions) {
            let row = functions[index].value
            let key: [SQLValue] = [.int(id), .text(function), .text(row.package)]
            try fn.add(key + row.counts.values + [.int(row.fingerprint)])
        }
        let pkg = try db.inserter("""
            INSERT INTO package_metrics(run_id, package, functions, \(columns.joined(separator: ", ")))
            VALUES(\(placeholders(1, 3 + columns.count)))
            """)
        for (package, row) in packages.sorted(by: { UTF8Order.precedes($0.key, $1.key) }) {
            let key: [SQLValue] = [.int(id), .text(package), .integer(row.functions)]
            try pkg.add(key + row.counts.values)
        }
    }
}

/// ASCII-only case-insensitive matching, as SQL's `LIKE '%…%'` compares.
enum ASCIIText {
    /// Whether `text` contains `needle` (lowercase ASCII), ignoring the case of ASCII letters.
    static func containsIgnoringCase(_ text: String, _ needle: String) -> Bool {
        let hay = Array(text.utf8), pattern = Array(needle.utf8)
        guard pattern.count <= hay.count else { return pattern.isEmpty }
        outer: for start in 0...(hay.count - pattern.count) {
            for (k, p) in pattern.enumerated() where lower(hay[start + k]) != p { continue outer }
            return true
        }
        return false
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
}
