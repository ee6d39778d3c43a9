/// The weights of shape instances and instance wrappers (`NativeInliner+Instances`).
extension InlineBudget {
    /// What one node of a body costs (a name, a call, a `return`).
    static let node = 1
    /// The dictionary argument an instance wrapper passes (`&.dict.F[int]`: the address and
    /// the dictionary's name).
    static let dictionaryAddress = 2
    /// Each result of a wrapper returning several: the call's results go through temporaries
    /// (declared, assigned, returned).
    static let wrapperResultTemporary = 4
    /// `new(T)` of a type-parameter type in a generic body: the shaped copy the compiler
    /// compiles allocates with the run-time type its dictionary holds (a dynamic-type node and
    /// the dictionary read under it).
    static let dynamicType = 5
}
