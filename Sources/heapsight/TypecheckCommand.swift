import ArgumentParser
import Foundation
import GoLoader
import GoTypes

/// `heapsight typecheck`: type-checks packages (and what they import) with heapsight's own
/// checker.
struct TypecheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "typecheck",
        abstract: "Type-check every package under the paths (or all of std) and report type errors.",
        discussion: """
        Prints one line per type error (file:line:col: message) and a closing summary \
        `packages=N errors=N seconds=S`; exits 1 if there is any error. The build configuration \
        is GOOS=linux GOARCH=amd64 CGO_ENABLED=0. With --dump PACKAGE, prints the package's \
        normalized facts (the format the go/types oracle prints) instead.
        """)

    @Argument(help: ArgumentHelp("Directories to check, or `std`.", valueName: "PATH"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("Print the normalized dump of one package (import path, or directory under PATH).",
                               valueName: "PACKAGE"))
    var dump: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Threads: one checks, the others read and parse ahead (default: one per core).",
                               valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if dump == nil && paths.isEmpty { throw ValidationError("give at least one PATH (or `std`), or --dump PACKAGE") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        try runReportingErrors {
            guard let goroot = GoRootLocator.locate() else {
                throw fail("no Go standard library found: set GOROOT or put `go` on PATH")
            }
            let outcome: TypecheckRun.Outcome
            do {
                outcome = try TypecheckRun.run(.init(paths: paths, goroot: goroot.path, dump: dump, threads: jobs))
            } catch let f as TypecheckRun.Failure {
                throw fail(f.description)
            }
            if let text = outcome.dump {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            var out = outcome.errors.map { $0 + "\n" }.joined()
            out += outcome.summary + "\n"
            FileHandle.standardOutput.write(Data(out.utf8))
            if !outcome.errors.isEmpty { throw ExitCode(1) }
        }
    }
}
