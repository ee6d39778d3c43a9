/// A lexical scope: names to objects, with a parent link. The universe scope has no parent;
/// each package scope's parent is the universe; file scopes hold imports.
public final class Scope: @unchecked Sendable {
    /// The enclosing scope.
    public let parent: Scope?
    /// The names declared here.
    public private(set) var names: [String: ObjectID] = [:]
    /// True for a function scope boundary (labels and closures stop here).
    public let isFunction: Bool

    /// Creates a scope.
    public init(parent: Scope?, isFunction: Bool = false) {
        self.parent = parent
        self.isFunction = isFunction
    }

    /// Declares a name; returns the object already declared here under it, if any.
    @discardableResult
    public func insert(_ name: String, _ obj: ObjectID) -> ObjectID? {
        if name == "_" { return nil }
        if let old = names[name] { return old }
        names[name] = obj
        return nil
    }

    /// The object declared here under a name.
    public func lookupLocal(_ name: String) -> ObjectID? { names[name] }

    /// Looks a name up here and in enclosing scopes.
    public func lookup(_ name: String) -> ObjectID? {
        var s: Scope? = self
        while let c = s {
            if let o = c.names[name] { return o }
            s = c.parent
        }
        return nil
    }
}

/// A type-checked (or being checked) package.
public final class TypesPackage: @unchecked Sendable {
    /// Import path.
    public let path: String
    /// Package name.
    public var name: String
    /// Package scope.
    public let scope: Scope
    /// Index in `Program.packages`.
    public let index: Int32
    /// True once checking finished.
    public var complete = false
    /// True for the stand-in of a package that could not be imported: its members are
    /// unknown, and using them is not reported again.
    public internal(set) var isFake = false

    init(path: String, name: String, scope: Scope, index: Int32) {
        self.path = path
        self.name = name
        self.scope = scope
        self.index = index
    }
}
