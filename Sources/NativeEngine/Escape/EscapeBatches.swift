import GoIR
import GoTypes

/// Batches of functions analysed together: the strongly connected components of the
/// "mentions" graph (a function mentions a function or method it names and the literals it
/// creates), bottom-up; a literal that captures variables belongs to its enclosing
/// function's batch.
enum EscapeBatches {
    /// The batches' root functions, callees first. `mentioned`, when given, holds for each
    /// root what `mentions(ofRoot:in:)` returns (collected as the clean-up leaves each body,
    /// `NativeIR.expanded`); the bodies are walked here otherwise.
    static func order(_ package: IRPackage, mentioned: [[Int]]? = nil) -> [[Int]] {
        let count = package.functions.count
        var roots: [Int] = []
        var rootOf = Array(0..<count)
        for i in 0..<count {
            var r = i
            while package.isCapturingLiteral(r) { r = Int(package[function: r].parent) }
            rootOf[i] = r
            if r == i { roots.append(i) }
        }
        // Tables indexed by function and by root, where dictionaries hashed every mention.
        var mentions = [[Int]](repeating: [], count: count)
        if let mentioned, mentioned.count == count {
            for r in roots { mentions[r] = mentioned[r].map { rootOf[$0] } }
        } else {
            for r in roots { mentions[r] = Self.mentions(ofRoot: r, in: package).map { rootOf[$0] } }
        }
        var position = [Int](repeating: -1, count: count)
        for (i, r) in roots.enumerated() { position[r] = i }
        var batches: [[Int]] = []
        var order = CallGraphOrder(count: roots.count) { i in
            mentions[roots[i]].compactMap { position[$0] >= 0 ? position[$0] : nil }.filter { $0 != i }
        }
        order.run { block in batches.append(block.map { roots[$0] }) }
        return batches
    }

    /// The functions root `r`'s batch member bodies mention (declared functions and methods
    /// named, literals created), by index in the package: the members in index order, each
    /// body in walk order, as a sweep over the package in index order meets them.
    static func mentions(ofRoot r: Int, in package: IRPackage) -> [Int] {
        var out: [Int] = []
        for i in members([r], in: package).sorted() {
            let hasBody = package[function: i].hasBody, body = package[function: i].body
            guard hasBody, body.exists else { continue }
            package.forEachReachable(inFunction: i, from: body) { _, n in
                switch n.op {
                case .function, .methodExpr, .methodValue:
                    if let j = package.functionsByObject[ObjectID(n.aux)] { out.append(j) }
                case .closure:
                    out.append(Int(n.aux))
                default: break
                }
            }
        }
        return out
    }

    /// A batch's functions: its roots, each followed by its capturing literals (parents first).
    static func members(_ roots: [Int], in package: IRPackage) -> [Int] {
        var out: [Int] = []
        func add(_ i: Int) {
            out.append(i)
            for l in package[function: i].literals where package.isCapturingLiteral(Int(l)) { add(Int(l)) }
        }
        for r in roots { add(r) }
        return out
    }
}
