/// The GCEngine module of heapsight (see ARCHITECTURE.md).
public enum GCEngineModule {}
