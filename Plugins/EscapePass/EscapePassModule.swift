/// The EscapePass pass module of heapsight (see ARCHITECTURE.md).
public enum EscapePassModule {}
