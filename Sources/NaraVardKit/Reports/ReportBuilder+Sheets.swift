import Foundation

// MARK: - Sheets both reports have: Data, Definitioner, Teckenförklaring, Om rapporten

extension ReportBuilder {
    /// The line under a report's title: the definition's subtitle and the import the data are taken from.
    var subtitle: String {
        let loaded = asOf.flatMap { id in imports.first { $0.id == id } }.map { "Uppgifter inlästa till och med \($0.createdAt.prefix(10))" }
        return [request.definition.subtitle, loaded].compactMap { $0 }.joined(separator: " · ")
    }

    /// The first sheet's subtitle: ``subtitle`` and how many indicators lack a value for the period.
    var firstPageSubtitle: String {
        [subtitle, missingValuesNote].filter { !$0.isEmpty }.joined(separator: " · ")
    }

    func commonSheets() -> [ReportSheet] {
        [definitionSheet(), legendSheet(), aboutSheet()]
    }

    /// Data: every value the report shows, at every level, as an Excel table for analysts.
    func dataSheet(_ values: [(value: ReportValue, data: IndicatorData)]) -> ReportSheet {
        let geography = catalog.geography
        let rows = values.map { value, data in
            let key = value.key
            let shown = data.values[key]
            let area = geography[key.area]
            return ReportRow([
                .text(key.indicator), .text(data.indicator.name), .number(Double(data.indicator.shift), .integer),
                .text(key.area), .text(area?.name ?? key.area), .text(area.map { ReportText.level($0.kind) }),
                .text(key.period.description), .text(key.gender.rawValue),
                numberCell(data, key.area, key.period, key.gender),
                .number(shown?.numerator, .integer), .number(shown?.denominator, .integer),
                .text(data.unit.label), .text(ReportText.status(value.status)),
            ])
        }
        let columns = [
            ReportColumn("Indikator-id", width: 12), ReportColumn("Indikator", width: 34), ReportColumn("Riktningsförändring", width: 19),
            ReportColumn("Område-id", width: 12), ReportColumn("Område", width: 24), ReportColumn("Nivå", width: 10),
            ReportColumn("Period", width: 9), ReportColumn("Kön", width: 6), ReportColumn("Värde", width: 11),
            ReportColumn("Täljare", width: 11), ReportColumn("Nämnare", width: 11), ReportColumn("Enhet", width: 11),
            ReportColumn("Status", width: 13),
        ]
        return ReportSheet(
            name: "Data", title: nil,
            tables: [ReportTable(name: "data", columns: columns, rows: rows, freezeHeader: true, isExcelTable: true)], printed: false)
    }

    /// Definitioner: what each indicator measures and where it comes from.
    func definitionSheet() -> ReportSheet {
        let rows = data.map { data in
            let indicator = data.indicator
            let areaTargets = indicator.targets.map {
                "\(catalog.geography[$0.area]?.name ?? $0.area) \($0.year): \(ReportText.number($0.value, decimals: indicator.unit.reportDecimals))"
            }
            let target: ReportCell = areaTargets.isEmpty
                ? .number(indicator.target, .value(indicator.unit))
                : .text(((indicator.target.map { [ReportText.number($0, decimals: indicator.unit.reportDecimals)] } ?? []) + areaTargets)
                    .joined(separator: "; "))
            return ReportRow([
                .text(indicator.id), .text(indicator.name), .text(catalog.shift(indicator.shift).map(sheetName)),
                .text(indicator.unit.label), .text(ReportText.better(indicator.better)), .text(ReportText.frequency(indicator.frequency)),
                .text(indicator.definition), .text(indicator.numerator), .text(indicator.denominator), .text(indicator.source),
                target, .number(indicator.minN.map(Double.init), .integer), .text(indicator.kolada),
                .text(indicator.seasonal ? "ja" : "nej"), .text(ReportText.levels(indicator.levels)),
            ])
        }
        let columns = [
            ReportColumn("Id", width: 8), ReportColumn("Indikator", width: 28, wrap: true),
            ReportColumn("Riktningsförändring", width: 18, wrap: true), ReportColumn("Enhet", width: 10),
            ReportColumn("Bättre", width: 14, wrap: true), ReportColumn("Frekvens", width: 9),
            ReportColumn("Definition", width: 60, wrap: true), ReportColumn("Täljare", width: 36, wrap: true),
            ReportColumn("Nämnare", width: 28, wrap: true), ReportColumn("Källa", width: 28, wrap: true),
            ReportColumn("Mål", width: 10, wrap: true), ReportColumn("Prickas under", width: 9, wrap: true),
            ReportColumn("Kolada-id", width: 10), ReportColumn("Säsongsvarierande", width: 12, wrap: true),
            ReportColumn("Redovisas för", width: 18, wrap: true),
        ]
        return ReportSheet(
            name: "Definitioner", title: "Indikatorernas definitioner",
            subtitle: "Värde = faktor × täljare / nämnare. Täljare under \"Prickas under\" visas inte i rapporten.",
            tables: [ReportTable(name: "definitioner", columns: columns, rows: rows, freezeHeader: true, filter: true)], printed: false)
    }

