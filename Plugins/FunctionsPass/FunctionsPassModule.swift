/// The FunctionsPass pass module of heapsight (see ARCHITECTURE.md).
public enum FunctionsPassModule {}
