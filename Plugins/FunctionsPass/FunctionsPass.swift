import GoSyntax
import PassKit

/// The `functions` pass: every function, method and function literal of a package, with its
/// identity, position, size and directives.
///
/// Model. A function is a `FuncDecl` or a `FuncLit`. Its id follows the Go compiler's own
/// naming, so that facts printed by the compiler (`can inline F.func1`) and records found here
/// meet on the same string and stay the same when lines move:
///
/// - `PKG.F` for a function, `PKG.T.M` and `PKG.(*T).M` for methods; a generic function or a
///   method of a generic type carries `[...]` (`PKG.Map[...]`, `PKG.(*List[...]).Push`), the
///   compiler's name for the generic body.
/// - `init` functions are `PKG.init.0`, `PKG.init.1`, ... in source order over the package's
///   files (sorted by name), as the compiler renames them.
/// - Function literals are numbered in source order (pre-order) within their enclosing
///   function: `F.func1`, `F.func2`; literals inside a literal continue the parent's name
///   with a plain counter: `F.func1.1`, `F.func1.2`. Literals outside any function (package
///   variable initialisers) belong to the package's implicit initialiser: `PKG.init.func1`
///   (Go 1.22 and later; older compilers said `glob..func1`).
///
/// The reference position is the compiler's: the name of a function, the `(` of a method's
/// receiver, the `func` keyword of a literal. The range runs from the `func` keyword to the
/// closing brace of the body, so "innermost function containing a position" is a range query.
///
/// Statement count: every statement node in the body, nested blocks included, except the
/// containers themselves (blocks, `case` and `select` clauses) and statements inside nested
/// literals, which count for the literal.
///
/// Not modelled: functions the compiler synthesises (method value wrappers, `go`/`defer`
/// wrappers, equality functions); functions in files with syntax errors are recorded as far
/// as the parser recovered them.
///
/// Cost: one walk over each file's tree, linear in its size.
public enum FunctionsPass {
    /// The pass descriptor.
    public static let descriptor = PassDescriptor<[FunctionRecord]>(
        name: "functions",
        doc: "Every function, method and function literal with its compiler-style id, position, line and statement counts, and directives.",
        requires: [],
        engines: .independent,
        factKinds: [],
        configKeys: []
    ) { context in
        let records = FunctionCollector.collect(package: context.package)
        return PassOutput(result: records, functions: records)
    }
}
