/// The GoSyntax module of heapsight (see ARCHITECTURE.md).
public enum GoSyntaxModule {}
