/// The InliningPass pass module of heapsight (see ARCHITECTURE.md).
public enum InliningPassModule {}
