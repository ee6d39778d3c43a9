/// The subset of SARIF 2.1.0 heapsight writes, as Codable values (keys as the spec spells them).
enum SARIF {
    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable {
        var tool: Tool
        var automationDetails: AutomationDetails?
        var originalUriBaseIds: [String: ArtifactLocationDescription]
        var results: [Result]
        var properties: [String: String]
    }
    struct AutomationDetails: Encodable { var id: String }
    struct ArtifactLocationDescription: Encodable { var description: Message }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable {
        var name: String
        var version: String
        var informationUri: String
        var rules: [ReportingDescriptor]
    }
    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var defaultConfiguration: Configuration
    }
    struct Configuration: Encodable { var level: String }
    struct Message: Encodable { var text: String }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
        var codeFlows: [CodeFlow]?
        /// `{"notEvaluated": true}` when the rule could not be evaluated (an error, not a finding).
        var properties: [String: Bool]?
    }
    struct Location: Encodable {
        var physicalLocation: PhysicalLocation?
        var logicalLocations: [LogicalLocation]?
        var message: Message?
    }
    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }
    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String
    }
    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
    }
    struct LogicalLocation: Encodable {
        var fullyQualifiedName: String
        var kind: String
    }
    struct CodeFlow: Encodable {
        var message: Message
        var threadFlows: [ThreadFlow]
    }
    struct ThreadFlow: Encodable { var locations: [ThreadFlowLocation] }
    struct ThreadFlowLocation: Encodable { var location: Location }
}
