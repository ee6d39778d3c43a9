import GoSyntax
import PassKit

/// The driver's single point of contact with the parser: every file is parsed once per scan,
/// its syntax errors become diagnostics for that file (source `syntax`), and the trees go to the
/// passes through `PackageInput.syntax`, so a file with errors is reported once and the rest of
/// its package is still analysed.
enum SyntaxCheck {
    /// Parses the package's files and returns the input with trees attached, plus diagnostics.
    static func parse(_ input: PackageInput) -> (PackageInput, [Diagnostic]) {
        var input = input
        var diagnostics: [Diagnostic] = []
        input.syntax = input.files.map { file in
            let parsed = parseFile(path: file.path, bytes: file.bytes)
            // The first error of a file is the one a person acts on; later ones often follow from it.
            if let first = parsed.diagnostics.first {
                let more = parsed.diagnostics.count - 1
                diagnostics.append(Diagnostic(severity: .error, source: "syntax", file: file.path, line: first.line,
                                              column: first.column,
                                              message: first.message + (more > 0 ? " (and \(more) more syntax errors in this file)" : ""),
                                              package: input.importPath))
            }
            return parsed
        }
        return (input, diagnostics)
    }
}
