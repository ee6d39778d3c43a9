import GoTypes

extension Program {
    /// The package path the compiler gives a package's symbols (`-p`): the go command compiles
    /// a command, a package named `main`, as `main`, so its types print as `main.T` inside
    /// instance names and shapes whatever its import path; every other package by its path.
    public func linkPath(_ index: Int32) -> String {
        if index < 0 { return "" }
        let p = packages[Int(index)]
        return p.name == Self.commandPackageName ? Self.commandPackageName : p.path
    }

    /// The package name of a command.
    static let commandPackageName = "main"
}
