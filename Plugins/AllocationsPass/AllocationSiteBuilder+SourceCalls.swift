import GCEngine
import GoSyntax
import PassKit

/// Two readings of the verdicts and the listing that only the source text settles.
///
/// - A package-qualified identifier (`http.NoBody`, `binary.BigEndian`) printed as an escaping
///   or non-escaping expression is a package-level variable boxed into an interface, never a
///   method value: a method value selects a method of a value (`x.M`), and a package name is
///   not a value. Its text alone looks like a selector, which the kind reading would otherwise
///   take for a method value first.
/// - The run-time package calls its allocator entry points by name (`mallocgc(size, typ,
///   true)` in `makechan`, `mallocgcTinySC2` in `mallocgc`'s size dispatch). Such a call is the
///   program's own call of a function, not an allocation the compiler introduced for a
///   construct (`new`, a literal, a conversion, …), so it is no allocation site.
extension AllocationSiteBuilder {
    /// The names a file's imports bind, with the import path each names: the explicit name,
    /// else the package name the path ends with (a trailing major-version element `v2` is not
    /// the package name). Blank and dot imports bind no name.
    static func boundImports(_ imports: [ImportInfo]) -> [String: String] {
        var names: [String: String] = [:]
        for i in imports {
            if let name = i.name {
                if name != "_" && name != "." { names[name] = i.path }
                continue
            }
            let elements = i.path.split(separator: "/")
            guard var last = elements.last else { continue }
            if elements.count > 1, last.first == "v", last.dropFirst().allSatisfy(\.isNumber), last.count > 1 {
                last = elements[elements.count - 2]
            }
            names[String(last)] = i.path
        }
        return names
    }

    /// True when the subject is `pkg.Name` with `pkg` a name the fact's file imports.
    func isQualifiedIdentifier(_ subject: String, file: String) -> Bool {
        guard SubjectShape.isSelector(subject) else { return false }
        let parts = subject.split(separator: ".")
        guard parts.count == 2, let names = importedNames[file] else { return false }
        return names[String(parts[0])] != nil
    }

    /// False when the selector `x.M` cannot be a method value: the front end compiles an `M-fm`
    /// wrapper for every method value of a non-generic method a package's own code writes, in
    /// that package, so the selector is no method value when the package its code comes from
    /// compiles none. The code is the function's own when the selector is written on the
    /// verdict's line (embedded fields elided: `obj.name` printed `obj.object.name`); code
    /// inlined from an imported package prints its names qualified (`os.p.status`), and that
    /// package's listing says. Generic code (method values of type parameters become closures)
    /// and a package without a listing say nothing.
    func mayBeMethodValue(_ subject: String, at fact: Fact, function: FunctionRecord,
                          wrappers: [String: Set<String>]?) -> Bool {
        guard let wrappers, !function.id.contains("[") else { return true }
        let parts = subject.split(separator: ".")
        guard parts.count >= 2, let method = parts.last, let layout = files[fact.file] else { return true }
        let own = layout.column(of: String(parts[0]), line: fact.line) != nil && layout.column(of: "." + method, line: fact.line) != nil
        let imported = importedNames[fact.file]?[String(parts[0])]
        guard let path = own && imported == nil ? packagePath : (parts.count >= 3 ? imported : nil),
              let listed = wrappers[path] else { return true }
        return listed.contains(String(method))
    }

    /// True when the call's source line names the called allocator itself: a call the source
    /// wrote, not one the compiler emitted for an allocating construct.
    func isWrittenCall(_ call: AllocatorCall) -> Bool {
        guard !call.external, let layout = files[call.file] else { return false }
        return layout.column(of: call.runtimeFunction, line: call.line) != nil
    }
}

extension AllocationSiteBuilder {
    private static let linknameDirective = Array("//go:linkname ".utf8)

    /// The `//go:linkname local symbol` directives of a file, as (local name, symbol) pairs: a
    /// function so named is compiled, and listed in the assembly, under the symbol.
    static func linknames(in bytes: [UInt8]) -> [(local: String, symbol: String)] {
        var out: [(String, String)] = []
        // Only lines starting with the directive are cut out: splitting every file of the
        // package into lines made an array of all of them for the few directives there are.
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            defer { start = end + 1 }
            guard end > start, bytes[start..<end].starts(with: linknameDirective) else { continue }
            let line = bytes[start..<end]
            let fields = line.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") })
            guard fields.count == 3 else { continue }
            out.append((String(decoding: fields[1], as: UTF8.self), String(decoding: fields[2], as: UTF8.self)))
        }
        return out
    }
}
