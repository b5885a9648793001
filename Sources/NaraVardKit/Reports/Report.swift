import Foundation

/// A finished report as pure values: sheets of tables of typed cells, with the charts and colour rules that
/// go with them. One model feeds both writers, so the workbook (`XLSXReportWriter`) and the CSV files
/// (`CSVReportWriter`) always agree.
///
/// ```swift
/// let report = try store.report(ReportRequest(kind: .committee, definition: .bundled(.committee)))
/// try store.publish(report, as: .xlsx, to: try OutputTarget.file("uppfoljning.xlsx", store: store.path))
/// ```
public struct Report: Sendable {
    public var kind: ReportKind
    /// The title with its period, e.g. `Uppföljning nära vård – 2025 kvartal 4`.
    public var title: String
    /// The organisation in the document properties.
    public var company: String
    public var period: Period
    /// The import the report is built on (the latest one, or `--as-of`).
    public var asOf: Int64?
    /// When the report was made; the only thing that differs between two runs on the same store.
    public var generatedAt: Date
    package var sheets: [ReportSheet]
    /// Every value the report shows (the rows of its Data sheet), as logged in the store.
    package var values: [ReportValue]
    /// How many of them changed since the previous report of the same kind (each marked with a comment).
    public var revised: Int
}

/// One value a report shows, as the report log keeps it: suppressed values are logged without their number.
package struct ReportValue: Hashable, Sendable {
    package var key: ObservationKey
    package var value: Double?
    package var status: AreaValue.Status
}

/// One worksheet (or, in CSV, the files of its tables).
package struct ReportSheet: Sendable {
    /// How charts are placed.
    package enum ChartLayout: Sendable {
        /// Each chart to the right of the rows it shows.
        case beside
        /// In a grid above the tables, `columns` charts wide.
        case grid(columns: Int)
    }

    /// The tab name (at most 31 characters).
    package var name: String
    /// A heading above the tables; `nil` starts the first table at the top (the Data sheet).
    package var title: String?
    package var subtitle: String?
    package var tables: [ReportTable]
    package var charts: [ReportChart] = []
    package var chartLayout: ChartLayout = .beside
    /// Short lines below the tables.
    package var notes: [String] = []
    /// Part of the printed meeting document: selected with the first sheet when the workbook opens, so Excel's
    /// default print ("Print Active Sheets") prints it. Sheets for analysts (Data, Definitioner, Om rapporten, …)
    /// print only when chosen.
    package var printed = true
}

/// A table: a header row and rows of cells. In CSV it is one file, named ``name``.
package struct ReportTable: Sendable {
    /// The CSV file name without `.csv`, and the Excel table name when ``isExcelTable``; unique in a report.
    package var name: String
    /// A line above the table.
    package var caption: String?
    package var columns: [ReportColumn]
    package var rows: [ReportRow]
    package var colors: [ConditionalColor] = []
    /// Freeze the sheet above the first data row (honoured for a sheet's first table).
    package var freezeHeader = false
    /// Filter buttons on the header (one table per sheet).
    package var filter = false
    /// Write as an Excel table (filters, banded rows, a name usable in formulas).
    package var isExcelTable = false
    /// Height of the data rows in points; `nil` leaves it to Excel.
    package var rowHeight: Double?
}

/// A column of a ``ReportTable``.
package struct ReportColumn: Sendable {
    package var header: String
    /// Width in Excel's character units.
    package var width: Double
    /// Wrap long text within the column.
    package var wrap: Bool
    /// Centre the cells (a grid of labels).
    package var centered: Bool

    package init(_ header: String, width: Double, wrap: Bool = false, centered: Bool = false) {
        self.header = header; self.width = width; self.wrap = wrap; self.centered = centered
    }
}

/// A row of a ``ReportTable``.
package struct ReportRow: Sendable {
    package var cells: [ReportCell]
    /// A total (länsdel, county) shown in bold.
    package var emphasis = false
    /// The first row of a group (an indicator), with a line above it.
    package var startsGroup = false

    package init(_ cells: [ReportCell], emphasis: Bool = false, startsGroup: Bool = false) {
        self.cells = cells; self.emphasis = emphasis; self.startsGroup = startsGroup
    }
}

