import EscapeGraph

/// `func Appender(s []*int, p *int) []*int { return append(s, p) }` (line 3 of its package) as
/// the lowering builds it, with the note sites the caller gives: the worked example of
/// `BasicFlowTests` and the deferred sites of `DeferredSiteTests` use the same graph.
///
/// return append(s, p): ~r0 ← (return) the append call. The appendee goes through a tee into the
/// result and the mutator, teed again with heap.deref (appendee slice); the appended element
/// goes to the heap; the backing store's address goes to the result, at loop depth 0.
struct AppenderGraph {
    var graph = EscapeGraph()
    let function: FunctionID
    let s: LocationID
    let p: LocationID

    /// The graph, ready to solve; `returnSite` notes the return, `callSite` the append call.
    /// `more` adds to it once the parameters are declared, before the append's store.
    init(returnSite: NoteSite, callSite: NoteSite, more: (inout EscapeGraph, _ p: LocationID) -> Void = { _, _ in }) {
        function = graph.declareFunction("Appender")
        graph.enter(function)
        s = graph.addVariable("s", .parameter, at: P(3, 15))
        p = graph.addVariable("p", .parameter, at: P(3, 25))
        let r0 = graph.addVariable("~r0", .result, at: .none, resultIndex: 1)
        graph.declareParameters(of: function, [pointerParam(graph, s), pointerParam(graph, p)])
        let ret = graph.note(.into(r0), returnSite, .return)
        var appendee = graph.teeHole([ret, .mutator])
        appendee = graph.teeHole([appendee, graph.deref(.heap, callSite, .appendeeSlice)])
        graph.flow(graph.note(appendee, callSite, .callParameter), s)
        graph.flow(graph.note(.heap, callSite, .callParameter), p)
        more(&graph, p)
        let store = graph.spill(ret, "append(s, p)", kind: .append, at: P(3, 55))
        graph.setLoopDepth(store.destination, 0)
    }
}
