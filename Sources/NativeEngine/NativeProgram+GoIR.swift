import GoIR
import GoTypes

extension NativeProgram {
    /// The package at an import path lowered to GoIR, with a printer for its nodes; nil when the
    /// package has no Go files.
    public func lowered(_ path: String) -> (package: IRPackage, printer: IRPrinter)? {
        guard let typed = package(path) else { return nil }
        let input = IRLoweringInput(program: types, path: typed.path, files: typed.files, facts: typed.facts)
        let ir = IRLowering.lower(input)
        return (ir, IRPrinter(program: types, package: ir, localPackage: typed.index))
    }
}
