import ArgumentParser
import Foundation
import GoSyntax

/// `heapsight parse`: checks that Go files parse, or prints one file's normalized AST.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse every .go file under the paths (skipping testdata) and report syntax errors.",
        discussion: """
        Prints every syntax error (file:line:col: message, as `gofmt -e` lists them) and a \
        closing summary `files=N bytes=N errors=N seconds=S`. Exits 1 if any file has an error. \
        With --dump FILE, prints FILE's normalized AST (the format the go/parser oracle prints).
        """)

    @Argument(help: ArgumentHelp("Files or directories to parse.", valueName: "PATH"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Print the normalized AST dump of one file instead.", valueName: "FILE"))
    var dump: String?

    func validate() throws {
        if dump == nil && paths.isEmpty { throw ValidationError("give at least one PATH, or --dump FILE") }
        if dump != nil && !paths.isEmpty { throw ValidationError("--dump takes one file and no other paths") }
    }

    func run() throws {
        try runReportingErrors {
            if let dump {
                guard let bytes = GoFileCollector.read(dump) else { throw fail("cannot read \(dump)") }
                FileHandle.standardOutput.write(Data(ASTDump.dump(parseFile(path: dump, bytes: bytes))))
                return
            }
            let summary = ParseRun.run(paths: paths)
            if let missing = summary.unreadable.first {
                throw fail("cannot read \(missing)")
            }
            var out = ""
            for d in summary.diagnostics { out += d.adjustedDescription + "\n" }
            out += summary.line + "\n"
            FileHandle.standardOutput.write(Data(out.utf8))
            if summary.errors > 0 { throw ExitCode(1) }
        }
    }
}
