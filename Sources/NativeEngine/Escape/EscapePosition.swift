import EscapeGraph

/// A position in escape messages (EscapeGraph's, named apart from GoSyntax's).
typealias EscapePosition = SourcePosition
