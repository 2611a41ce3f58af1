import Testing
@testable import StyrbordDemo
@Test func placeholder() { #expect(Bool(true)) }
