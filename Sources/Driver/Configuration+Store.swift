import FactStore
import Foundation
import Yams

extension ConfigReader {
    /// `store:`: a SQLite file, resolved against the folder of the configuration file, or a
    /// `postgres://` URL, checked for form (never opened) so that a bad value names its key.
    /// Empty means not set (the default store).
    func storeLocation(_ node: Node, configurationFile file: String) throws -> String? {
        guard let value = try optionalScalar(node, at: "store") else { return nil }
        do {
            try FactStore.checkLocationForm(value)
        } catch let failure as FactStoreError {
            throw error("store", failure.description)
        }
        if FactStore.isServerLocation(value) || value.hasPrefix("/") { return value }
        let folder = (file as NSString).deletingLastPathComponent
        return folder.isEmpty ? value : (folder as NSString).appendingPathComponent(value)
    }
}
