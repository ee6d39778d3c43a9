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
    /// A word a shaped copy reads from its dictionary (`typeWord`): the index, the implicit
    /// dereference of `.dict`, its name and the constant.
    static let dictionaryWord = 4
    /// A type descriptor's address (`typeWord` of a static type): the address and the symbol.
    static let staticTypeWord = 2
}
