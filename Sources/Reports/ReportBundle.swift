/// The report files for a model, by format: what `heapsight check` writes to `reports/`.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// JUnit XML (`junit.xml`).
    case junit
    /// SARIF 2.1.0 (`heapsight.sarif`).
    case sarif
    /// Static HTML (`index.html`).
    case html
    /// Plain text (`report.txt`).
    case text
    /// GitLab Code Quality JSON (`codequality.json`).
    case codequality
    /// Markdown summary for pull-request comments and job summaries (`summary.md`).
    case markdown

    /// The file name the format is written to inside the output folder.
    public var fileName: String {
        switch self {
        case .junit: return "junit.xml"
        case .sarif: return "heapsight.sarif"
        case .html: return "index.html"
        case .text: return "report.txt"
        case .codequality: return "codequality.json"
        case .markdown: return "summary.md"
        }
    }

    /// Renders a model in this format.
    public func render(_ model: ReportModel, junit: JUnitRenderer.Flavour = .extended, almostInlinableMargin: Double = 0.10) -> String {
        switch self {
        case .junit: return JUnitRenderer(flavour: junit).render(model)
        case .sarif: return SARIFRenderer().render(model)
        case .html: return HTMLRenderer(almostInlinableMargin: almostInlinableMargin).render(model)
        case .text: return TextRenderer().render(model)
        case .codequality: return CodeQualityRenderer().render(model)
        case .markdown: return MarkdownRenderer().render(model)
        }
    }
}
