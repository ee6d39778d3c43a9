import AllocationsPass
import BoundsPass
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
            BoundsPass.descriptor.erased,
        ]
    }

    /// Passes whose decisions come from an engine (the compiler's, or the native one).
    static let compilerOnly = ["inlining", "escape", "allocations", "bounds"]

    /// Of those, the passes the native engine computes.
    static let native: Set<String> = ["inlining", "escape", "allocations"]
}
