/// A finding about the user's input that is not an analysis fact: a syntax error, a compiler
/// error, a misplaced directive, a pass that failed. Stored with the run, shown in reports.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// How serious the diagnostic is.
    public enum Severity: String, Sendable, Codable, Comparable {
        case note, warning, error
        public static func < (a: Severity, b: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }

    /// Severity.
    public var severity: Severity
    /// Stable id of the source: `syntax`, `compiler`, `directive`, `pass:NAME`, `loader`, ...
    public var source: String
    /// File path (same conventions as `Fact.file`); empty when not tied to a file.
    public var file: String
    /// 1-based line, 0 when unknown.
    public var line: Int
    /// 1-based byte column, 0 when unknown.
    public var column: Int
    /// One-line message a person can act on.
    public var message: String
    /// Import path of the package concerned, when known.
    public var package: String?

    /// Creates a diagnostic.
    public init(severity: Severity, source: String, file: String = "", line: Int = 0,
                column: Int = 0, message: String, package: String? = nil) {
        self.severity = severity
        self.source = source
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.package = package
    }
}
