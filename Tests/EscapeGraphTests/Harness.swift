import XCTest
import EscapeGraph

/// Positions in the one-file test packages, printed as the compiler prints them.
func P(_ line: Int32, _ column: Int32) -> SourcePosition {
    SourcePosition(file: "./a.go", line: line, column: column)
}

/// A note site: the node's text and position.
func S(_ text: String, _ line: Int32, _ column: Int32) -> NoteSite {
    NoteSite(text, at: P(line, column))
}

/// A pointerful named parameter declaration for `location`.
func pointerParam(_ g: EscapeGraph, _ location: LocationID) -> ParameterDeclaration {
    ParameterDeclaration(name: g.text(of: location), position: g.position(of: location),
                         hasPointers: true, location: location)
}

/// A pointer-free named parameter declaration for `location`.
func scalarParam(_ g: EscapeGraph, _ location: LocationID) -> ParameterDeclaration {
    ParameterDeclaration(name: g.text(of: location), position: g.position(of: location),
                         hasPointers: false, location: location)
}

/// Compares our lines with the compiler's, showing both in full on a mismatch.
func assertSameLines(_ ours: [String], _ compiler: [String], file: StaticString = #filePath, line: UInt = #line) {
    if ours != compiler {
        var report = "lines differ from the compiler's:\n--- compiler\n"
        report += compiler.joined(separator: "\n")
        report += "\n--- EscapeGraph\n"
        report += ours.joined(separator: "\n")
        XCTFail(report, file: file, line: line)
    }
}
