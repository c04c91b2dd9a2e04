import Testing

@testable import KapstokIO

@Suite struct JSONWriterTests {
    @Test func prettyOutputKeepsKeyOrder() {
        let summary: JSONValue = [
            "status": "optimal",
            "matched": 42,
            "total_score": 3512.25,
            "gap": 0.0,
            "bound": .number(-0.0),
            "notes": [],
            "extra": [:],
            "flags": [true, nil],
        ]
        #expect(summary.rendered() == """
            {
              "status": "optimal",
              "matched": 42,
              "total_score": 3512.25,
              "gap": 0,
              "bound": 0,
              "notes": [],
              "extra": {},
              "flags": [
                true,
                null
              ]
            }

            """)
    }

    @Test func compactOutputAndEscapes() {
        let value: JSONValue = ["text": "a \"b\" \\ / é\n\t\u{01}", "n": .number(.nan), "small": 0.00001]
        #expect(JSONWriter.render(value, pretty: false) == "{\"text\":\"a \\\"b\\\" \\\\ / é\\n\\t\\u0001\",\"n\":null,\"small\":1e-05}")
    }
}
