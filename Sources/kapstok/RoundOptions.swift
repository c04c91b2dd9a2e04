import ArgumentParser
import Diagnostics
import Foundation
import Kapstok
import KapstokIO

/// The input files of a pairing round, shared by `match`, `validate` and `explain`.
struct RoundOptions: ParsableArguments {
    @Option(help: "Mentors CSV: id,name[,capacity,languages,grade,manager_id,…] and one column per framework id.")
    var mentors: String?

    @Option(help: "Mentees CSV: id,name[,…], current levels, <id>.target columns and domain interests.")
    var mentees: String?

    @Option(help: "Framework CSV (id,name,kind,group,weight) replacing the built-in one.")
    var framework: String?

    @Option(help: "Scores CSV (mentee_id,mentor_id,score[,load]): only listed pairs are candidates.")
    var scores: String?

    @Option(help: "Constraints CSV (mentee_id,mentor_id,rule[,reason]) with rule forbid or require.")
    var constraints: String?

    @Option(help: "History CSV (mentee_id,mentor_id[,round]) of earlier pairs.")
    var history: String?

    @Option(help: "kapstok.toml with [scoring], [rules], [pairing] and [program] settings.")
    var config: String?

    @Option(help: "Org chart CSV (id,manager_id), the HRIS export, through which the manager-chain rule follows people outside the program.")
    var org: String?

    @Option(help: "Preferences CSV (person_id,choice,rank): mentees' favourite mentors and mentors' favourite mentees, rank 1 first (1–1000).")
    var preferences: String?

    /// Whether any round file is given (then `--mentors` and `--mentees` are both needed).
    var hasFiles: Bool {
        [mentors, mentees, framework, scores, constraints, history, config, org, preferences].contains { $0 != nil }
    }

    /// `--mentors` and `--mentees` are required unless a command reads its people elsewhere.
    func requirePeopleFiles() throws {
        for (flag, value) in [("--mentors <mentors>", mentors), ("--mentees <mentees>", mentees)] where value == nil {
            throw ValidationError("Missing expected argument '\(flag)'")
        }
    }

    /// The files; call ``requirePeopleFiles()`` first.
    var sources: RoundSources {
        func source(_ path: String) -> InputSource { .file(URL(fileURLWithPath: path)) }
        return RoundSources(
            mentors: source(mentors ?? ""), mentees: source(mentees ?? ""), framework: framework.map(source),
            scores: scores.map(source), constraints: constraints.map(source), history: history.map(source),
            configuration: config.map(source), org: org.map(source), preferences: preferences.map(source))
    }

    /// Loads and prepares the round; prints every diagnostic and exits 65 on input errors.
    func prepare() throws -> PreparedRound {
        try Self.prepare(sources)
    }

    static func prepare(_ sources: RoundSources) throws -> PreparedRound {
        try prepareWithOutput(sources).prepared
    }

    /// ``prepare()`` with what the files say about the outputs: `[output]` of the
    /// configuration and the dialect inferred from the mentees (else mentors) file.
    func prepareWithOutput() throws -> (prepared: PreparedRound, output: OutputPreferences, inferred: CSVDialect?) {
        try Self.prepareWithOutput(sources)
    }

    static func prepareWithOutput(_ sources: RoundSources) throws -> (prepared: PreparedRound, output: OutputPreferences, inferred: CSVDialect?) {
        let loaded: RoundLoader.LoadedRound
        do {
            loaded = try RoundLoader().loadRoundWithOutput(sources)
        } catch {
            throw Terminal.refuse(error)
        }
        for warning in loaded.warnings { Terminal.error(warning.description) }
        return (try prepare(round: loaded.round), loaded.output, loaded.inferredDialect)
    }

    /// Prepares a loaded round (candidates, scores); prints the problems and exits 65 when a
    /// `require` rule cannot hold.
    static func prepare(round: Round) throws -> PreparedRound {
        do {
            return try PreparedRound(round: round)
        } catch {
            // The loader reports impossible `require` rules already; this is the defence for a
            // check the loader missed, printed at the rule's cell all the same.
            for problem in error.problems {
                let location = problem.rule.location.map { "\($0): " } ?? ""
                Terminal.error("\(location)error: \(problem.message)")
            }
            Terminal.error("\(counted(error.problems.count, "error")); nothing was written")
            throw ExitCode(65)
        }
    }
}

/// Writing to the terminal: results to standard output, diagnostics to standard error.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints every diagnostic of a failed read and the count ("3 errors; nothing was written"),
    /// and gives exit code 65 to throw.
    static func refuse(_ error: DiagnosticsError, nothing verb: String = "written") -> ExitCode {
        Self.error(error.diagnostics.map(\.description).joined(separator: "\n"))
        Self.error("\(counted(error.errorCount, "error")); nothing was \(verb)")
        return ExitCode(65)
    }

    /// Throws exit 65 with every problem when the collector holds an error; prints its warnings otherwise.
    static func stopOnErrors(_ diagnostics: DiagnosticCollector, nothing verb: String = "changed", warnings: Bool = true) throws {
        do {
            try diagnostics.throwIfErrors()
        } catch {
            throw refuse(error, nothing: verb)
        }
        if warnings { for warning in diagnostics.warnings { Self.error(warning.description) } }
    }
}

/// A count with its noun in the right number: `1 rule`, `2 rules`, `1 history entry`.
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
