import FunctionsPass
import PassKit

/// The built-in passes, in registration order. New built-in passes add one line here.
public enum PassCatalog {
    /// Every built-in pass.
    public static var builtIn: [AnyPass] {
        [
            FunctionsPass.descriptor.erased,
        ]
    }
}
