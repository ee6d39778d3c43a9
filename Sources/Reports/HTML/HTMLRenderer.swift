import PassKit

/// Renders the static HTML report: one self-contained file (inline CSS, JS and SVG; no network)
/// with an overview, package and function tables, policy results, a diff against the baseline
/// and the annotated source.
///
/// The DOM is built through libxml2's tree (`XMLTree`), where every text and attribute is
/// escaped by construction; Go source with `<script>`, `&` or invalid bytes renders as text.
public struct HTMLRenderer: Sendable {
    /// How many rows the "top" tables show.
    public var topLimit: Int
    /// Share over the inlining budget within which a refused function counts as almost inlinable.
    public var almostInlinableMargin: Double

    /// Creates a renderer.
    public init(topLimit: Int = 10, almostInlinableMargin: Double = 0.10) {
        self.topLimit = topLimit
        self.almostInlinableMargin = almostInlinableMargin
    }

    /// The report as an HTML document.
    public func render(_ model: ReportModel) -> String {
        let stats = ReportStatistics(model)
        let tree = XMLTree(htmlRootWithLang: "en")
        let head = tree.root.add("head")
        head.add("meta", nil, ["charset": "utf-8"])
        head.add("meta", nil, ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        head.add("title", "heapsight report — run \(model.run.displayName)")
        head.add("style").rawConstant(HTMLAssets.css)
        let body = tree.root.add("body")
        let header = body.add("header")
        header.add("h1", "heapsight — where the code allocates, and why")
        header.add("p", runLine(model.run))
        let nav = body.add("nav")
        for (id, label) in [("overview", "Overview"), ("policy", "Policy"), ("packages", "Packages"),
                            ("functions", "Functions"), ("hot", "Hot sites"), ("diff", "Diff"), ("source", "Source")] {
            nav.add("a", label, ["href": "#\(id)"])
        }
        let main = body.add("main")
        overview(main, model, stats)
        policy(main, model)
        packagesTable(main, model, stats)
        functionsTable(main, model, stats)
        profiles(main, model)
        diff(main, model)
        source(main, model)
        body.add("script").rawConstant(HTMLAssets.js)
        return tree.htmlString()
    }

    func runLine(_ run: ReportRun) -> String {
        var parts = ["run \(run.displayName)", ReportFormatting.timestamp(run.startedAt), "engine \(run.engine)",
                     run.goVersion ?? "go version unknown", "\(run.goos)/\(run.goarch)"]
        if let c = run.gitCommit { parts.append("commit \(String(c.prefix(12)))") }
        if let b = run.gitBranch { parts.append("branch \(b)") }
        parts.append("heapsight \(run.toolVersion)")
        if run.status != "ok" { parts.append("status \(run.status)") }
        return parts.joined(separator: " · ")
    }

    /// Kinds present in a set of facts, space-separated (for the kind filter).
    func kinds(_ facts: [Fact]) -> String {
        Set(facts.map(\.kind.rawValue)).sorted().joined(separator: " ")
    }
}
