/// Locale-independent, deterministic number text for CSV and JSON output.
public enum NumberFormatting {
    /// Formats a number the same way on every machine.
    ///
    /// - Integral values with magnitude below 10^15 print as integers: `2`, `-3`, `0`
    ///   (negative zero prints as `0`).
    /// - Other finite values print as the shortest decimal that reads back as the same `Double`
    ///   (Swift's `description`): `0.1`, `-3.5`, `83.33333333333333`. That text uses an exponent
    ///   only for magnitudes below 10^-4 or from 2^53 up (`1e-05`, `1e+16`), which JSON and
    ///   ``NumberParsing`` accept.
    /// - Non-finite values print as `nan`, `inf` and `-inf` (the JSON writer writes `null`).
    public static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        if value == 0 { return "0" }
        if value.rounded(.towardZero) == value, abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }
}
