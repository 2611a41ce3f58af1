import Foundation
import StyrbordCore
import Vapor

/// One version of the profile as the API lists it.
struct ProfileVersionResponse: Content {
    var version: Int
    var key: String
    var name: String
    var message: String?
    var createdAt: Date
    var createdBy: String
    var isCurrent: Bool

    init(_ v: ProfileVersion, current: Int?) {
        version = v.version
        key = v.profileKey
        name = v.name
        message = v.message.isEmpty ? nil : v.message
        createdAt = v.createdAt
        createdBy = v.createdBy
        isCurrent = v.version == current
    }
}

/// `POST …/profile/versions` with `Content-Type: application/json`; `application/yaml` sends the YAML itself.
struct CreateProfileVersionRequest: Content {
    var yaml: String
    var message: String?
}
