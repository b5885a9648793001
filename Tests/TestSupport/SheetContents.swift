import Foundation

/// Everything a test may want to assert about one worksheet.
public struct SheetContents {
    public let name: String
    /// Zero-based position in the workbook.
    public let index: Int
    /// The worksheet part, e.g. `xl/worksheets/sheet1.xml`.
    public let partName: String
    /// Cell values keyed by reference (`"B3"`).
    public let cells: [String: CellValue]
    /// Resolved formatting of every stored cell, keyed by reference.
    public let styles: [String: CellStyle]
    /// The `<dimension ref>`.
    public let dimension: String?
    /// Merged ranges such as `"A1:E1"`, in file order.
    public let mergedRanges: [String]
    public let frozenPane: FrozenPane?
    /// The sheet-level autofilter range, if any (tables carry their own).
    public let autofilter: String?
    public let tables: [TableInfo]
    public let conditionalFormats: [ConditionalFormatInfo]
    /// Comment text keyed by cell reference.
    public let comments: [String: String]
    /// Comment author keyed by cell reference.
    public let commentAuthors: [String: String]
    public let charts: [ChartInfo]
    public let pageSetup: PageSetupInfo
    /// The `_xlnm.Print_Titles` defined name for this sheet, e.g. `Data!$1:$1`.
    public let printTitles: String?
    /// The `_xlnm.Print_Area` defined name for this sheet, e.g. `Sammanfattning!$A$1:$H$40`.
    public let printArea: String?
    /// Column widths keyed by zero-based column.
    public let columnWidths: [Int: Double]
    /// Row heights keyed by zero-based row.
    public let rowHeights: [Int: Double]
    /// `RRGGBB`.
    public let tabColor: String?
    public let showsGridlines: Bool
    public let isSelectedTab: Bool
    /// The selected range (`sqref`) of the last selection element.
    public let selection: String?

    /// The value at `reference`, or `nil` for an empty cell.
    public subscript(_ reference: String) -> CellValue? { cells[reference] }

