import Kapstok

extension GAPFormat {
    /// Reads every instance of an OR-Library GAP file, reporting each problem at its place.
    ///
    /// The file is whitespace-separated integers (line breaks mean nothing): `P`, the instance
    /// count, then per instance `m n`, the m×n costs, the m×n resource uses and the m capacities
    /// (`datasets/orlib-gap/README.md`). Single-instance files such as Yagiura's `e05100` have no
    /// `P`: a file is read without one when its first two numbers `m n` account for exactly all
    /// its numbers (`2 + 2·m·n + m`), with one otherwise (`hasCount` overrides the detection).
    ///
    /// Ranges (``Limits``): instances 1…1,000; agents 1…1,000; jobs 1…100,000; agents × jobs at
    /// most 10,000,000; costs −10⁹…10⁹; resource uses 1…1,000; capacities 1…1,000,000.
    ///
    /// - Throws: ``DiagnosticsError`` with every problem, each `file:line:column: error: …`
    ///   (1-based; the column counts Unicode scalars): a file that cannot be read, is not text or
    ///   holds no number; a token that is not an integer; a number out of range; a file that ends
    ///   inside an instance (`truncated-file`, at the end of its last number); numbers left after
    ///   the last instance (`trailing-data`, at the first of them).
    public static func read(_ source: InputSource, hasCount: Bool? = nil) throws(DiagnosticsError) -> [GAPInstance] {
        var diagnostics = DiagnosticCollector()
        let path = source.path
        guard let bytes = source.bytes(diagnostics: &diagnostics) else {
            try diagnostics.throwIfErrors()
            return []
        }
        let start = Diagnostic.Location(file: path, line: 1, column: 1)
        if BinaryDetection.problem(in: bytes) != nil {
            diagnostics.error(
                .binaryFile, "this is not a text file: an OR-Library GAP file holds whitespace-separated integers",
                at: start)
            try diagnostics.throwIfErrors()
        }
        let tokens = GAPTokens(bytes, path: path, diagnostics: &diagnostics)
        try diagnostics.throwIfErrors()
        if tokens.values.isEmpty {
            diagnostics.error(.emptyFile, "the file holds no numbers: an OR-Library GAP file starts with its sizes", at: start)
            try diagnostics.throwIfErrors()
        }
        var parser = GAPParser(tokens: tokens, path: path)
        let instances = parser.instances(hasCount: hasCount ?? !tokens.isSingleInstanceWithoutCount, diagnostics: &diagnostics)
        try diagnostics.throwIfErrors()
        return instances
    }
}

/// The numbers of a GAP file with their places: one pass over the bytes.
struct GAPTokens {
    var values: [Int] = []
    /// 1-based line and column of each number's first character.
    var lines: [Int32] = []
    var columns: [Int32] = []
    /// Just after the last number: where a file that ends too early is reported.
    var end: (line: Int, column: Int) = (1, 1)

    init(_ bytes: [UInt8], path: String, diagnostics: inout DiagnosticCollector) {
        var line = 1
        var column = 1
        var index = 0
        let count = bytes.count
        values.reserveCapacity(count / 3)
        lines.reserveCapacity(count / 3)
        columns.reserveCapacity(count / 3)
        // A UTF-8 byte order mark is not part of the first number.
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
                index += 1
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C {
                column += 1
                index += 1
                continue
            }
            let first = index
            let firstColumn = column
            while index < count, !Self.isSeparator(bytes[index]) {
                if bytes[index] & 0xC0 != 0x80 { column += 1 }  // a new Unicode scalar
                index += 1
            }
            let token = bytes[first..<index]
            let location = Diagnostic.Location(file: path, line: line, column: firstColumn)
            if let value = Self.integer(token) {
                values.append(value)
                lines.append(Int32(clamping: line))
                columns.append(Int32(clamping: firstColumn))
                end = (line, column)
            } else {
                let text = String(decoding: token, as: UTF8.self)
                if Self.isDigits(token) {
                    diagnostics.error(.numberOutOfRange, "number \(Diagnostic.quoted(text)) is far too large", at: location)
                } else {
                    diagnostics.error(.invalidNumber, "not an integer: \(Diagnostic.quoted(text))", at: location)
                }
            }
        }
    }

    static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    /// `[+-]digits` within `Int`; `nil` otherwise.
    static func integer(_ token: ArraySlice<UInt8>) -> Int? {
        guard isDigits(token) else { return nil }
        var negative = false
        var digits = token
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        var value = 0
        for digit in digits {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
            if overflow1 || overflow2 { return nil }
            value = sum
        }
        return negative ? -value : value
    }

    /// An optional sign followed by at least one ASCII digit.
    static func isDigits(_ token: ArraySlice<UInt8>) -> Bool {
        var digits = token
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// Whether the first two numbers `m n` account for exactly all numbers (`2 + 2·m·n + m`):
    /// a single instance without the leading count, as in `e05100`.
    var isSingleInstanceWithoutCount: Bool {
        guard values.count >= 2, values[0] >= 1, values[1] >= 1 else { return false }
        let (pairs, overflow1) = values[0].multipliedReportingOverflow(by: values[1])
        let (twice, overflow2) = pairs.multipliedReportingOverflow(by: 2)
        let (total, overflow3) = twice.addingReportingOverflow(2 + values[0])
        return !overflow1 && !overflow2 && !overflow3 && total == values.count
    }

    func location(_ index: Int, path: String) -> Diagnostic.Location {
        Diagnostic.Location(file: path, line: Int(lines[index]), column: Int(columns[index]))
    }
}

