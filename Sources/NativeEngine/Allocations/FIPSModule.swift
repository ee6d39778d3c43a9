/// The packages of the FIPS 140 cryptographic module (`crypto/internal/fips140` and below).
///
/// The compiler keeps relocations out of such a package's read-only data, so values it would
/// elsewhere place there are built at run time: a constant or a literal of constants boxed into
/// an escaping interface (`panic("msg")`) calls `convTstring` / `convT*` instead of pointing at
/// a read-only copy (walk's `addrTemp` and `isStaticCompositeLiteral` check the same package
/// test). External test packages (`_test`) are outside the module.
enum FIPSModule {
    /// The module's root import path.
    static let root = "crypto/internal/fips140"

    /// True when a package of this import path is compiled as part of the module.
    static func contains(_ importPath: String) -> Bool {
        guard !importPath.hasSuffix("_test") else { return false }
        return importPath == root || importPath.hasPrefix(root + "/")
    }
}