    /// Teckenförklaring: every arrow, colour and word, in plain Swedish, shown in its own format.
    func legendSheet() -> ReportSheet {
        let committee = request.kind == .committee
        var entries: [(ReportCell, String)] = [
            (.text("↑ förbättras"), "Trenden går åt det håll strategin vill, här uppåt (högre är bättre). Pilen visar åt vilket håll värdet rör sig."),
            (.text("↓ förbättras"), "Trenden går åt önskat håll nedåt (lägre är bättre)."),
            (.text("↑ försämras"), "Trenden går åt fel håll: värdet ökar fast lägre är bättre."),
            (.text("↓ försämras"), "Trenden går åt fel håll: värdet minskar fast högre är bättre."),
            (.text("↑ ökar"), "Indikator utan önskad riktning (sammanhangsindikator): bara riktningen visas, i lila. \"↓ minskar\" på samma sätt."),
            (.text("→ ingen tydlig förändring"), "Ingen statistiskt säker trend (Mann–Kendall, p ≥ 0,05)."),
            (.text("· för få punkter"), "Färre än 5 mätpunkter: trenden bedöms inte."),
            (ReportCell(.number(1.5, NumberStyle(decimals: 1, signed: true)), tone: .good),
             "Förändring 1 år: mot samma kvartal (eller år) ett år tidigare. Grönt: åt önskat håll."),
            (ReportCell(.number(-1.5, NumberStyle(decimals: 1, signed: true)), tone: .bad), "Rött: åt fel håll. Lila: indikator utan önskad riktning."),
            (ReportCell(.number(56.2, NumberStyle(decimals: 1)), tone: .good), committee
                ? "Värde i grönt: målet nås. Rött: målet nås inte."
                : "Värde i grönt: bättre än \(benchmarkName) efter indikatorns önskade riktning, och skillnaden är större än "
                    + "slumpen förklarar. Rött: sämre, på samma sätt. Ett ofärgat värde är likvärdigt eller jämförs inte."),
            (.text("95 % konfidensintervall"), "Det spann där det verkliga värdet med 95 % säkerhet ligger, med hänsyn till hur "
                + "många personer eller händelser värdet bygger på. Ett litet område får ett brett intervall: dess värde kan "
                + "ändras mycket av en slump. Andelar: Wilsons metod; kvoter och antal: Byars metod, eller exakt (Poisson) "
                + "under 10 händelser. Prickade värden, dagar, index, kronor och värden utan täljare och nämnare får inget intervall."),
            (.text("likvärdig"), "Jämfört med \(benchmarkName): \(benchmarkName)s värde ligger inom områdets 95 % konfidensintervall, "
                + "så skillnaden kan vara slump. Likvärdig färgas aldrig."),
            (ReportCell(.text("bättre"), tone: .good), "Jämfört med \(benchmarkName): hela intervallet ligger på den bättre sidan. "
                + "\"Sämre\" (rött) på samma sätt åt fel håll. \"Högre\" och \"lägre\" gäller indikatorer utan önskad riktning "
                + "och färgas inte. \"Jämförelsevärde\": området är det som jämförs med."),
            (.text("Per 1 000 invånare"), "Antal (till exempel besök) jämförs per 1 000 invånare i områdets folkmängd enligt "
                + "geografin, aldrig som totaler: ett stort område har alltid fler besök."),
            (.placeholder(.suppressed), "Litet tal: täljaren är mindre än indikatorns gräns (\"Prickas under\" på fliken Definitioner) "
                + "och visas inte. Också ett andra värde i samma länsdel (eller kvinnor/män) prickas när det prickade annars "
                + "kunde räknas fram ur summan."),
            (.placeholder(.missing), "Inget värde rapporterat. Saknas är inte noll."),
            (.placeholder(.incomplete), "Länsdels- eller länsvärdet beräknas inte eftersom någon kommun saknar uppgift."),
            (.placeholder(.notAggregable), "Värdet rapporteras utan täljare och nämnare och kan därför inte läggas ihop till länsdel eller län."),
            (.placeholder(.undefined), "Nämnaren är 0: värdet är inte definierat."),
            (ReportCell(.number(31.2, NumberStyle(decimals: 1)), revision: "Reviderat: tidigare 30,8"),
             "Markerad cell med kommentar: värdet har ändrats sedan förra rapporten av samma slag. Kommentaren visar det tidigare värdet."),
            (ReportCell(.text("senaste: 2025 K4"), tone: .muted), "Indikatorn har inget värde för rapportperioden: dess senaste "
                + "värde visas, med perioden det gäller. Första sidan räknar hur många indikatorer som saknar värde för perioden "
                + "(bara de som följs per kvartal i en kvartalsrapport; en årsindikator räknas som gammal först när dess år är äldre än året före)."),
        ]
        if committee {
            entries += [
                (ReportCell(.text("3 ↑ · 1 ↓ · 2 →"), tone: .good), "Sammanfattning: hur många av riktningsförändringens indikatorer "
                    + "som förbättras (↑), försämras (↓) och inte förändras tydligt (→) i området. Grönt: fler förbättras än "
                    + "försämras; rött: fler försämras; gult: lika många; grått: ingen tydlig trend eller inget att bedöma."),
                (.text("utan antal"), "Sammanfattning: indikatorn har värden i området men utan täljare och nämnare, så de kan "
                    + "inte läggas ihop till en serie för området och dess trend kan inte bedömas."),
                (.text("Skillnaden säkerställd"), "Kön: ja när kvinnors och mäns 95 % konfidensintervall inte överlappar. Prövningen "
                    + "är försiktig: nej betyder att skillnaden kan vara slump."),
                (.text("Förbättras"), "Sammanfattning: fler indikatorer förbättras än försämras i riktningsförändringen."),
                (.text("Försämras"), "Sammanfattning: fler indikatorer försämras än förbättras."),
                (.text("Blandat"), "Sammanfattning: lika många förbättras som försämras."),
                (.text("Stabilt"), "Sammanfattning: ingen indikator har en tydlig trend."),
                (.text("För få punkter"), "Sammanfattning: ingen indikator har tillräckligt många mätpunkter."),
                (.text("Mann–Kendall p"), "Trender, för analytiker: sannolikheten att en lika tydlig trend uppstår av slump. Under 0,05 "
                    + "räknas trenden som säker och visas som förbättras, försämras, ökar eller minskar."),
                (.text("Sen-lutning per period"), "Trender, för analytiker: trendens lutning, medianen av lutningarna mellan alla par av "
                    + "mätpunkter, i indikatorns enhet per period."),
                (.text("Variation (SPC)"), "Trender, för analytiker: statistisk processtyrning. Ligger det senaste värdet utanför "
                    + "styrgränserna (eller bildar värdena ett mönster) har något särskilt hänt, annars är variationen normal."),
                (.text("Normal variation"), "Senaste värdet ligger inom styrgränserna (SPC enligt Making Data Count, från 13 mätpunkter)."),
                (.text(ReportText.seasonal), "Indikatorn har ett årsmönster (t.ex. fall och luftvägsinfektioner på vintern, lägre aktivitet på sommaren): "
                    + "trenden bedöms med säsongs-Kendalls test kvartal för kvartal, och styrgränser och SPC-symboler visas inte."),
                (.text("Förbättring (högt)"), "Särskild orsak åt önskat håll (högt eller lågt värde)."),
                (.text("Oroande (lågt)"), "Särskild orsak åt fel håll (högt eller lågt värde)."),
                (.text("Särskild orsak (högt)"), "Särskild orsak för en indikator utan önskad riktning."),
                (.text("Når målet"), "Målet ligger på rätt sida om styrgränserna: det nås varje gång om inget ändras."),
                (.text("Når inte målet"), "Målet ligger utanför styrgränserna: det nås inte utan en förändring."),
                (.text("Varierar kring målet"), "Målet ligger inom styrgränserna: ibland nås det, ibland inte."),
            ]
        } else {
            entries += [
                (.text("Trattdiagram"), "Polsam: varje kommun och länsdel som en punkt, med nämnaren vågrätt och värdet lodrätt. "
                    + "Linjerna runt \(benchmarkName)s värde visar hur mycket ett område av den storleken kan avvika av ren slump: "
                    + "innanför de heldragna (95 %) är skillnaden slump, utanför de streckade (99,8 %) är den verklig. Små områden "
                    + "får en vid tratt, stora en smal: så jämförs områden av mycket olika storlek rättvist."),
            ]
        }
        let labels = ReportText.trendLabels + ReportText.rollupLabels + ReportText.variationLabels + ReportText.assuranceLabels
            + ReportText.verdictLabels
        return ReportSheet(
            name: "Teckenförklaring", title: "Teckenförklaring",
            tables: [ReportTable(
                name: "teckenforklaring",
                columns: [ReportColumn("Tecken", width: 26), ReportColumn("Betydelse", width: 100, wrap: true)],
                rows: entries.map { ReportRow([$0.0, .text($0.1)]) },
                colors: [ConditionalColor(rows: 0..<entries.count, columns: 0...0, rule: .labels(labels))])])
    }

