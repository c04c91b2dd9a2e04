import Foundation
import Kapstok
import Testing

@testable import KapstokIO

@Suite("GAPReader")
struct GAPReaderTests {
    /// The diagnostics of reading `text` as `t.txt`, rendered.
    func problems(_ text: String, hasCount: Bool? = nil) -> [String] {
        do {
            _ = try GAPFormat.read(.text(text, path: "t.txt"), hasCount: hasCount)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// `datasets/orlib-gap/` of this checkout.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("datasets/orlib-gap", isDirectory: true)

    /// One instance, 2 agents × 2 jobs: costs 1 2 / 3 4, resources 5 6 / 7 8, capacities 9 10.
    static let small = "1\n2 2\n1 2\n3 4\n5 6\n7 8\n9 10\n"

    @Test func readsAFileWithItsCount() throws {
        let instances = try GAPFormat.read(.text(Self.small, path: "t.txt"))
        #expect(instances == [GAPInstance(agents: 2, jobs: 2, cost: [[1, 2], [3, 4]], resource: [[5, 6], [7, 8]], capacity: [9, 10])])
    }

    /// Without the count: 2 + 2·2·2 + 2 = 12 numbers, exactly what `2 2` announces.
    @Test func detectsASingleInstanceWithoutCount() throws {
        let instances = try GAPFormat.read(.text("2 2 1 2 3 4 5 6 7 8 9 10", path: "e.txt"))
        #expect(instances.count == 1)
        #expect(instances.first?.capacity == [9, 10])
    }

    /// Every file of datasets/orlib-gap: 5 instances in gap1–12, 6 in gapa–gapd, 1 in e05100
    /// (no count), with the sizes of the README's table.
    @Test func readsEveryBundledFile() throws {
        for k in 1...12 {
            let file = Self.directory.appendingPathComponent("gap\(k).txt")
            #expect(try GAPFormat.read(.file(file)).count == 5, "gap\(k).txt")
        }
        for type in ["a", "b", "c", "d"] {
            let instances = try GAPFormat.read(.file(Self.directory.appendingPathComponent("gap\(type).txt")))
            #expect(instances.map { "\($0.agents)x\($0.jobs)" } == ["5x100", "5x200", "10x100", "10x200", "20x100", "20x200"])
        }
        let e = try GAPFormat.read(.file(Self.directory.appendingPathComponent("e05100")))
        #expect(e.map { "\($0.agents)x\($0.jobs)" } == ["5x100"])
    }

    /// Cut after `5 6` (line 5): the 4 costs and 2 of the 4 resource uses are there, 6 of the
    /// 2·2·2 + 2 = 10 numbers after the sizes; the end is just after the `6`, column 4.
    @Test func truncatedFile() {
        #expect(problems("1\n2 2\n1 2\n3 4\n5 6") == [
            "t.txt:5:4: error: the file ends in instance 1: 2 agents × 2 jobs need 10 numbers after the sizes, 6 are there "
                + "(the file stops in the resource uses); is the file complete?"
        ])
        #expect(problems("3\n2 2\n1 2 3 4 5 6 7 8 9 10\n") == [
            "t.txt:3:21: error: the file ends in instance 2 of 3: its sizes (agents, jobs) are missing; is the file complete?"
        ])
    }

    @Test func everyBadTokenAtItsPlace() {
        #expect(problems("1\n2 2\n1 x 3 4\n5 6 7 8.5\n9 10\n") == [
            "t.txt:3:3: error: not an integer: 'x'",
            "t.txt:4:7: error: not an integer: '8.5'",
        ])
        #expect(problems("1 2 2 1 2 3 4 5 6 7 8 9 99999999999999999999") == [
            "t.txt:1:25: error: number '99999999999999999999' is far too large"
        ])
    }

    /// Resource 0 and capacity 0 are outside their ranges (1–1000, 1–1000000); both reported.
    @Test func numbersOutOfRange() {
        #expect(problems("1\n2 2\n1 2\n3 4\n5 0\n7 8\n0 10\n") == [
            "t.txt:5:3: error: resource use '0' of agent 1, job 2 in instance 1 is out of range: an integer 1–1000",
            "t.txt:7:1: error: capacity '0' of agent 1 in instance 1 is out of range: an integer 1–1000000",
        ])
        #expect(problems("1\n0 2\n") == ["t.txt:2:1: error: agents '0' of instance 1 is out of range: an integer 1–1000"])
    }

    @Test func trailingNumbers() {
        #expect(problems(Self.small + "11 12\n") == [
            "t.txt:8:1: error: 2 numbers after the 1 instance the file announces; is the count '1' right?"
        ])
    }

    @Test func emptyAndBinaryFiles() {
        #expect(problems(" \n\n") == ["t.txt:1:1: error: the file holds no numbers: an OR-Library GAP file starts with its sizes"])
        do {
            _ = try GAPFormat.read(.contents([0x50, 0x4B, 0x03, 0x04, 0, 0, 1, 2], path: "x.zip"))
            Issue.record("a zip archive was read")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "x.zip:1:1: error: this is not a text file: an OR-Library GAP file holds whitespace-separated integers"
            ])
        }
    }

    /// The sizes in a name come from the instances, the style from the file's name.
    @Test func instanceNames() {
        func sized(_ sizes: [(Int, Int)]) -> [GAPInstance] {
            sizes.map { GAPInstance(agents: $0.0, jobs: $0.1, cost: [], resource: [], capacity: []) }
        }
        #expect(GAPBenchmark.instanceNames(file: "data/gap1.txt", instances: sized([(5, 15), (5, 15)])) == ["c515-1", "c515-2"])
        #expect(GAPBenchmark.instanceNames(file: "gap12.txt", instances: sized([(10, 60)])) == ["c1060-1"])
        #expect(GAPBenchmark.instanceNames(file: "gapd.txt", instances: sized([(5, 100), (20, 200)])) == ["d05100", "d20200"])
        #expect(GAPBenchmark.instanceNames(file: "../e05100", instances: sized([(5, 100)])) == ["e05100"])
        #expect(GAPBenchmark.instanceNames(file: "mine.txt", instances: sized([(5, 100), (5, 100)])) == ["mine-1", "mine-2"])
        #expect(GAPBenchmark.instanceNames(file: "gap13.txt", instances: sized([(5, 100)])) == ["gap13-1"])
    }

    /// The table's values in their own sense only (README: c515-1 336 max, d05100 6353 best
    /// known, a05100 1698 optimal, e05100 12681).
    @Test func knownValues() {
        #expect(GAPBenchmark.known(instance: "c515-1", maximise: true) == GAPBenchmark.KnownValue(value: 336, isOptimal: true, maximise: true))
        #expect(GAPBenchmark.known(instance: "c515-1", maximise: false) == nil)
        #expect(GAPBenchmark.known(instance: "d05100", maximise: false)?.isOptimal == false)
        #expect(GAPBenchmark.known(instance: "d05100", maximise: false)?.value == 6353)
        #expect(GAPBenchmark.known(instance: "a05100", maximise: false)?.value == 1698)
        #expect(GAPBenchmark.known(instance: "e05100", maximise: false)?.value == 12681)
        #expect(GAPBenchmark.known(instance: "mine-1", maximise: true) == nil)
    }
}
