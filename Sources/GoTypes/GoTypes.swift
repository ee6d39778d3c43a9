// GoTypes: heapsight's own Go type checker.
//
// # Why
//
// The native engine computes escape, inlining and allocation facts in Swift, without the
// compiler. Those analyses need what the compiler's front end knows: the type of every
// expression, the object behind every name, constant values, method sets, sizes. GoTypes
// computes that from `GoSyntax` trees, for the standard library (loaded from GOROOT/src)
// and the scanned module, and is checked fact by fact against go/types.
//
// # Model
//
// One `Program` holds everything of a run in flat tables addressed by integer ids:
//   - `types: [TypeNode]`, addressed by `TypeID`. Pointers, slices, arrays, maps, channels,
//     tuples, signatures and structs are interned by their structure (children are ids, so
//     the key is small); defined types, type parameters, aliases and interface literals are
//     unique by creation. Identity is `==` on ids first and a structural comparison second
//     (`byte`/`uint8`, two signatures that differ only in parameter names).
//   - `objects: [ObjectRecord]`, addressed by `ObjectID`: package names, constants, type
//     names, variables (with their kind: package, local, receiver, parameter, result,
//     field), functions, labels, built-ins and nil. Parameters, results and fields are
//     objects too, so a signature or struct is a list of object ids.
//   - `named`, `typeParams`, `aliases`: the mutable side records of defined types (underlying
//     type, methods, type parameters, type arguments and origin of instances).
//   - `packages` and the universe `Scope`. Scopes are name tables with a parent link.
// Packages are checked bottom-up by imports into the same program (`TypecheckSession`), so a
// type seen from two importers is the same id.
//
// The tables are `StableTable`s: append-only chunks whose elements never move, so threads
// read a finished package's types and objects while one thread checks the next package and
// analyses add types. Adding to a table, interning, instantiating, expanding an instance's
// underlying type and the method-set caches go through the program's recursive lock; a record
// is mutated without it only by the checker of its own package, before the package is
// finished (`Program`'s "Threads"; `ProgramConcurrencyTests` reads from three threads while
// one checks and compares with a serial run).
//
// A `Checker` checks one package in go/types' order: collect the package-level objects of
// all files, check each declaration on first use or in source order (a colour per object
// detects cycles), attach methods to their receiver base types when the type is declared,
// then check function bodies from a work list. Expressions evaluate to an `Operand` (mode,
// type, constant value) and are recorded in per-file tables keyed by node id (`FileFacts`).
//
// # Invariants
//
//   - Every recorded expression has a final type: untyped expressions are held in a side
//     table until the context gives them a type (assignment, conversion, binary operation
//     with a typed operand) and are recorded then; what is still untyped at the end is
//     recorded with its untyped type. This is go/types' behaviour and the dump depends on it.
//   - Constants are exact: integers are `BigInt`, floats exact `Rational`s; rounding to
//     float32/float64 happens only when a constant gets such a type.
//   - Errors never stop checking: an erroneous expression becomes an invalid operand, which
//     silences follow-on errors; the package's other declarations are still checked.
//   - Output is deterministic: the dump is sorted by position and kind.
//
// # Checked against go/types
//
// `Tests/Oracles/typesdump` runs go/types (source importer, linux/amd64, no cgo) and prints,
// for every identifier its object (kind, package, type) and for every expression its mode,
// type and constant value, in the same normalized form `TypesDump.render` prints. The
// differential test requires every package of `go list std` to be identical, line for line.
//
// # Not modelled yet
//
//   - Selections (which embedded path a selector took) and method sets are computed but not
//     dumped; `Implicits` (unnamed imports, type switch clause variables) are not dumped.
//   - Constraint satisfaction at instantiation checks methods, term lists and `comparable`
//     (`Checker+Satisfy`); type sets that are intersections of several term lists are
//     accepted unchecked. Inference unifies structurally with core types and defaults for
//     untyped constants, not every corner of the spec's algorithm: inference through the
//     type parameters of generic function arguments and reverse inference failures are
//     gaps (`ValidProgramTests` lists the valid programs we still reject), and the
//     messages of failed reverse inference are ours, not go/types'.
//   - Wrong programs: Go's errorcheck tests are measured (`ErrorcheckCorpusTests`, nearly
//     everything go/types reports there), and `TypeErrorSnippetTests` holds each error class
//     to go/types' positions and first message lines. Error messages print the first line of
//     go/types' multi-part errors; the continuation parts ("\tother declaration of x") are
//     not reported, and misspelling hints ("but does have field X") are not given.
//   - Constants beyond float64's range that go/constant keeps as big floats (`1e+500000000`)
//     are rejected as literals.
//   - Speed work: checking one package is single-threaded (other threads read finished
//     packages and parse ahead, `SourcePrefetcher`), scopes and caches use `String` keys, the `BigInt` is schoolbook
//     with its limbs on the heap; see `bench/typecheck`.

/// The GoTypes module (see the essay above).
public enum GoTypesModule {}
