import Foundation

/// The batch behind `heapsight parse`: parse every `.go` file under some paths and report
/// the files with syntax errors. The command only parses its arguments and prints.
public enum ParseRun {
    /// What a run found.
    public struct Summary: Sendable {
        /// Files parsed.
        public var files = 0
        /// Bytes parsed.
        public var bytes = 0
        /// Syntax diagnostics over all files.
        public var errors = 0
        /// Wall-clock seconds spent reading and parsing.
        public var seconds = 0.0
        /// The first diagnostic of each file that has any, in file order.
        public var firstErrors: [SyntaxDiagnostic] = []
        /// Number of diagnostics per file with errors (same order as `firstErrors`).
        public var errorCounts: [Int] = []
        /// Every diagnostic of every file, in file order then position order (as `gofmt -e`
        /// lists them).
        public var diagnostics: [SyntaxDiagnostic] = []
        /// Paths that do not exist or cannot be read.
        public var unreadable: [String] = []

        /// `files=N bytes=N errors=N seconds=S`.
        public var line: String {
            "files=\(files) bytes=\(bytes) errors=\(errors) seconds=\(String(format: "%.3f", seconds))"
        }
    }

    /// Diagnostics in go/parser's ErrorList order: by `//line`-adjusted file, line, column, then
    /// message (what `gofmt -e` prints).
    public static func sorted(_ diagnostics: [SyntaxDiagnostic]) -> [SyntaxDiagnostic] {
        diagnostics.sorted {
            let a = $0.position, b = $1.position
            return (a.adjustedFile, a.adjustedLine, a.adjustedColumn, $0.message)
                < (b.adjustedFile, b.adjustedLine, b.adjustedColumn, $1.message)
        }
    }

    /// Parses every `.go` file under `paths` (skipping `testdata`), one at a time.
    public static func run(paths: [String]) -> Summary {
        var summary = Summary()
        let (files, missing) = GoFileCollector.collect(paths)
        summary.unreadable = missing
        let start = Date()
        for path in files {
            guard let bytes = GoFileCollector.read(path) else {
                summary.unreadable.append(path)
                continue
            }
            let parsed = parseFileReportingAllErrors(path: path, bytes: bytes)
            summary.files += 1
            summary.bytes += bytes.count
            if let first = parsed.diagnostics.first {
                summary.errors += parsed.diagnostics.count
                summary.firstErrors.append(first)
                summary.errorCounts.append(parsed.diagnostics.count)
                summary.diagnostics.append(contentsOf: sorted(parsed.diagnostics))
            }
        }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }
}
