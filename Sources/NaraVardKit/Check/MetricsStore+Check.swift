extension MetricsStore {
    /// Integrity, T = K + M and completeness, for the given indicators (empty: all in the catalogue), as of an
    /// import. Completeness is of each indicator's latest period, or with `period` of that period for every
    /// indicator due in it (``deliveryStatus(period:indicators:asOf:)``). Reads one indicator at a time.
    package func check(indicators: [String] = [], asOf: Int64? = nil, period: Period? = nil) throws -> [CheckFinding] {
        var findings = try integrityProblems().map { CheckFinding(kind: .integrity, detail: $0) }
        let catalog = try catalog(asOf: asOf)
        for indicator in catalog.indicators where indicators.isEmpty || indicators.contains(indicator.id) {
            var query = ObservationQuery(asOf: asOf)
            query.indicators = [indicator.id]
            let observations = try observations(query)
            findings += CheckFinding.sums(observations, unit: indicator.unit)
            if period == nil { findings += CheckFinding.incompleteness(observations, geography: catalog.geography, expected: indicator) }
        }
        if let period {
            findings += try deliveryStatus(period: period, indicators: indicators, asOf: asOf).compactMap { row in
                CheckFinding(row, name: catalog.geography[row.area]?.name ?? row.area)
            }
        }
        return findings
    }
}