/// One cell: its content, an optional fixed colour, and a note when the value was revised.
package struct ReportCell: Hashable, Sendable {
    package enum Content: Hashable, Sendable {
        case empty
        /// Always a string cell, never a formula (names, notes, sources are users' text).
        case text(String)
        case number(Double, NumberStyle)
        /// Shown instead of a number: suppressed, missing, ….
        case placeholder(Placeholder)
    }

    package var content: Content
    /// A fixed colour (legend samples); other colours come from the table's ``ConditionalColor`` rules.
    package var tone: Tone?
    /// Set when the value changed since the previous report of the same kind: `Reviderat: tidigare 31,2`.
    package var revision: String?
    /// Indentation level: a municipality beneath its länsdel.
    package var indent = 0
    /// A comment on the cell (a compared value's 95 % interval and verdict), after the revision if there is one.
    package var note: String?

    package init(_ content: Content, tone: Tone? = nil, revision: String? = nil, indent: Int = 0, note: String? = nil) {
        self.content = content; self.tone = tone; self.revision = revision; self.indent = indent; self.note = note
    }

    /// The cell's comment: the revision and the note, each on a line.
    package var comment: String? {
        guard revision != nil || note != nil else { return nil }
        let lines = [revision, note].compactMap { $0 }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    package static let empty = ReportCell(.empty)
    package static func text(_ text: String?) -> ReportCell { text.map { ReportCell(.text($0)) } ?? .empty }
    package static func number(_ value: Double?, _ style: NumberStyle) -> ReportCell {
        value.map { ReportCell(.number($0, style)) } ?? .empty
    }
    package static func placeholder(_ placeholder: Placeholder) -> ReportCell { ReportCell(.placeholder(placeholder)) }
}

/// What is shown where a value has no number.
package enum Placeholder: String, CaseIterable, Sendable {
    case suppressed, suppressedAtSource, missing, incomplete, notAggregable, undefined

    /// The Swedish word shown in the cell.
    package var label: String {
        switch self {
        case .suppressed: "prickad"
        case .suppressedAtSource: "skyddad av källan"
        case .missing: "saknas"
        case .incomplete: "ofullständig"
        case .notAggregable: "ej summerbar"
        case .undefined: "odefinierat"
        }
    }
}

/// How a number is shown: decimals, thousands grouping, and a sign for changes.
package struct NumberStyle: Hashable, Sendable {
    package var decimals: Int
    package var signed: Bool
    /// Thousands grouped (the reader's locale decides the separator: a space in Swedish Excel); never for years.
    package var grouped = true

    package init(decimals: Int, signed: Bool = false, grouped: Bool = true) {
        self.decimals = decimals; self.signed = signed; self.grouped = grouped
    }

    /// A year: 2022, never "2 022" or "2,022".
    package static let year = NumberStyle(decimals: 0, grouped: false)

    /// A value of an indicator: one decimal for percent and rates per 1 000 or 10 000, none for counts, ….
    package static func value(_ unit: IndicatorUnit) -> NumberStyle { NumberStyle(decimals: unit.reportDecimals) }
    /// A change in an indicator's unit, with its sign.
    package static func change(_ unit: IndicatorUnit) -> NumberStyle { NumberStyle(decimals: unit.reportDecimals, signed: true) }
    /// A slope per period: one decimal more than the values.
    package static func slope(_ unit: IndicatorUnit) -> NumberStyle { NumberStyle(decimals: unit.reportDecimals + 1, signed: true) }
    package static let integer = NumberStyle(decimals: 0)
}

extension IndicatorUnit {
    /// Decimals shown in reports.
    package var reportDecimals: Int {
        switch self {
        case .percent, .per1000, .per10000, .days: 1
        case .index: 2
        case .per100000, .count, .sek: 0
        }
    }
}

/// A colour with a meaning.
package enum Tone: String, CaseIterable, Sendable {
    /// Green: the way the strategy wants.
    case good
    /// Red: the wrong way.
    case bad
    /// Purple: a change in an indicator without a good direction.
    case neutral
    /// Amber: as many improve as worsen.
    case mixed
    /// Grey: nothing to judge.
    case muted
}

/// A colour rule over some cells of a table (conditional formatting in the workbook; ignored in CSV).
package struct ConditionalColor: Sendable {
    package enum Rule: Sendable {
        /// Numbers by sign: good when they move the better way; neutral (purple) when the indicator has no better way.
        case sign(Better)
        /// Numbers against a reference: good when better than it (or equal, with `orEqual`), bad when worse.
        case versus(Reference, Better, orEqual: Bool)
        /// Cells whose text is exactly one of these labels.
        case labels([Label])
    }

    /// The cell compared with in a ``Rule/versus(_:_:orEqual:)`` rule.
    package enum Reference: Sendable {
        /// This column in the same row (e.g. the target).
        case column(Int)
        /// One cell of the table (data row, column), e.g. the county's value.
        case cell(row: Int, column: Int)
    }

    package struct Label: Sendable {
        package var text: String
        package var tone: Tone
    }

    /// Data rows of the table.
    package var rows: Range<Int>
    package var columns: ClosedRange<Int>
    package var rule: Rule
}

/// A native chart drawn from a table on the same sheet.
package struct ReportChart: Sendable {
    /// `scatter` is an XY chart: ``categoryColumn`` holds the x values. `bar` has horizontal bars, so long
    /// category names read level on the vertical axis instead of running into the legend.
    package enum Kind: Sendable { case line, column, bar, scatter }

    package var kind: Kind
    package var title: String
    package var yAxisTitle: String?
    /// The value axis's Excel number format, e.g. `#,##0.0,,` to show kronor in millions (mkr).
    package var yAxisNumberFormat: String?
    /// Start the value axis at zero (columns of a quantity that cannot be negative).
    package var startsAtZero = false
    /// The table (index in the sheet's ``ReportSheet/tables``) and its data rows the chart shows.
    package var table: Int
    package var rows: Range<Int>
    package var categoryColumn: Int
    /// One series per column; its name is the column header.
    package var valueColumns: [Int]
    /// Value columns drawn as points without a line (scatter charts).
    package var pointColumns: Set<Int> = []
    /// Value columns drawn as dashed lines.
    package var dashedColumns: Set<Int> = []
    package var xAxisTitle: String?
    /// A base-10 logarithmic x axis (scatter charts).
    package var logarithmicX = false
}
