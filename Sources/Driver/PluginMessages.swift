import PassKit

/// The request the driver writes to a plugin's stdin (protocol version 1).
struct PluginRequest: Encodable {
    var `protocol`: Int
    var pass: String
    var engine: String
    var settings: [String: String]
    var package: PluginPackage
    var functions: [FunctionRecord]
    var facts: [Fact]
}

/// The package part of a request.
struct PluginPackage: Encodable {
    var importPath: String
    var name: String
    var directory: String
    var goVersion: String?
    var isStandard: Bool
    var files: [PluginFile]
}

/// One file of a request: its path as facts carry it, its absolute path, and its text.
struct PluginFile: Encodable {
    var path: String
    var absolutePath: String
    var text: String
}

/// The answer a plugin writes to stdout.
struct PluginResponse: Decodable {
    var `protocol`: Int
    var facts: [PluginFact]?
    var diagnostics: [PluginDiagnostic]?
}

/// One fact of an answer; `kind` is checked against the shared vocabulary.
struct PluginFact: Decodable {
    var kind: String
    var file: String
    var line: Int
    var column: Int
    var subject: String
    var detail: String?
    var explanation: [String]?
}

/// One diagnostic of an answer.
struct PluginDiagnostic: Decodable {
    var severity: String?
    var file: String?
    var line: Int?
    var column: Int?
    var message: String
}