    init(reader: XLSXReader, name: String, index: Int, partName: String) throws {
        self.name = name
        self.index = index
        self.partName = partName
        let root = try reader.xml(partName)
        let relationships = try reader.relationships(of: partName)

        var cells: [String: CellValue] = [:]
        var styles: [String: CellStyle] = [:]
        var rowHeights: [Int: Double] = [:]
        for row in root.child("sheetData")?.children("row") ?? [] {
            if let height = row.attribute("ht").flatMap(Double.init), let number = row.attribute("r").flatMap(Int.init) {
                rowHeights[number - 1] = height
            }
            for cell in row.children("c") {
                guard let reference = cell.attribute("r") else { continue }
                cells[reference] = SheetContents.value(of: cell, reader: reader)
                if let style = cell.attribute("s").flatMap(Int.init).flatMap(reader.style(at:)) {
                    styles[reference] = style
                }
            }
        }
        self.cells = cells
        self.styles = styles
        self.rowHeights = rowHeights
        self.dimension = root.child("dimension")?.attribute("ref")
        self.mergedRanges = root.child("mergeCells")?.children("mergeCell").compactMap { $0.attribute("ref") } ?? []
        self.autofilter = root.child("autoFilter")?.attribute("ref")

        var widths: [Int: Double] = [:]
        for column in root.child("cols")?.children("col") ?? [] {
            guard let min = column.attribute("min").flatMap(Int.init), let max = column.attribute("max").flatMap(Int.init),
                  let width = column.attribute("width").flatMap(Double.init)
            else { continue }
            for number in min...max { widths[number - 1] = width }
        }
        self.columnWidths = widths

        let view = root.path("sheetViews", "sheetView")
        self.showsGridlines = view?.attribute("showGridLines") != "0"
        self.isSelectedTab = view?.attribute("tabSelected") == "1"
        self.selection = view?.children("selection").last?.attribute("sqref")
        if let pane = view?.child("pane"), let state = pane.attribute("state"), state.hasPrefix("frozen") {
            self.frozenPane = FrozenPane(
                rows: pane.attribute("ySplit").flatMap(Double.init).map { Int($0) } ?? 0,
                columns: pane.attribute("xSplit").flatMap(Double.init).map { Int($0) } ?? 0,
                topLeftCell: pane.attribute("topLeftCell"))
        } else {
            self.frozenPane = nil
        }
        self.tabColor = root.path("sheetPr", "tabColor")?.attribute("rgb").map(Styles.rgb)

        self.conditionalFormats = root.children("conditionalFormatting").flatMap { block in
            let sqref = block.attribute("sqref") ?? ""
            return block.children("cfRule").map { ConditionalFormatInfo(rule: $0, sqref: sqref, reader: reader) }
        }

        // Page setup.
        let setup = root.child("pageSetup")
        let margins = root.child("pageMargins")
        self.pageSetup = PageSetupInfo(
            orientation: setup?.attribute("orientation"),
            paperSize: setup?.attribute("paperSize").flatMap(Int.init),
            fitToPage: root.path("sheetPr", "pageSetUpPr")?.attribute("fitToPage") == "1",
            fitToWidth: setup?.attribute("fitToWidth").flatMap(Int.init) ?? 1,
            fitToHeight: setup?.attribute("fitToHeight").flatMap(Int.init) ?? 1,
            margins: margins.map {
                [$0.attribute("left"), $0.attribute("right"), $0.attribute("top"), $0.attribute("bottom")]
                    .map { $0.flatMap(Double.init) ?? 0 }
            },
            header: root.path("headerFooter", "oddHeader")?.text,
            footer: root.path("headerFooter", "oddFooter")?.text,
            horizontallyCentered: root.child("printOptions")?.attribute("horizontalCentered") == "1")
        self.printTitles = reader.definedNames.first {
            $0.name == "_xlnm.Print_Titles" && $0.localSheetIndex == index
        }?.value
        self.printArea = reader.definedNames.first {
            $0.name == "_xlnm.Print_Area" && $0.localSheetIndex == index
        }?.value

        // Related parts: tables, comments, drawings (charts).
        var tables: [TableInfo] = []
        var comments: [String: String] = [:]
        var authors: [String: String] = [:]
        var charts: [ChartInfo] = []
        for tablePart in root.child("tableParts")?.children("tablePart") ?? [] {
            guard let id = tablePart.attribute("r:id"), let target = relationships[id]?.target else { continue }
            tables.append(TableInfo(try reader.xml(target)))
        }
        for relationship in relationships.values.sorted(by: { $0.target < $1.target }) {
            if relationship.type.hasSuffix("/comments") {
                let part = try reader.xml(relationship.target)
                let names = part.child("authors")?.children("author").map(\.text) ?? []
                for comment in part.child("commentList")?.children("comment") ?? [] {
                    guard let reference = comment.attribute("ref") else { continue }
                    comments[reference] = comment.child("text").map { XLSXReader.stringItemText($0) } ?? ""
                    if let id = comment.attribute("authorId").flatMap(Int.init), names.indices.contains(id) {
                        authors[reference] = names[id]
                    }
                }
            }
        }
        if let drawing = root.child("drawing"), let id = drawing.attribute("r:id"),
           let target = relationships[id]?.target {
            charts = try ChartInfo.charts(inDrawing: target, reader: reader)
        }
        self.tables = tables
        self.comments = comments
        self.commentAuthors = authors
        self.charts = charts
    }

    static func value(of cell: XMLTreeNode, reader: XLSXReader) -> CellValue {
        let type = cell.attribute("t")
        let value = cell.child("v")?.text
        if let formula = cell.child("f") {
            return .formula(formula.text, cached: value)
        }
        switch type {
        case "s":
            return value.flatMap(Int.init).flatMap(reader.string(at:)).map(CellValue.string) ?? .error("bad shared string")
        case "inlineStr":
            return .string(cell.child("is").map { XLSXReader.stringItemText($0) } ?? "")
        case "str":
            return .string(value ?? "")
        case "b":
            return .boolean(value == "1")
        case "e":
            return .error(value ?? "")
        default:
            guard let value else { return .blank }
            return Double(value).map(CellValue.number) ?? .error("bad number \(value)")
        }
    }
}

/// A frozen pane: the number of frozen rows and columns.
public struct FrozenPane: Hashable, Sendable {
    public let rows: Int
    public let columns: Int
    public let topLeftCell: String?

    public init(rows: Int, columns: Int, topLeftCell: String?) {
        self.rows = rows
        self.columns = columns
        self.topLeftCell = topLeftCell
    }
}

/// An Excel table.
public struct TableInfo: Hashable, Sendable {
    public let name: String
    public let displayName: String
    public let ref: String
    public let autofilterRef: String?
    public let columns: [String]
    public let styleName: String?
    public let showsRowStripes: Bool
    public let hasTotalRow: Bool