    /// Om rapporten: period, time, store, the imports and files it is built on, and the methods.
    func aboutSheet() -> ReportSheet {
        let comparison = previous.map {
            "Rapport \($0.record.id) av samma slag (\($0.record.createdAt), data till och med import \($0.record.asOf.map(String.init) ?? "–"))."
        } ?? "Ingen tidigare rapport av samma slag på äldre data: inga värden markeras som reviderade."
        let facts: [(String, String)] = [
            ("Rapport", title),
            ("Period", "\(ReportText.periodTitle(period)) (\(period)). Årsindikatorer visar det senaste hela året till och med perioden."),
            ("Genererad", MetricsStore.timestamp(request.generatedAt)),
            ("Databas", store.path),
            ("Data till och med import", asOf.map { "\($0)" + (request.asOf == nil ? " (den senaste)" : " (vald med --as-of)") } ?? "–"),
            ("Rapportdefinition", request.definition.source),
            ("Jämförs med", comparison),
        ] + (request.kind == .committee ? [("Förändrade slutsatser mot", earlierReport)] : []) + [
            ("Indikatorer", "\(data.count)"),
            ("Metod", Self.methods),
        ]
        let importRows = imports.flatMap { record in
            let files: [ImportRecord.File?] = record.files.isEmpty ? [nil] : record.files
            return files.map { file in
                ReportRow([.number(Double(record.id), .integer), .text(file?.sha256), .text(file?.path),
                           .number(file.map { Double($0.rows) }, .integer), .text(Self.importKind(record.kind)),
                           .text(record.createdAt), .text(record.note.map(Self.importNote))])
            }
        }
        return ReportSheet(
            name: "Om rapporten", title: "Om rapporten",
            tables: [
                ReportTable(name: "om-rapporten", columns: [ReportColumn("Uppgift", width: 24), ReportColumn("Värde", width: 66, wrap: true)],
                            rows: facts.map { ReportRow([.text($0.0), .text($0.1)]) }),
                ReportTable(name: "importer", caption: "Importer som rapporten bygger på",
                            columns: [ReportColumn("Import", width: 24), ReportColumn("SHA-256", width: 66),
                                      ReportColumn("Fil", width: 40, wrap: true), ReportColumn("Rader", width: 8),
                                      ReportColumn("Typ", width: 12), ReportColumn("Tid", width: 22),
                                      ReportColumn("Anteckning", width: 36, wrap: true)],
                            rows: importRows),
            ] + (request.kind == .committee ? [revisedValuesTable()] : []), printed: false)
    }

