import Foundation
import NaraVardKit
import Testing
import TestSupport

/// The worked example of NaraVardKit's documentation (`Documentation.docc/WorkedExample.md`), run as written
/// apart from the paths: if this test changes, the article changes with it.
@Suite struct WorkedExampleTests {
    @Test func theArticlesExampleRuns() throws {
        let folder = try TemporaryDirectory()
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../../Examples").standardized

        // 1. A new store with the bundled catalogue (what `naravard init` does).
        let store = try MetricsStore.create(at: folder.path("naravard.sqlite"))
        try store.loadCatalog(try Catalog.bundled(), agreements: try AgreementBook.bundled())

        // 2. One quarter's file, all or nothing.
        var options = IngestOptions()
        options.ignoreUnknownAreas = true
        let result = try store.ingest([samples.appending(path: "kvartalsdata-koder.csv")], options: options)
        #expect(!result.refused && result.summary.imported > 0)

        // 3. Values with the länsdel and county aggregates (ratio of summed counts).
        let catalog = try store.catalog()
        var query = ObservationQuery()
        query.indicators = ["PV01"]
        let values = Aggregator(geography: catalog.geography, indicators: catalog.indicators)
            .values(try store.observations(query))
        let county = try #require(values.last { $0.area == "25" && $0.gender == .total && $0.status == .computed })

        // 4. Trends per series, and the county compared with itself is the benchmark: not compared.
        var trendQuery = TrendQuery()
        trendQuery.indicators = ["PV01"]
        let trends = try store.trends(trendQuery, catalog: catalog)
        #expect(trends.contains { $0.area == "25" && $0.gender == .total })
        let pv01 = try #require(catalog.indicator("PV01"))
        let lulea = try #require(values.last { $0.area == "2580" && $0.gender == .total && $0.period == county.period })
        let comparison = Comparer(indicator: pv01, geography: catalog.geography, benchmark: nil)
            .compare(lulea, benchmark: "25", benchmarkValue: county.value)
        #expect(comparison.compared.ci95 != nil)

        // 5. The committee report, written and logged only once its file is in place.
        let report = try store.report(ReportRequest(kind: .committee, definition: try ReportDefinition.bundled(.committee)))
        let target = try OutputTarget.file(folder.path("uppfoljning.xlsx"), store: store.path)
        let id = try store.publish(report, as: .xlsx, to: target)
        #expect(id == 1 && folder.exists("uppfoljning.xlsx"))
    }
}
