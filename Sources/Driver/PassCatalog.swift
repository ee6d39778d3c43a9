import AllocationsPass
import EscapePass
import FunctionsPass
import InliningPass
import PassKit

/// The built-in passes, in registration order. New built-in passes add one line here.
public enum PassCatalog {
    /// Every built-in pass.
    public static var builtIn: [AnyPass] {
        [
            FunctionsPass.descriptor.erased,
            InliningPass.descriptor.erased,
            EscapePass.descriptor.erased,
            AllocationsPass.descriptor.erased,
        ]
    }

    /// Passes whose decisions only the gc engine computes so far.
    static let compilerOnly = ["inlining", "escape", "allocations"]
}
