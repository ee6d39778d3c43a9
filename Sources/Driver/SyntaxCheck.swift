import PassKit

/// Syntax diagnostics for one file: the driver's single point of contact with the parser for
/// error reporting, so a file with syntax errors is reported once and the rest of its package
/// is still analysed.
enum SyntaxCheck {
    static func diagnostics(path: String, bytes: [UInt8], package: String) -> [Diagnostic] {
        []
    }
}
