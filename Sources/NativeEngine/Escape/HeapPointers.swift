import GoIR
import GoTypes

/// Which types hold pointers escape analysis follows, with the runtime's not-in-heap rule.
///
/// A value without pointers cannot carry an address anywhere, so escape analysis discards the
/// flows of such values (the scalar short-circuit). The compiler counts a pointer to a
/// not-in-heap type as no pointer at all: such memory is never allocated by the garbage
/// collector, so its addresses need no tracking (the runtime's `*mspan`, `*mheap`, ...). A type
/// is not-in-heap when it is `internal/runtime/sys.nih`, or a struct with a not-in-heap
/// field, an array of not-in-heap elements, or a named type over one of those.
final class HeapPointers {
    private let program: Program
    private var notInHeap: [TypeID: Bool] = [:]
    /// `hasPointers` by type index (0 not yet asked, 1 no, 2 yes): the walker asks it of every
    /// expression it evaluates, and a table indexed by the dense type ids answers without the
    /// hashing a dictionary lookup cost each time.
    private var answers: [UInt8] = []

    init(program: Program) {
        self.program = program
    }

    /// True when values of `t` hold pointers the analysis must follow.
    func hasPointers(_ t: TypeID) -> Bool {
        if t.isInvalid { return true }
        let i = Int(t.raw)
        if i >= 0, i < answers.count, answers[i] != 0 { return answers[i] == 2 }
        var visiting: Set<TypeID> = []
        let answer = program.hasPointers(t) && followed(t, &visiting)
        guard i >= 0 else { return answer }
        if i >= answers.count { answers.append(contentsOf: repeatElement(0, count: max(i + 1 - answers.count, answers.count))) }
        answers[i] = answer ? 2 : 1
        return answer
    }

    private func followed(_ t0: TypeID, _ visiting: inout Set<TypeID>) -> Bool {
        let t = program.under(t0)
        switch program.node(t) {
        case .pointer(let e):
            var seen: Set<TypeID> = []
            return !isNotInHeap(e, &seen)
        case .array(let n, let e):
            return n > 0 && followed(e, &visiting)
        case .structure(let s):
            guard visiting.insert(t).inserted else { return false }
            defer { visiting.remove(t) }
            return s.fields.contains { followed(program.object($0).type, &visiting) }
        default:
            return program.hasPointers(t)
        }
    }

    private func isNotInHeap(_ t: TypeID, _ visiting: inout Set<TypeID>) -> Bool {
        if let known = notInHeap[t] { return known }
        guard visiting.insert(t).inserted else { return false }
        var result = false
        switch program.node(t) {
        case .named(let i):
            let named = program.named[Int(i)]
            let o = program.object(named.object)
            if o.name == "nih" && program.packagePath(o.package) == "internal/runtime/sys" {
                result = true
            } else if !named.underlying.isInvalid {
                result = isNotInHeap(named.underlying, &visiting)
            }
        case .structure(let s):
            result = s.fields.contains { isNotInHeap(program.object($0).type, &visiting) }
        case .array(_, let e):
            result = isNotInHeap(e, &visiting)
        default:
            result = false
        }
        notInHeap[t] = result
        return result
    }
}
