/// The identity of a fact across runs: what `heapsight diff`, baseline regressions and reports
/// compare. It is (enclosing function id, kind, subject, detail); a fact outside any function is
/// owned by its file instead. Positions are not part of it, so inserting lines above a function,
/// moving it or reformatting its file changes no identity. Equal identities are counted, not
/// merged: two `&T{}` escapes in one function are two facts.
public struct FactIdentity: Hashable, Sendable {
    /// The function id, or `file:PATH` for a fact outside any function.
    public let owner: String
    /// The fact's kind.
    public let kind: FactKind
    /// The fact's subject.
    public let subject: String
    /// The fact's detail.
    public let detail: String

    /// The identity of a fact.
    public init(_ fact: Fact) {
        owner = fact.function ?? "file:\(fact.file)"
        kind = fact.kind
        subject = fact.subject
        detail = fact.detail
    }
}