    /// Why a red one-year change can stand beside a green trend, on the sheets that show both.
    static let changeAndTrend = "Förändring 1 år jämför bara två mätpunkter: perioden och samma period ett år tidigare. "
        + "Trenden bygger på hela serien. De kan därför peka åt olika håll: en röd förändring bredvid \"↑ förbättras\" "
        + "betyder ett sämre år i en serie som ändå förbättras."

    /// An import's note in Swedish where naravard wrote it in English (older stores; the note itself is kept as stored).
    static func importNote(_ note: String) -> String {
        if note == "bundled catalogue and agreements (naravard init)" { return "inbyggd katalog och överenskommelser (naravard init)" }
        if note.hasPrefix("revert of import ") { return "återställning av import " + note.dropFirst("revert of import ".count) }
        return note
    }

    /// The report "Förändrade slutsatser" compares with, for Om rapporten.
    private var earlierReport: String {
        guard let earlier else { return "Ingen rapport av samma slag för en tidigare period, så inga slutsatser jämförs." }
        return "Rapport \(earlier.record.id) för \(ReportText.periodTitle(earlier.record.period)) (\(earlier.record.createdAt)), "
            + "byggd på nytt från data till och med import \(earlier.record.asOf.map(String.init) ?? "–")."
    }

    static func importKind(_ kind: String) -> String {
        switch kind {
        case "ingest": "inläsning"
        case "revert": "återställning"
        case "catalog": "katalog"
        default: kind
        }
    }

