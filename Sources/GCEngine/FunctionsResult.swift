import PassKit

/// Reads the `functions` pass result (the package's function records) from a pass context,
/// for the passes that attribute facts to functions. The `functions` pass's result type is
/// `[FunctionRecord]`; only its name and result type are used here.
public enum FunctionsResult {
    private static let functions = PassDescriptor<[FunctionRecord]>(name: "functions", doc: "function records") { _ in
        preconditionFailure("internal error: the functions pass is run by its own module")
    }

    /// The package's function records.
    public static func records(in context: PassContext) -> [FunctionRecord] {
        context.result(of: functions)
    }
}
