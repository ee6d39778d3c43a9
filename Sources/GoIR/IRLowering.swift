import GoSyntax
import GoTypes

/// What the lowering reads: one type-checked package.
public struct IRLoweringInput {
    /// The checker's tables (types, objects) shared by every package of the session.
    public var program: Program
    /// Import path.
    public var path: String
    /// Parsed files, in the checker's order.
    public var files: [ParsedFile]
    /// The checker's facts per file (same index as `files`).
    public var facts: [FileFacts]
    /// Per file: true when loops have per-iteration variables (the file's Go version is 1.22 or
    /// later).
    public var perIterationLoops: [Bool]

    /// Creates an input; loops are per iteration in every file unless said otherwise.
    public init(program: Program, path: String, files: [ParsedFile], facts: [FileFacts], perIterationLoops: [Bool]? = nil) {
        self.program = program
        self.path = path
        self.files = files
        self.facts = facts
        self.perIterationLoops = perIterationLoops ?? Array(repeating: true, count: files.count)
    }
}

/// Lowers a type-checked package to GoIR (see the essay in `GoIR.swift`).
public enum IRLowering {
    /// Every function of the package, lowered.
    public static func lower(_ input: IRLoweringInput) -> IRPackage {
        let p = PackageLowerer(input)
        p.run()
        // Moved out of their slots, not copied (a copy retains and releases each table).
        var functions: [IRFunction] = []
        functions.reserveCapacity(p.functions.count)
        for i in p.functions.indices { functions.append(p.functions[i].take()!) }
        var byObject: [ObjectID: Int] = [:]
        byObject.reserveCapacity(functions.count)
        // Read in place: a copy of each function would retain and release each of its tables.
        for i in functions.indices { if let o = functions[i].object { byObject[o] = i } }
        return IRPackage(path: input.path, name: input.files.first?.packageName ?? "",
                         files: input.files.map(\.source), functions: functions, functionsByObject: byObject)
    }
}

/// Package-level state of one lowering: the function table (literals get their slot when
/// they are met) and the stack of functions being lowered (a literal's body is lowered while
/// its parent is open, so captured variables can be resolved through the stack).
final class PackageLowerer {
    let input: IRLoweringInput
    let program: Program
    var functions: [IRFunction?] = []
    var stack: [FunctionLowerer] = []
    /// Counter of literals at package level (`init.func1`, as `-m` names them).
    var globalLiteralCount = 0
    /// Where each initializer's literals start counting, when initialization order numbers
    /// them differently from source order (`PackageInitOrder`).
    var literalBases: [PackageInitOrder.Initializer: Int]? = nil

    init(_ input: IRLoweringInput) {
        self.input = input
        self.program = input.program
    }

    func run() {
        // A slot per declaration at once (literals and wrappers add theirs as they are met):
        // the table of a large package grew by doubling, copied at every step.
        functions.reserveCapacity(input.files.reduce(1) { $0 + $1.declarations.count })
        literalBases = PackageInitOrder.literalBases(input)
        var initCount = 0
        var packageInit: FunctionLowerer? = nil
        for (fi, file) in input.files.enumerated() where fi < input.facts.count {
            let tree = file.tree
            var previousEnd = 0
            for decl in file.declarations {
                let node = tree[decl]
                defer { previousEnd = node.end }
                switch node.kind {
                case .funcDecl:
                    lowerDeclaration(file: fi, decl: decl, pragmas: tree.goDirectiveNames(from: previousEnd, to: node.pos),
                                     initCount: &initCount)
                case .genDecl where node.token == .kwVar && node.specs.contains(where: { !tree[$0].values.isEmpty }):
                    if packageInit == nil {
                        let f = IRFunction(name: "init", kind: .packageInit, object: nil, type: .invalid,
                                           pos: .none, parent: -1, pragmas: [], hasBody: true)
                        packageInit = FunctionLowerer(package: self, function: f, index: reserveSlot(), file: fi)
                    }
                    let lowerer = packageInit!
                    lowerer.switchFile(fi)
                    stack.append(lowerer)
                    lowerer.packageVariables(decl)
                    stack.removeLast()
                default:
                    break
                }
            }
        }
        if let p = packageInit {
            p.finish(body: p.function.add(.block, pos: .none, list: p.pendingTopLevel))
        }
    }

    /// Reserves the next slot of the function table.
    func reserveSlot() -> Int32 {
        functions.append(nil)
        return Int32(functions.count - 1)
    }

    private func lowerDeclaration(file: Int, decl: NodeID, pragmas: Set<String>, initCount: inout Int) {
        let tree = input.files[file].tree
        let facts = input.facts[file]
        let node = tree[decl]
        let nameNode = tree[node.name]
        let object = facts.defs[node.name] ?? nil
        var name = nameNode.identifier
        var type = TypeID.invalid
        if let o = object {
            type = program.object(o).type
            name = diagnosticName(o)
        }
        if nameNode.identifier == "init" && !node.recv.exists {
            // `func init()` declarations are numbered in file order: `init.0`, `init.1`, ...
            name = "init.\(initCount)"
            initCount += 1
        }
        let posOffset = node.recv.exists ? tree[node.recv].opening : nameNode.pos
        var f = IRFunction(name: name, kind: .declared, object: object, type: type,
                           pos: IRPos(file: Int32(file), offset: Int32(posOffset)), parent: -1,
                           pragmas: pragmas, hasBody: node.body.exists)
        f.isGeneric = isGeneric(object)
        f.sourceFile = Int32(file)
        f.sourceNode = decl
        f.sourcePackage = input.path
        let lowerer = FunctionLowerer(package: self, function: f, index: reserveSlot(), file: file)
        stack.append(lowerer)
        lowerer.signature(funcType: node.type, receiver: node.recv)
        let body = node.body.exists ? lowerer.functionBody(node.body) : IRNodeID.none
        stack.removeLast()
        lowerer.finish(body: body)
    }

    private func isGeneric(_ o: ObjectID?) -> Bool {
        guard let o, let sig = program.signatureOf(program.object(o).type) else { return false }
        return !sig.typeParams.isEmpty || !sig.recvTypeParams.isEmpty
    }

    /// The compiler's diagnostic name of a declared function or method (`F`, `(*T).M`, `T.M`).
    func diagnosticName(_ o: ObjectID) -> String {
        let name = program.object(o).name
        guard let s = program.signatureOf(program.object(o).type), let recv = s.recv else { return name }
        var t = program.unalias(program.object(recv).type)
        var pointer = false
        if case .pointer(let b) = program.node(t) { t = program.unalias(b); pointer = true }
        guard case .named(let i) = program.node(t) else { return name }
        var base = program.object(program.named[Int(i)].object).name
        if !program.named[Int(i)].typeParams.isEmpty || !program.named[Int(i)].typeArgs.isEmpty { base += "[...]" }
        return pointer ? "(*\(base)).\(name)" : "\(base).\(name)"
    }
}
