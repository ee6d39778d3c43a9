/// The Driver module of heapsight (see ARCHITECTURE.md).
public enum DriverModule {}
