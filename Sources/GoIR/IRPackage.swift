import GoSyntax
import GoTypes

/// One package lowered to GoIR: every function with a body or a declaration, function
/// literals and wrappers included, in the order the front end creates them.
public struct IRPackage: Sendable {
    /// Import path.
    public var path: String
    /// The package name (`main`, `strings`).
    public var name: String
    /// Source files positions refer to (the package's own first, then files of inlined code).
    public var files: [SourceFile]
    /// Functions; literals and wrappers refer to their parents by index.
    public var functions: [IRFunction]
    /// Declared functions and methods by their object.
    public var functionsByObject: [ObjectID: Int]

    /// The line and column of a position (nil when unknown).
    public func position(_ p: IRPos) -> (file: String, line: Int, column: Int)? {
        guard p.isKnown, Int(p.file) < files.count else { return nil }
        let sp = files[Int(p.file)].position(of: Int(p.offset))
        return (files[Int(p.file)].path, sp.line, sp.column)
    }

    /// Where the compiler reports code at `p` of function `f`: code copied by inlining is
    /// reported at the outermost inlined call.
    public func reportedPosition(_ p: IRPos, in f: IRFunction) -> IRPos {
        var q = p
        while q.inlined >= 0 && Int(q.inlined) < f.inlinedCalls.count {
            q = f.inlinedCalls[Int(q.inlined)].pos
        }
        return q
    }

    /// `reportedPosition(_:in:)` for function `i`, its table read in place rather than copied
    /// (a copy retains and releases each of the function's tables).
    public func reportedPosition(_ p: IRPos, inFunction i: Int) -> IRPos {
        var q = p
        while q.inlined >= 0 && Int(q.inlined) < self[function: i].inlinedCalls.count {
            q = self[function: i].inlinedCalls[Int(q.inlined)].pos
        }
        return q
    }

    /// The index of the function with this compiler name.
    public func function(named name: String) -> Int? { functions.firstIndex { $0.name == name } }
}
