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

    /// The built-in passes whose decisions come from an engine (the compiler's, or the native
    /// one), in registration order, as each descriptor declares (`EngineSupport`).
    static var engineBacked: [AnyPass] { builtIn.filter { $0.engines.needsEngine } }
}
