import ArgumentParser
import NaraVardKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the store: file integrity, T = K + M, and who has not reported each indicator's latest period.",
        discussion: """
            Findings: integrity (the store file is damaged), sum (the total disagrees with women plus men), \
            not_reported (a municipality has no total for the latest period), missing (reported as missing). \
            With --period P, completeness is of that period for every indicator due in it (as `naravard status` \
            lists it) instead of each indicator's latest period. \
            Exit codes: 0 nothing found; 65 sums disagree or reports are lacking; 1 the store file is damaged.

            Example:
              naravard check --period 2025Q4
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(name: .customLong("indicator"), help: "Only this indicator (repeatable).") var indicators: [String] = []
    @OptionGroup var asOf: AsOfOption
    @Option(help: "Check who has delivered this period (any input form), as `naravard status` does.") var period: Period?
    @OptionGroup var output: FormatOption

    func run() throws {
        let metrics = try store.openForReading()
        let asOf = try self.asOf.snapshot(in: metrics)
        let catalog = try metrics.catalog(asOf: asOf)
        for id in indicators where catalog.indicator(id) == nil {
            throw CommandError.unknownIndicator(id)
        }
        let findings = try metrics.check(indicators: indicators, asOf: asOf, period: period)
        try OutputTable(
            columns: ["check", "indicator", "area", "period", "detail"],
            rows: findings.map { [.text($0.kind.rawValue), .text($0.indicator), .text($0.area), .text($0.period?.description), .text($0.detail)] }
        ).print(output.format)
        let count = { (kinds: [CheckFinding.Kind]) in findings.count { kinds.contains($0.kind) } }
        printError("integrity \(count([.integrity]) == 0 ? "ok" : "FAILED"), sums disagreeing \(count([.sum])), "
            + "not reported \(count([.notReported])), reported missing \(count([.missing]))")
        if count([.integrity]) > 0 { throw CommandError.told(.system) }
        if !findings.isEmpty { throw CommandError.told(.refusedInput) }
    }
}
