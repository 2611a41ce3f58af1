import Testing
import VaporTesting
@testable import App
@Test func placeholder() { #expect(1 == 1) }
