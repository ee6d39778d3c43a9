extension EscapeGraph {
    /// The hole an argument is evaluated into when the callee was analysed in an earlier
    /// batch and summarised by `tag`: a tee of the heap, mutator, callee and result holes,
    /// each shifted by the tag's derefs. `resultHoles` are where the call's results go (nil
    /// when the results are not used); result flows beyond them are dropped. An argument that
    /// flows nowhere is discarded.
    public mutating func argumentHole(calleeTag tag: LeakSummary, resultHoles: [Hole]?) -> Hole {
        var ks: [Hole] = []
        if let d = tag.heap { ks.append(Hole.heap.shifted(by: Int32(d))) }
        if let d = tag.mutator { ks.append(Hole.mutator.shifted(by: Int32(d))) }
        if let d = tag.callee { ks.append(Hole.callee.shifted(by: Int32(d))) }
        if let resultHoles {
            for i in 0..<LeakSummary.trackedResults {
                if let d = tag.result(i) {
                    precondition(i < resultHoles.count, "internal error: EscapeGraph tag flows to result \(i) of a call with \(resultHoles.count) results")
                    ks.append(resultHoles[i].shifted(by: Int32(d)))
                }
            }
        }
        return teeHole(ks)
    }

    /// The hole for an argument whose callee is one of several known functions: a tee of
    /// each callee's hole (as built by `argumentHole` or a parameter's own hole in-batch).
    public mutating func mergedArgumentHole(_ perCallee: [Hole]) -> Hole {
        teeHole(perCallee)
    }
}
