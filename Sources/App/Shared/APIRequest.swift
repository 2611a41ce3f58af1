import Foundation
import StyrbordCore
import Vapor

extension Request {
    /// The JSON body of an API request. Only `application/json` (or a `+json` type) is read: Vapor
    /// would also decode a form post, and a form on any web site can post to the API without a CSRF
    /// token, which the API does not ask for because it takes JSON only. Anything else is 415.
    func jsonBody<T: Decodable>(_ type: T.Type) throws -> T {
        guard let media = headers.contentType, media.type.lowercased() == "application",
            media.subType.lowercased() == "json" || media.subType.lowercased().hasSuffix("+json")
        else { throw Abort(.unsupportedMediaType) }
        return try content.decode(T.self, as: .json)
    }
}