    init(_ table: XMLTreeNode) {
        name = table.attribute("name") ?? ""
        displayName = table.attribute("displayName") ?? ""
        ref = table.attribute("ref") ?? ""
        autofilterRef = table.child("autoFilter")?.attribute("ref")
        columns = table.child("tableColumns")?.children("tableColumn").compactMap { $0.attribute("name") } ?? []
        let style = table.child("tableStyleInfo")
        styleName = style?.attribute("name")
        showsRowStripes = style?.attribute("showRowStripes") == "1"
        hasTotalRow = (table.attribute("totalsRowCount").flatMap(Int.init) ?? 0) > 0
            || table.attribute("totalsRowShown") == "1"
    }
}

/// One conditional-format rule.
public struct ConditionalFormatInfo: Hashable, Sendable {
    /// The cells it covers, e.g. `"B2:B10"`.
    public let sqref: String
    /// `iconSet`, `colorScale`, `cellIs`, `expression`, `dataBar`, ….
    public let type: String
    public let priority: Int?
    /// For `cellIs`: `greaterThan`, `between`, ….
    public let `operator`: String?
    /// The rule's formulas (values for `cellIs`).
    public let formulas: [String]
    /// For icon sets: Excel's name (`3Arrows`, `3TrafficLights1`, …).
    public let iconSet: String?
    public let reversedIcons: Bool
    public let iconsOnly: Bool
    /// For colour scales: the colours, `RRGGBB`, low to high.
    public let colorScale: [String]
    /// For colour scales and icon sets: the `cfvo` types and values, e.g. `["min", "num:0", "max"]`.
    public let thresholds: [String]
    /// The format applied by `cellIs` and `expression` rules.
    public let format: CellStyle?

    init(rule: XMLTreeNode, sqref: String, reader: XLSXReader) {
        self.sqref = sqref
        type = rule.attribute("type") ?? ""
        priority = rule.attribute("priority").flatMap(Int.init)
        `operator` = rule.attribute("operator")
        formulas = rule.children("formula").map(\.text)
        let icons = rule.child("iconSet")
        // Excel's default icon set is written without the attribute.
        iconSet = icons.map { $0.attribute("iconSet") ?? "3TrafficLights1" }
        reversedIcons = icons?.attribute("reverse") == "1"
        iconsOnly = icons?.attribute("showValue") == "0"
        let scale = rule.child("colorScale")
        colorScale = scale?.children("color").compactMap { $0.attribute("rgb").map(Styles.rgb) } ?? []
        let cfvos = (scale ?? icons)?.children("cfvo") ?? []
        thresholds = cfvos.map { cfvo in
            let type = cfvo.attribute("type") ?? ""
            return cfvo.attribute("val").map { "\(type):\($0)" } ?? type
        }
        format = rule.attribute("dxfId").flatMap(Int.init).flatMap(reader.differentialStyle(at:))
    }
}

/// Print settings of a sheet.
public struct PageSetupInfo: Hashable, Sendable {
    /// `landscape` or `portrait`, if set.
    public let orientation: String?
    /// Excel's paper code (9 = A4), if set.
    public let paperSize: Int?
    /// Whether fit-to-page scaling is on (`sheetPr/pageSetUpPr fitToPage`).
    public let fitToPage: Bool
    /// Pages wide (default 1).
    public let fitToWidth: Int
    /// Pages tall; 0 means as many as needed (default 1).
    public let fitToHeight: Int
    /// Left, right, top, bottom in inches.
    public let margins: [Double]?
    public let header: String?
    public let footer: String?
    public let horizontallyCentered: Bool
}

/// A chart found through the sheet's drawing.
public struct ChartInfo: Hashable, Sendable {
    /// The chart part, e.g. `xl/charts/chart1.xml`.
    public let partName: String
    /// `line`, `col`, `bar`, or another plot type's name (`area`, `pie`, …).
    public let type: String
    /// `standard`, `stacked`, `clustered`, ….
    public let grouping: String?
    public let title: String?
    public let xAxisTitle: String?
    public let yAxisTitle: String?
    public let yAxisNumberFormat: String?
    public let yAxisMinimum: Double?
    public let yAxisMaximum: Double?
    /// `r`, `b`, `t`, `l`, or `nil` when there is no legend.
    public let legendPosition: String?
    public let series: [SeriesInfo]
    /// The top-left anchor cell, zero-based.
    public let anchorRow: Int?
    public let anchorColumn: Int?
    /// The drawing object's alt text.
    public let altText: String?

    public var seriesCount: Int { series.count }

