/// The GoLoader module of heapsight (see ARCHITECTURE.md).
public enum GoLoaderModule {}