/// The structure of a GAP file over its numbers: count, then sizes, costs, resources, capacities.
struct GAPParser {
    let tokens: GAPTokens
    let path: String
    var position = 0

    init(tokens: GAPTokens, path: String) {
        self.tokens = tokens
        self.path = path
    }

    var left: Int { tokens.values.count - position }

    mutating func instances(hasCount: Bool, diagnostics: inout DiagnosticCollector) -> [GAPInstance] {
        var count = 1
        if hasCount {
            let value = tokens.values[0]
            guard Limits.gapInstances.contains(value) else {
                diagnostics.error(
                    .numberOutOfRange,
                    "instance count \(Diagnostic.quoted(String(value))) is out of range: an integer "
                        + "\(Limits.describe(Limits.gapInstances)) (the first number of an OR-Library GAP file)",
                    at: tokens.location(0, path: path))
                return []
            }
            count = value
            position = 1
        }
        var result: [GAPInstance] = []
        for k in 1...count {
            guard let instance = instance(k, of: count, hasCount: hasCount, diagnostics: &diagnostics) else { return result }
            result.append(instance)
        }
        if left > 0 {
            let announced = hasCount ? "the \(count) instance\(count == 1 ? "" : "s") the file announces" : "its one instance"
            diagnostics.error(
                .trailingData,
                "\(left) number\(left == 1 ? "" : "s") after \(announced)\(hasCount ? "; is the count '\(count)' right?" : "")",
                at: tokens.location(position, path: path))
        }
        return result
    }

    private var endLocation: Diagnostic.Location {
        Diagnostic.Location(file: path, line: tokens.end.line, column: tokens.end.column)
    }

    private func truncated(_ what: String, _ k: Int, of count: Int, hasCount: Bool, diagnostics: inout DiagnosticCollector) {
        let reading = hasCount && count > 1 ? " of \(count)" : ""
        diagnostics.error(
            .truncatedFile, "the file ends in instance \(k)\(reading): \(what); is the file complete?", at: endLocation)
    }

    private mutating func instance(_ k: Int, of count: Int, hasCount: Bool, diagnostics: inout DiagnosticCollector) -> GAPInstance? {
        guard left >= 2 else {
            truncated("its sizes (agents, jobs) are missing", k, of: count, hasCount: hasCount, diagnostics: &diagnostics)
            return nil
        }
        let m = tokens.values[position]
        let n = tokens.values[position + 1]
        var sizesFit = true
        for (value, range, what, offset) in [(m, Limits.gapAgents, "agents", 0), (n, Limits.gapJobs, "jobs", 1)]
        where !range.contains(value) {
            diagnostics.error(
                .numberOutOfRange,
                "\(what) \(Diagnostic.quoted(String(value))) of instance \(k) is out of range: an integer \(Limits.describe(range))",
                at: tokens.location(position + offset, path: path))
            sizesFit = false
        }
        guard sizesFit else { return nil }
        guard m * n <= Limits.gapPairs else {
            diagnostics.error(
                .numberOutOfRange,
                "instance \(k) has \(m) agents × \(n) jobs: more than the \(Limits.gapPairs) pairs Kapstok reads",
                at: tokens.location(position, path: path))
            return nil
        }
        position += 2
        let needed = 2 * m * n + m
        guard left >= needed else {
            let have = left
            let part = have < m * n ? "costs" : have < 2 * m * n ? "resource uses" : "capacities"
            truncated(
                "\(m) agents × \(n) jobs need \(needed) numbers after the sizes, \(have) are there (the file stops in the \(part))",
                k, of: count, hasCount: hasCount, diagnostics: &diagnostics)
            return nil
        }
        func matrix(_ range: ClosedRange<Int>, _ what: String) -> [[Int]] {
            var rows: [[Int]] = []
            rows.reserveCapacity(m)
            for i in 0..<m {
                let row = Array(tokens.values[position..<(position + n)])
                for (j, value) in row.enumerated() where !range.contains(value) {
                    outOfRange(value, position + j, range, what, "of agent \(i + 1), job \(j + 1) in instance \(k)", &diagnostics)
                }
                rows.append(row)
                position += n
            }
            return rows
        }
        let cost = matrix(Limits.gapCost, "cost")
        let resource = matrix(Limits.gapResource, "resource use")
        let capacity = Array(tokens.values[position..<(position + m)])
        for (i, value) in capacity.enumerated() where !Limits.gapCapacity.contains(value) {
            outOfRange(value, position + i, Limits.gapCapacity, "capacity", "of agent \(i + 1) in instance \(k)", &diagnostics)
        }
        position += m
        return GAPInstance(agents: m, jobs: n, cost: cost, resource: resource, capacity: capacity)
    }

    private func outOfRange(
        _ value: Int, _ index: Int, _ range: ClosedRange<Int>, _ what: String, _ context: String,
        _ diagnostics: inout DiagnosticCollector
    ) {
        diagnostics.error(
            .numberOutOfRange,
            "\(what) \(Diagnostic.quoted(String(value))) \(context) is out of range: an integer \(Limits.describe(range))",
            at: tokens.location(index, path: path))
    }
}
