@testable import Kapstok
import Testing

@Suite("GrowthFit")
struct GrowthFitTests {
    /// y = 3·x^1.5 at x = 100, 400, 1600, 6400: y = 3000, 24000, 192000, 1536000 (each ×4 in x
    /// is ×8 in y), so the log–log line has slope exactly 1.5 and intercept ln 3.
    @Test func exactPowerLaw() throws {
        let points: [(x: Double, y: Double)] = [(100, 3000), (400, 24_000), (1600, 192_000), (6400, 1_536_000)]
        let fit = try #require(GrowthFit.fit(strategy: "greedy", quantity: "seconds", points: points))
        #expect(abs(fit.exponent - 1.5) < 1e-12)
        #expect(abs(fit.coefficient - 3) < 1e-9)
        #expect(fit.points == 4)
        #expect(fit.strategy == "greedy" && fit.quantity == "seconds")
    }

    /// Points without a logarithm are left out; one distinct x gives no line.
    @Test func unusablePoints() {
        // (0, 5) and (10, 0) dropped: the two left, (10, 20) and (20, 40), give y = 2·x.
        let fit = GrowthFit.fit(strategy: "s", quantity: "seconds", points: [(0, 5), (10, 0), (10, 20), (20, 40)])
        #expect(fit.map { abs($0.exponent - 1) < 1e-12 && abs($0.coefficient - 2) < 1e-12 } == true)
        #expect(fit?.points == 2)
        #expect(GrowthFit.fit(strategy: "s", quantity: "seconds", points: [(10, 1), (10, 2)]) == nil)
        #expect(GrowthFit.fit(strategy: "s", quantity: "seconds", points: []) == nil)
    }

    /// Per strategy in order of appearance: seconds, then memory where measured.
    @Test func fitsPerStrategy() throws {
        func measurement(_ strategy: String, _ pairs: Int, _ seconds: Double, _ memory: Int?) -> SweepMeasurement {
            SweepMeasurement(strategy: strategy, mentees: pairs, mentors: 1, pairs: pairs, seed: 1, seconds: seconds, memoryBytes: memory)
        }
        // stable: seconds = 1e-6·pairs (exponent 1), memory = 8·pairs (exponent 1, coefficient 8);
        // optimal: seconds = 1e-9·pairs² (exponent 2), no memory.
        let measurements = [
            measurement("stable", 1000, 0.001, 8000), measurement("optimal", 1000, 0.001, nil),
            measurement("stable", 4000, 0.004, 32_000), measurement("optimal", 4000, 0.016, nil),
        ]
        let fits = GrowthFit.fits(of: measurements)
        #expect(fits.map { "\($0.strategy) \($0.quantity)" } == ["stable seconds", "stable memory_bytes", "optimal seconds"])
        #expect(abs(fits[0].exponent - 1) < 1e-9)
        #expect(abs(fits[1].coefficient - 8) < 1e-6)
        #expect(abs(fits[2].exponent - 2) < 1e-9)
    }

    /// e^x against known values: e, e^−1, e^10, 2^−1074 range ends.
    @Test func exponential() {
        #expect(naturalExponential(0) == 1)
        #expect(abs(naturalExponential(1) - 2.718_281_828_459_045) < 1e-15)
        #expect(abs(naturalExponential(-1) - 0.367_879_441_171_442_3) < 4e-16, "within 4 units in the last place")
        #expect(abs(naturalExponential(10) / 22_026.465_794_806_718 - 1) < 1e-14)
        #expect(naturalExponential(800) == .infinity)
        #expect(naturalExponential(-800) == 0)
        #expect(abs(naturalExponential(naturalLogarithm(3)) - 3) < 1e-14)
    }
}
