import ArgumentParser
import NaraVardKit

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Delivery status of a period: per indicator and municipality, whether the value has arrived.",
        discussion: """
            Statuses (gender T): received, reported_missing, suppressed_at_source, not_delivered (no record), \
            not_expected (a yearly indicator in a quarter, or a municipality for an indicator stored only for the \
            county). A line per indicator on standard error counts what has arrived ("PV01 2025Q4: 13 of 14"). \
            --reminders lists instead what is missing per municipality, the list to send out: area, name, period, \
            missing (how many), not_delivered and reported_missing (indicator ids). Always exits 0; \
            `naravard check --period P` exits 65 when something is undelivered.

            Example:
              naravard status --period 2025Q4 --indicator PV01 --reminders
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var reading: ReadingOptions
    @Option(help: "The period (any input form; default: the latest period any indicator has).") var period: Period?
    @OptionGroup var output: FormatOption
    @Flag(help: "Group what is missing (not delivered or reported missing) per municipality.") var reminders = false

    func run() throws {
        let metrics = try store.openForReading()
        let asOf = try reading.asOf.snapshot(in: metrics)
        let catalog = try metrics.catalog(asOf: asOf)
        let (indicators, areas) = try reading.resolve(in: catalog)
        guard let period = try self.period ?? metrics.latestPeriod(indicators: indicators, asOf: asOf) else {
            throw CommandError.usage("the store has no values yet: give --period")
        }
        let rows = try metrics.deliveryStatus(period: period, indicators: indicators, asOf: asOf)
            .filter { reading.admits($0.area, areas, catalog.geography, period) }
        if reminders {
            try printReminders(rows, catalog: catalog)
        } else {
            try OutputTable(
                columns: ["indicator", "area", "period", "status"],
                rows: rows.map { [.text($0.indicator), .text($0.area), .text($0.period.description), .text($0.state.rawValue)] }
            ).print(output.format)
        }
        printCounts(rows)
    }

    /// One row per area with something undelivered: what is not delivered and what was reported missing.
    private func printReminders(_ rows: [DeliveryStatus], catalog: Catalog) throws {
        let undelivered = Dictionary(grouping: rows.filter(\.state.isUndelivered), by: \.area)
        let lines = undelivered.keys.sorted().map { area -> [Cell] in
            let items = undelivered[area] ?? []
            let ids = { (state: DeliveryStatus.State) in items.filter { $0.state == state }.map(\.indicator).joined(separator: " ") }
            return [.text(area), .text(catalog.geography[area]?.name), .text(items[0].period.description),
                    .integer(Int64(items.count)), .text(ids(.notDelivered)), .text(ids(.reportedMissing))]
        }
        try OutputTable(columns: ["area", "name", "period", "missing", "not_delivered", "reported_missing"], rows: lines).print(output.format)
    }

    /// "PV01 2025Q4: 13 of 14" per indicator due in the period (received or suppressed at source count as arrived).
    private func printCounts(_ rows: [DeliveryStatus]) {
        var order: [String] = []
        var counts: [String: (arrived: Int, due: Int)] = [:]
        for row in rows where row.state != .notExpected {
            if counts[row.indicator] == nil { order.append(row.indicator) }
            let arrived = row.state == .received || row.state == .suppressedAtSource
            counts[row.indicator, default: (0, 0)].due += 1
            counts[row.indicator, default: (0, 0)].arrived += arrived ? 1 : 0
        }
        for indicator in order {
            let count = counts[indicator] ?? (0, 0)
            printError("\(indicator) \(rows[0].period): \(count.arrived) of \(count.due)")
        }
    }
}

extension ReadingOptions {
    /// Whether a row for area `id` is wanted: one of `areas` or a member of one (a länsdel or the county stands
    /// for its municipalities), or without `--area` an area of the `--level`.
    func admits(_ id: String, _ areas: [Area], _ geography: Geography, _ period: Period) -> Bool {
        if areas.isEmpty { return geography[id].map { level.includes($0.kind) } ?? true }
        return areas.contains { $0.id == id || geography.members(of: $0, at: period).contains(id) }
    }
}
