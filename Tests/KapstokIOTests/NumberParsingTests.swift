import Testing

@testable import KapstokIO

@Suite struct NumberParsingTests {
    @Test func plainDecimalsOnly() {
        for text in ["3", "-3.5", "+2", ".5", "5.", "1e-3", "2E+10", "0"] {
            #expect(NumberParsing.isPlainDecimal(text), "\(text)")
        }
        for text in ["", "-", ".", "e5", "1e", "inf", "nan", "0x10", "1,5", "1 000", "--1", "1e5.5"] {
            #expect(!NumberParsing.isPlainDecimal(text), "\(text)")
        }
    }

    @Test func finiteDoublesWithOptionalDecimalComma() {
        #expect(NumberParsing.finiteDouble("2.5") == 2.5)
        #expect(NumberParsing.finiteDouble("2,5") == nil)
        #expect(NumberParsing.finiteDouble("2,5", allowsDecimalComma: true) == 2.5)
        #expect(NumberParsing.finiteDouble("1,000.5", allowsDecimalComma: true) == nil)
        #expect(NumberParsing.finiteDouble("1e400") == nil)
        #expect(NumberParsing.finiteDouble("inf") == nil)
    }
}
