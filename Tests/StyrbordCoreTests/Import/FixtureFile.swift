import Foundation

/// Reads the byte-exact sample files in `Tests/StyrbordCoreTests/Fixtures/`. The test target declares
/// no resources, so the files are found next to this source file.
enum FixtureFile {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
            .appendingPathComponent(name)
        return [UInt8](try Data(contentsOf: url))
    }
}
