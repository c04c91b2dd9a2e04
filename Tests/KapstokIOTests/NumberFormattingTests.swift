import Testing

@testable import KapstokIO

@Suite struct NumberFormattingTests {
    @Test func deterministicDecimals() {
        #expect(NumberFormatting.decimal(2) == "2")
        #expect(NumberFormatting.decimal(-3) == "-3")
        #expect(NumberFormatting.decimal(-0.0) == "0")
        #expect(NumberFormatting.decimal(0.1) == "0.1")
        #expect(NumberFormatting.decimal(-3.5) == "-3.5")
        #expect(NumberFormatting.decimal(100.0 / 3) == "33.333333333333336")
        #expect(NumberFormatting.decimal(123_456_789_012) == "123456789012")
        #expect(NumberFormatting.decimal(1e16) == "1e+16")
        #expect(NumberFormatting.decimal(.infinity) == "inf")
    }

    @Test func formattedNumbersReadBackExactly() {
        for value in [0.1, 1.0 / 3, -2.5e-7, 87.125, 1e15 + 0.5, 12345.678] {
            #expect(Double(NumberFormatting.decimal(value)) == value)
            #expect(NumberParsing.finiteDouble(NumberFormatting.decimal(value)) == value)
        }
    }
}
