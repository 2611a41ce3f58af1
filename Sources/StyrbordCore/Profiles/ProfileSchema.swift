import Foundation

/// The JSON Schema (draft 2020-12) of the profile format, generated from `ProfileFormat`'s tables: the
/// same tables the parser checks against, so the two can't disagree. The checked-in copy,
/// `Sources/App/Resources/profile.schema.json`, is compared with this by a test (which rewrites it when
/// run with `STYRBORD_WRITE_SCHEMA=1`). The schema covers structure (types, required and unknown
/// fields, codes, bounds); references between parts and reachability are `ProfileValidator`'s.
public enum ProfileSchema {
    /// The schema as a JSON object.
    public static var document: [String: Any] {
        var defs: [String: Any] = [:]
        for type in ProfileFormat.objectList { defs[type.name] = object(type) }
        defs["key"] = ["type": "string", "pattern": ProfileFormat.keyPattern, "description": "a–z, 0–9 and hyphens."]
        defs["text"] = [
            "description": "Swedish text, or {sv, en} with an English translation.",
            "anyOf": [
                ["type": "string"],
                [
                    "type": "object", "required": ["sv"], "additionalProperties": false,
                    "properties": ["sv": ["type": "string"], "en": ["type": "string"]],
                ],
            ],
        ]
        var units: [String: Any] = [:]
        for unit in ProfileFormat.durationUnits { units[unit] = ["type": "integer", "minimum": 1] }
        defs["duration"] = [
            "type": "object", "minProperties": 1, "maxProperties": 1, "additionalProperties": false,
            "properties": units,
            "description": "Exactly one of days, weeks, months, years, terms (of office, 4 years), at least 1.",
        ]
        return [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://styrbord.example/profile.schema.json",
            "title": "Styrbord governance profile",
            "description":
                "A municipality's IT governance as data (format \(ProfileFormat.version)). See docs/profiles.md.",
            "$ref": "#/$defs/\(ProfileFormat.rootType)",
            "$defs": defs,
        ]
    }

    /// The schema as pretty-printed JSON with sorted keys, ending in a newline.
    public static var json: String {
        let data = try! JSONSerialization.data(
            withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func object(_ type: ProfileObjectType) -> [String: Any] {
        var properties: [String: Any] = [:]
        for field in type.fields {
            var schema = self.schema(field.type)
            schema["description"] = field.summary
            properties[field.name] = schema
        }
        var result: [String: Any] = [
            "type": "object", "description": type.summary, "properties": properties, "additionalProperties": false,
        ]
        let required = type.fields.filter(\.required).map(\.name)
        if !required.isEmpty { result["required"] = required }
        return result
    }

    private static func schema(_ type: ProfileFieldType) -> [String: Any] {
        switch type {
        case .string: return ["type": "string"]
        case .key, .reference: return ["$ref": "#/$defs/key"]
        case .text: return ["$ref": "#/$defs/text"]
        case .integer(let minimum, let maximum):
            var result: [String: Any] = ["type": "integer"]
            if let minimum { result["minimum"] = minimum }
            if let maximum { result["maximum"] = maximum }
            return result
        case .number(let minimum, let maximum): return ["type": "number", "minimum": minimum, "maximum": maximum]
        case .boolean: return ["type": "boolean"]
        case .date: return ["type": "string", "format": "date"]
        case .code(let codes): return ["type": "string", "enum": codes]
        case .list(let item, let minItems):
            var result: [String: Any] = ["type": "array", "items": schema(item)]
            if minItems > 0 { result["minItems"] = minItems }
            return result
        case .object(let name): return ["$ref": "#/$defs/\(name)"]
        case .duration: return ["$ref": "#/$defs/duration"]
        }
    }
}
