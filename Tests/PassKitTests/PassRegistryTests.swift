import XCTest
@testable import PassKit

final class PassRegistryTests: XCTestCase {
    func pass(_ name: String, doc: String = "Finds things.", requires: [String] = []) -> AnyPass {
        PassDescriptor<Int>(name: name, doc: doc, requires: requires.map(PassDependency.named)) { _ in PassOutput(result: 0) }.erased
    }

    func testOrdersRequirementsFirstAndKeepsRegistrationOrderOtherwise() throws {
        let registry = try PassRegistry([
            pass("allocations", requires: ["escape", "functions"]),
            pass("functions"),
            pass("escape", requires: ["functions"]),
            pass("extra"),
        ])
        XCTAssertEqual(registry.ordered.map(\.name), ["functions", "escape", "allocations", "extra"])
        XCTAssertEqual(registry.pass(named: "escape")?.requires, ["functions"])
        XCTAssertNil(registry.pass(named: "nope"))
    }

    func testDuplicateNames() {
        XCTAssertThrowsError(try PassRegistry([pass("a"), pass("a")])) {
            XCTAssertEqual($0 as? PassRegistry.ValidationError, .duplicateName("a"))
        }
    }

    func testMissingDocumentation() {
        XCTAssertThrowsError(try PassRegistry([pass("a", doc: "  \n")])) {
            XCTAssertEqual($0 as? PassRegistry.ValidationError, .missingDocumentation("a"))
        }
    }

    func testInvalidNames() {
        for bad in ["", "Escape", "my pass", "a_b", "a.b"] {
            XCTAssertThrowsError(try PassRegistry([pass(bad)]), bad) {
                XCTAssertEqual($0 as? PassRegistry.ValidationError, .invalidName(bad))
            }
        }
        XCTAssertNoThrow(try PassRegistry([pass("leak-check2")]))
    }

    func testUnknownRequirement() {
        XCTAssertThrowsError(try PassRegistry([pass("a", requires: ["ghost"])])) {
            XCTAssertEqual($0 as? PassRegistry.ValidationError, .unknownRequirement(pass: "a", requires: "ghost"))
        }
    }

    func testCycles() {
        XCTAssertThrowsError(try PassRegistry([pass("a", requires: ["b"]), pass("b", requires: ["c"]), pass("c", requires: ["a"])])) {
            XCTAssertEqual($0 as? PassRegistry.ValidationError, .cycle(["a", "b", "c", "a"]))
            XCTAssertTrue(String(describing: $0).contains("a -> b -> c -> a"))
        }
        XCTAssertThrowsError(try PassRegistry([pass("self", requires: ["self"])])) {
            XCTAssertEqual($0 as? PassRegistry.ValidationError, .cycle(["self", "self"]))
        }
    }

    func testTypedResultsFlowBetweenPasses() throws {
        let producer = PassDescriptor<[String]>(name: "producer", doc: "Names.") { _ in PassOutput(result: ["f", "g"]) }
        let consumer = PassDescriptor<Int>(name: "consumer", doc: "Counts.", requires: [.on(producer)]) { ctx in
            PassOutput(result: ctx.result(of: producer).count)
        }
        let registry = try PassRegistry([consumer.erased, producer.erased])
        let ctx = PassContext(package: PackageInput(importPath: "p", name: "p", directory: ".", files: []), engine: .native)
        var last: (any Sendable)?
        for pass in registry.ordered {
            let out = try pass.run(ctx)
            ctx.record(result: out.result, of: pass.name)
            last = out.result
        }
        XCTAssertEqual(last as? Int, 2)
    }

    func testARequirementReadWithAnotherResultTypeIsRejected() {
        let producer = PassDescriptor<[String]>(name: "producer", doc: "Names.") { _ in PassOutput(result: []) }
        let impostor = PassDescriptor<Int>(name: "producer", doc: "A count under the same name.") { _ in PassOutput(result: 0) }
        let consumer = PassDescriptor<Int>(name: "consumer", doc: "Counts.", requires: [.on(producer)]) { _ in PassOutput(result: 0) }
        XCTAssertNoThrow(try PassRegistry([producer.erased, consumer.erased]))
        XCTAssertThrowsError(try PassRegistry([impostor.erased, consumer.erased])) {
            XCTAssertEqual($0 as? PassRegistry.ValidationError,
                           .requirementType(pass: "consumer", requires: "producer", expected: "Array<String>", found: "Int"))
        }
        // A requirement on facts only (external passes) accepts any result type.
        XCTAssertNoThrow(try PassRegistry([impostor.erased, pass("plugin", requires: ["producer"])]))
    }

    func testDescriptorsDeclareTheirEngines() {
        let reader = PassDescriptor<Int>(name: "reader", doc: "Reads source.") { _ in PassOutput(result: 0) }
        let gcOnly = PassDescriptor<Int>(name: "gc-only", doc: "Asks the compiler.", engines: .engines([.gc])) { _ in PassOutput(result: 0) }
        XCTAssertFalse(reader.erased.engines.needsEngine)
        XCTAssertTrue(reader.erased.engines.supports(.native))
        XCTAssertTrue(gcOnly.erased.engines.needsEngine)
        XCTAssertTrue(gcOnly.erased.engines.supports(.gc))
        XCTAssertFalse(gcOnly.erased.engines.supports(.native))
    }
}
