import PassKit

extension FactStore {
    /// The directives the scan recorded for a run, in source order (file, line, column); nil
    /// when the run was recorded before directives were stored (schema version 3 or older), so
    /// that "no directives" and "not known" stay apart. Rows that do not decode (an unknown verb
    /// written by a newer heapsight) come back as problems rather than being dropped.
    public func directives(run: Int64) throws -> SourceDirectives? {
        try locked {
            let recorded = try db.rows("SELECT directives_recorded FROM runs WHERE id = ?1", [.int(run)]) { $0.int(0) != 0 }
            guard recorded.first == true else { return nil }
            var found = SourceDirectives()
            _ = try db.rows("""
                SELECT file, line, col, text, status, namespace, verb, rule, reason, function_id, target_line, message
                FROM directives WHERE run_id = ?1 ORDER BY file, line, col, id
                """, [.int(run)]) { s in
                let (file, line, column, text) = (s.text(0), s.int(1), s.int(2), s.text(3))
                let status = s.text(4), function = s.optionalText(9)
                if status == "placed", let verb = Directive.Verb(rawValue: s.text(6)), let function {
                    let target: Directive.Target = s.isNull(10) ? .function(function)
                        : .statement(function: function, line: s.int(10))
                    found.directives.append(Directive(verb: verb, namespace: s.text(5), rule: s.optionalText(7),
                                                      reason: s.optionalText(8), file: file, line: line, column: column,
                                                      target: target, text: text))
                    return
                }
                let message = status == "placed" ? "`\(text)` is not known to this heapsight version" : s.optionalText(11) ?? ""
                let unchecked = UncheckedDirective(file: file, line: line, column: column, text: text, message: message,
                                                   function: function)
                if status == "note" { found.notes.append(unchecked) } else { found.problems.append(unchecked) }
            }
            return found
        }
    }
}
