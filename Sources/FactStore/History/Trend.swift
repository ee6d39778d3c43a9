import Foundation

/// How trend rows are formed from runs.
public enum TrendGrouping: String, CaseIterable, Sendable {
    /// One row per run.
    case run
    /// One row per git commit, in commit-date order: the newest run recorded for it (runs
    /// without a commit are left out).
    case commit
    /// One row per UTC day (of the commit date when known, else of the run's start): the newest
    /// run of that day.
    case day
}

/// What to follow over time.
public struct TrendQuery: Sendable, Hashable {
    /// The metric.
    public var metric: TrendMetric
    /// Only packages whose import path matches this glob (`*`, `?`, `[...]`, case-sensitive).
    public var packageGlob: String?
    /// Only functions whose id matches this glob.
    public var functionGlob: String?
    /// Keep only the last N rows.
    public var last: Int?
    /// Row grouping.
    public var grouping: TrendGrouping

    /// Creates a query.
    public init(metric: TrendMetric = .heapSites, packageGlob: String? = nil, functionGlob: String? = nil,
                last: Int? = nil, grouping: TrendGrouping = .run) {
        self.metric = metric
        self.packageGlob = packageGlob
        self.functionGlob = functionGlob
        self.last = last
        self.grouping = grouping
    }
}

/// One row of a trend.
public struct TrendPoint: Sendable, Hashable, Codable {
    /// The run the value comes from.
    public var run: Int64
    /// The row's key: the run number, the commit, or the day (`YYYY-MM-DD`).
    public var key: String
    /// When the run started.
    public var startedAt: Date
    /// The run's commit, when known.
    public var gitCommit: String?
    /// The run's branch, when known.
    public var gitBranch: String?
    /// The run's label.
    public var label: String?
    /// The metric's value.
    public var value: Int
    /// Change from the previous row (nil for the first row of the store).
    public var change: Int?
}

extension FactStore {
    /// The metric per run (or commit, or day), oldest first, with the change from the previous
    /// row. Runs with status `failed` are left out. Reads only the metrics tables and `runs`,
    /// in one statement: consistent on its own, without a transaction around it, and one round
    /// trip on a server.
    public func trend(_ q: TrendQuery) throws -> [TrendPoint] {
        try locked { try trendPoints(q) }
    }

    /// The metric's value per run: `run_id` and `total` (an integer on both backends, where
    /// PostgreSQL's `sum` of integers would be `numeric`), with its arguments.
    private func trendValues(_ q: TrendQuery) -> (sql: String, arguments: [SQLValue]) {
        if let fn = q.functionGlob {
            let aggregate = q.metric == .functions ? "count(*)" : "sum(\(q.metric.column))"
            return ("""
                SELECT run_id, CAST(\(aggregate) AS BIGINT) AS total FROM function_metrics
                WHERE function_id IN (SELECT function_id FROM function_names WHERE \(db.dialect.glob("function_id", "?1")))
                  AND (CAST(?2 AS TEXT) IS NULL OR \(db.dialect.glob("package", "?2")))
                GROUP BY run_id
                """, [db.dialect.globArgument(fn), db.dialect.globArgument(q.packageGlob)])
        }
        return ("""
            SELECT run_id, CAST(sum(\(q.metric.column)) AS BIGINT) AS total FROM package_metrics
            WHERE CAST(?1 AS TEXT) IS NULL OR \(db.dialect.glob("package", "?1"))
            GROUP BY run_id
            """, [db.dialect.globArgument(q.packageGlob)])
    }

    /// The trend's rows from the runs and their values.
    private func trendPoints(_ q: TrendQuery) throws -> [TrendPoint] {
        let values = trendValues(q)
        // By run: recorded order. By commit or day: history order, the commit's date when known
        // (backfilled runs), else the run's start.
        let order = q.grouping == .run ? "r.id" : "COALESCE(r.git_committed_at, r.started_at), r.id"
        let runs: [(id: Int64, started: String, commit: String?, branch: String?, label: String?, time: String, value: Int)] = try {
            try db.rows("""
                SELECT r.id, r.started_at, r.git_commit, r.git_branch, r.label, COALESCE(r.git_committed_at, r.started_at), v.total
                FROM runs r LEFT JOIN (\(values.sql)) v ON v.run_id = r.id
                WHERE r.status <> 'failed' ORDER BY \(order)
                """, values.arguments) {
                ($0.int64(0), $0.text(1), $0.optionalText(2), $0.optionalText(3), $0.optionalText(4), $0.text(5), $0.int(6))
            }
        }()
        var rows: [(key: String, run: Int64)] = []
        var position: [String: Int] = [:]
        for r in runs {
            let key: String
            switch q.grouping {
            case .run: key = String(r.id)
            case .commit:
                guard let c = r.commit else { continue }
                key = c
            case .day: key = String(r.time.prefix(10))
            }
            if let i = position[key] {
                if r.id > rows[i].run { rows[i].run = r.id }  // the newest run stands for its group
            } else {
                position[key] = rows.count
                rows.append((key, r.id))
            }
        }
        let byID = Dictionary(runs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var points: [TrendPoint] = []
        for (i, row) in rows.enumerated() {
            let r = byID[row.run]!
            let value = r.value
            points.append(TrendPoint(run: row.run, key: row.key, startedAt: Timestamp.parse(r.started) ?? Date(timeIntervalSince1970: 0),
                                     gitCommit: r.commit, gitBranch: r.branch, label: r.label, value: value,
                                     change: i == 0 ? nil : value - points[i - 1].value))
        }
        if let last = q.last, last >= 0, points.count > last { points = Array(points.suffix(last)) }
        return points
    }
}
