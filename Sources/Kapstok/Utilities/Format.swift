/// Number formatting independent of locale.
public enum Format {
    /// The largest magnitude (after scaling by 10^decimals) written digit by digit: below 2^53
    /// every whole Double is exact and fits an `Int64` with room to spare.
    private static let exactLimit = 9_007_199_254_740_992.0  // 2^53

    /// A number with at most `decimals` decimals, trailing zeros removed: `2`, `2.5`, `81.27`.
    ///
    /// Total: every Double gives a string, nothing traps. `decimals` is clamped to 0…15.
    /// Magnitudes too large to write with that many exact decimals (|value|·10^decimals ≥ 2^53,
    /// e.g. `1e18`) are rounded to a whole number and written in Swift's shortest round-trip form
    /// without a trailing `.0` (`1000000000000000`, `1e+18`, `9.3e+18`); infinities as
    /// `inf`/`-inf`, NaN as `nan`; `-0.0` and values that round to zero as `0`.
    public static func number(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let decimals = min(max(decimals, 0), 15)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < exactLimit else {
            // Whole digits beyond 2^53 are not exact anyway; the round-trip form is honest.
            let text = value.rounded().description
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        let negative = value < 0 && scaled != 0
        let units = Int64(scaled)  // exact: 0 ≤ scaled < 2^53
        let integerScale = Int64(scale)
        let whole = units / integerScale
        var fraction = units % integerScale
        var digits = decimals
        while digits > 0 && fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var text = (negative ? "-" : "") + String(whole)
        if digits > 0 {
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text
    }
}