    static let methods = """
        Länsdels- och länsvärden är kvoten mellan summerade täljare och summerade nämnare, aldrig ett medelvärde av \
        kommunernas andelar; saknar någon kommun uppgift visas värdet som ofullständigt. Trenden bedöms med \
        Mann–Kendalls test (tvåsidigt, α = 0,05, minst 5 mätpunkter) på hela serien till och med perioden, och \
        lutningen skattas med Sens metod. Säsongsvarierande indikatorer bedöms med säsongs-Kendalls test (varje \
        kvartal för sig, minst 3 värden per kvartal, annars det vanliga testet) och får inga styrgränser. Variation \
        och måluppfyllelse följer NHS Englands Making Data Count \
        (individdiagram med styrgränser, från 13 mätpunkter). Länsdels- och länsvärden beräknas bara för indikatorer \
        som publiceras på kommunnivå; en indikator som bara publiceras för länet visas bara där. Förändring 1 år jämför med samma kvartal eller år ett år \
        tidigare. Täljare från 1 till indikatorns gräns minus 1 prickas, liksom ett andra värde i samma grupp när det \
        prickade annars kunde räknas fram ur summan. Värden som ändrats sedan förra rapporten av samma slag markeras \
        med en kommentar som anger det tidigare värdet. Jämförelser med länet (eller rapportens jämförelseområde) följer         Fingertips (OHID, England): 95 % konfidensintervall med Wilsons metod för andelar och Byars metod (exakt         Poisson under 10 händelser) för kvoter och för antal per 1 000 invånare; bättre eller sämre bara när         jämförelsevärdet ligger utanför intervallet, annars likvärdig. Prickade värden jämförs inte.
        """
}
