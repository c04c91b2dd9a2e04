import Testing

@testable import Kapstok

@Suite struct FormatTests {
    @Test func ordinaryNumbers() {
        #expect(Format.number(2) == "2")
        #expect(Format.number(2.5) == "2.5")
        #expect(Format.number(81.2749) == "81.27")
        #expect(Format.number(-3.14159, decimals: 3) == "-3.142")
        #expect(Format.number(0.05, decimals: 1) == "0.1")
        #expect(Format.number(1.005, decimals: 0) == "1")
        #expect(Format.number(99.999) == "100")
    }

    @Test(arguments: [
        (1e18, "1e+18"), (-1e18, "-1e+18"), (9.3e18, "9.3e+18"), (-9.3e18, "-9.3e+18"),
        (5e18 * 100, "5e+20"), (1e300, "1e+300"), (-1e300, "-1e+300"),
        (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"),
        (-0.0, "0"), (1e-300, "0"), (-1e-300, "0"), (-0.004, "0"),
        (Double.infinity, "inf"), (-Double.infinity, "-inf"), (Double.nan, "nan"),
        (1e15, "1000000000000000"), (123_456_789_012_345.0, "123456789012345"),
    ])
    func totalForEveryDouble(_ value: Double, _ expected: String) {
        #expect(Format.number(value) == expected)
    }

    @Test func extremeDecimalCountsAreClamped() {
        #expect(Format.number(1.5, decimals: -4) == "2")
        #expect(Format.number(0.1, decimals: 400) == "0.1")
        #expect(Format.number(1e10, decimals: 400) == "10000000000")
    }

    /// The boundary where digit-by-digit writing stops: nothing traps on either side of it.
    @Test func aroundTheExactLimit() {
        for exponent in 14...20 {
            var value = 1.0
            for _ in 0..<exponent { value *= 10 }
            for candidate in [value.nextDown, value, value.nextUp, -value] {
                let text = Format.number(candidate)
                #expect(!text.isEmpty)
                #expect(Double(text).map { abs($0 - candidate.rounded()) <= abs(candidate) * 1e-15 + 0.005 } == true)
            }
        }
    }
}
