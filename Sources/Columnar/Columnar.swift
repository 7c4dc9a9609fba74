/// The in-memory columnar format: typed contiguous columns with validity, and `Table`.
public enum Columnar {}
