/// The closed set of passes a run may use, validated before anything runs.
public struct PassRegistry: Sendable {
    /// Registered passes in dependency order (every pass after the passes it requires).
    public let ordered: [AnyPass]

    /// Why a set of passes cannot run.
    public enum ValidationError: Error, Equatable, CustomStringConvertible {
        case duplicateName(String)
        case missingDocumentation(String)
        case invalidName(String)
        case unknownRequirement(pass: String, requires: String)
        case requirementType(pass: String, requires: String, expected: String, found: String)
        case cycle([String])

        public var description: String {
            switch self {
            case .duplicateName(let n): return "two passes are named '\(n)'"
            case .missingDocumentation(let n): return "pass '\(n)' has no documentation"
            case .invalidName(let n): return "pass name '\(n)' must be lower-case letters, digits and '-'"
            case .unknownRequirement(let p, let r): return "pass '\(p)' requires '\(r)', which is not registered"
            case .requirementType(let p, let r, let expected, let found):
                return "pass '\(p)' reads the result of '\(r)' as \(expected), but '\(r)' returns \(found)"
            case .cycle(let names): return "passes require each other in a cycle: \(names.joined(separator: " -> "))"
            }
        }
    }

    /// Validates the passes (unique valid names, documentation, known requirements, no cycles)
    /// and orders them so that requirements come first; ties keep registration order.
    public init(_ passes: [AnyPass]) throws {
        var byName: [String: AnyPass] = [:]
        for pass in passes {
            guard !pass.name.isEmpty,
                  pass.name.allSatisfy({ ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "-" })
            else { throw ValidationError.invalidName(pass.name) }
            guard byName[pass.name] == nil else { throw ValidationError.duplicateName(pass.name) }
            guard pass.doc.contains(where: { !$0.isWhitespace }) else {
                throw ValidationError.missingDocumentation(pass.name)
            }
            byName[pass.name] = pass
        }
        for pass in passes {
            for dependency in pass.dependencies {
                guard let required = byName[dependency.name] else {
                    throw ValidationError.unknownRequirement(pass: pass.name, requires: dependency.name)
                }
                if let expected = dependency.resultType,
                   ObjectIdentifier(expected) != ObjectIdentifier(required.resultType) {
                    throw ValidationError.requirementType(pass: pass.name, requires: dependency.name,
                                                          expected: "\(expected)", found: "\(required.resultType)")
                }
            }
        }
        var ordered: [AnyPass] = []
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        func visit(_ pass: AnyPass, _ path: [String]) throws {
            if state[pass.name] == 2 { return }
            if state[pass.name] == 1 { throw ValidationError.cycle(path + [pass.name]) }
            state[pass.name] = 1
            for req in pass.requires { try visit(byName[req]!, path + [pass.name]) }
            state[pass.name] = 2
            ordered.append(pass)
        }
        for pass in passes { try visit(pass, []) }
        self.ordered = ordered
    }

    /// The pass with this name.
    public func pass(named name: String) -> AnyPass? { ordered.first { $0.name == name } }
}