    static func charts(inDrawing drawingPart: String, reader: XLSXReader) throws -> [ChartInfo] {
        let drawing = try reader.xml(drawingPart)
        let relationships = try reader.relationships(of: drawingPart)
        var result: [ChartInfo] = []
        for anchor in drawing.children where anchor.localName.hasSuffix("Anchor") {
            guard let chartReference = anchor.descendants("chart").first,
                  let id = chartReference.attribute("r:id"), let target = relationships[id]?.target
            else { continue }
            let from = anchor.child("from")
            let row = from?.child("row").flatMap { Int($0.text) }
            let column = from?.child("col").flatMap { Int($0.text) }
            let altText = anchor.descendants("cNvPr").first?.attribute("descr")
            result.append(try ChartInfo(part: target, reader: reader, row: row, column: column, altText: altText))
        }
        return result
    }

    init(part: String, reader: XLSXReader, row: Int?, column: Int?, altText: String?) throws {
        partName = part
        anchorRow = row
        anchorColumn = column
        self.altText = altText
        let space = try reader.xml(part)
        let chart = space.child("chart")
        let plotArea = chart?.child("plotArea")
        let plot = plotArea?.children.first { $0.localName.hasSuffix("Chart") }
        let plotName = plot.map { String($0.localName.dropLast("Chart".count)) } ?? "none"
        if plotName == "bar" {
            type = plot?.child("barDir")?.attribute("val") ?? "bar"
        } else {
            type = plotName
        }
        grouping = plot?.child("grouping")?.attribute("val")
        title = chart?.child("title").flatMap(ChartInfo.titleText)
        let categoryAxis = plotArea?.children.first { $0.localName == "catAx" || $0.localName == "dateAx" }
        let valueAxis = plotArea?.child("valAx")
        xAxisTitle = categoryAxis?.child("title").flatMap(ChartInfo.titleText)
        yAxisTitle = valueAxis?.child("title").flatMap(ChartInfo.titleText)
        yAxisNumberFormat = valueAxis?.child("numFmt")?.attribute("formatCode")
        yAxisMinimum = valueAxis?.path("scaling", "min")?.attribute("val").flatMap(Double.init)
        yAxisMaximum = valueAxis?.path("scaling", "max")?.attribute("val").flatMap(Double.init)
        if let legend = chart?.child("legend") {
            legendPosition = legend.child("legendPos")?.attribute("val") ?? "r"
        } else {
            legendPosition = nil
        }
        series = plot?.children("ser").map(SeriesInfo.init) ?? []
    }

    static func titleText(_ title: XMLTreeNode) -> String? {
        if let reference = title.path("tx", "strRef", "f") { return "=" + reference.text }
        let runs = title.descendants("t").map(\.text)
        return runs.isEmpty ? nil : runs.joined()
    }
}

/// One chart series.
public struct SeriesInfo: Hashable, Sendable {
    /// The series name: a literal, or `=Sheet!$A$1` for a reference.
    public let name: String?
    /// The categories reference, e.g. `Data!$A$2:$A$9`.
    public let categoriesRef: String?
    /// The values reference, e.g. `Data!$B$2:$B$9`.
    public let valuesRef: String?
    /// The line colour (line charts) or fill colour (column/bar), `RRGGBB`.
    public let color: String?
    /// The marker symbol (`circle`, `none`, …), if set.
    public let marker: String?
    /// False when the series draws no line (`<a:ln><a:noFill/>`): markers only.
    public let hasLine: Bool
    /// The line's dash (`dash`, …), if set.
    public let dash: String?

    init(_ series: XMLTreeNode) {
        if let reference = series.path("tx", "strRef", "f") {
            name = "=" + reference.text
        } else {
            name = series.path("tx", "v")?.text
        }
        // A scatter series has x and y values where other charts have categories and values.
        let categories = series.child("cat") ?? series.child("xVal")
        categoriesRef = (categories?.path("numRef", "f") ?? categories?.path("strRef", "f"))?.text
        valuesRef = (series.path("val", "numRef", "f") ?? series.path("yVal", "numRef", "f"))?.text
        let shape = series.child("spPr")
        let colorNode = shape?.path("ln", "solidFill", "srgbClr") ?? shape?.path("solidFill", "srgbClr")
        color = colorNode?.attribute("val")?.uppercased()
        marker = series.path("marker", "symbol")?.attribute("val")
        hasLine = shape?.path("ln", "noFill") == nil
        dash = shape?.path("ln", "prstDash")?.attribute("val")
    }
}
