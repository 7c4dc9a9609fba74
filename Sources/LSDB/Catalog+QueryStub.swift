extension Catalog {
    /// Temporary until the expression engine lands.
    public func query(_ query: String) throws -> Catalog {
        throw LSDBError.invalidArgument("queries are not available yet")
    }
}
