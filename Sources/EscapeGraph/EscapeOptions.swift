/// The function being walked and the current loop depth.
public struct BuildCursor: Sendable, Hashable {
    /// The function new locations belong to.
    public var function: FunctionID?
    /// The loop depth stamped on new locations (1 at the top of a body).
    public var loopDepth: Int32
}

/// What to record, mirroring the compiler's switches.
public struct EscapeOptions: Sendable, Hashable {
    /// `-m` ≥ 1: record verdict lines.
    public var reportsVerdicts: Bool
    /// `-m` ≥ 2: record notes, capture lines and flow explanations.
    public var explains: Bool
    /// `-d=escapemutationscalls=1`: replace "does not escape" by mutate/call lines.
    public var reportsMutationsAndCalls: Bool
    /// `-d=zerocopy` (on by default): report zero-copy `[]byte(s)` conversions.
    public var zeroCopy: Bool

    /// Defaults to `-m=2` with zero-copy on.
    public init(reportsVerdicts: Bool = true, explains: Bool = true,
                reportsMutationsAndCalls: Bool = false, zeroCopy: Bool = true) {
        self.reportsVerdicts = reportsVerdicts
        self.explains = explains
        self.reportsMutationsAndCalls = reportsMutationsAndCalls
        self.zeroCopy = zeroCopy
    }
}
