/// The FactStore module of heapsight (see ARCHITECTURE.md).
public enum FactStoreModule {}
