extension Program {
    /// The canonical path of the package that `path`, as written in `importer`, names there
    /// (`importAliases`; the path itself when it needs no mapping).
    public func canonicalImport(_ path: String, from importer: String) -> String {
        importAlias(ImportKey(importer: importer, path: path)) ?? path
    }
}
