/// The AllocationsPass pass module of heapsight (see ARCHITECTURE.md).
public enum AllocationsPassModule {}
