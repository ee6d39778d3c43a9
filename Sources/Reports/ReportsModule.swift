/// The Reports module of heapsight (see ARCHITECTURE.md).
public enum ReportsModule {}
