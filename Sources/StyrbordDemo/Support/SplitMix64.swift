import Foundation

/// Steele, Lea and Flood's SplitMix64: tiny, fast and good enough for demo data. Our own so that the
/// same seed gives the same municipalities on every platform and Swift version (the standard library's
/// generator is not seedable).
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The output function on its own: a bijection, so distinct inputs give distinct outputs.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`; the slight modulo bias does not matter for demo data and keeps this fast.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { next() % 100 < UInt64(percent) }

    mutating func pick<T>(_ values: [T]) -> T { values[Int(next() % UInt64(values.count))] }

    /// Picks by weight: `weighted([(.a, 80), (.b, 20)])`.
    mutating func weighted<T>(_ choices: [(T, Int)]) -> T {
        let total = choices.reduce(0) { $0 + $1.1 }
        var roll = Int(next() % UInt64(total))
        for (value, weight) in choices {
            if roll < weight { return value }
            roll -= weight
        }
        return choices[choices.count - 1].0
    }
}

/// Deterministic record IDs: the same municipality, kind and ordinal always give the same UUID, and
/// different ones never collide in practice (the municipality number is part of the derivation).
struct DemoIDFactory: Sendable {
    /// What an ID is for; part of the derivation so that system 3 and person 3 differ.
    enum Kind: UInt64 {
        case orgUnit = 1
        case person, supplier, managementObject, system, roleAssignment, integration, contract
    }

    private let base: UInt64

    /// `municipality` is the generated index, or `DemoIDFactory.showcaseMunicipality`.
    init(seed: UInt64, municipality: UInt64) {
        base = SplitMix64.mix(seed ^ SplitMix64.mix(municipality &+ 0x5354_5952_424F_5244))  // "STYRBORD"
    }

    static let showcaseMunicipality = UInt64.max

    func id(_ kind: Kind, _ ordinal: Int) -> UUID {
        var generator = SplitMix64(seed: base ^ (kind.rawValue << 56) ^ UInt64(ordinal))
        let high = (generator.next() & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000  // version 4
        let low = (generator.next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // RFC 4122 variant
        return UUID(
            uuid: (
                UInt8(truncatingIfNeeded: high >> 56), UInt8(truncatingIfNeeded: high >> 48),
                UInt8(truncatingIfNeeded: high >> 40), UInt8(truncatingIfNeeded: high >> 32),
                UInt8(truncatingIfNeeded: high >> 24), UInt8(truncatingIfNeeded: high >> 16),
                UInt8(truncatingIfNeeded: high >> 8), UInt8(truncatingIfNeeded: high),
                UInt8(truncatingIfNeeded: low >> 56), UInt8(truncatingIfNeeded: low >> 48),
                UInt8(truncatingIfNeeded: low >> 40), UInt8(truncatingIfNeeded: low >> 32),
                UInt8(truncatingIfNeeded: low >> 24), UInt8(truncatingIfNeeded: low >> 16),
                UInt8(truncatingIfNeeded: low >> 8), UInt8(truncatingIfNeeded: low)
            ))
    }
}
