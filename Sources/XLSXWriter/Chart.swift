internal import CXLSXWriter

/// The native chart types the reports use.
public enum ChartType: Hashable, Sendable, CaseIterable {
    case line, column, bar, columnStacked, barStacked, lineStacked
    /// An XY chart with straight lines between points: a series' categories are its x values. A series shows
    /// only its markers after ``ChartSeries/hideLine()`` (a funnel plot's points beside its limit lines).
    case scatter

    var lxw: UInt8 {
        let value: lxw_chart_type = switch self {
        case .line: LXW_CHART_LINE
        case .column: LXW_CHART_COLUMN
        case .bar: LXW_CHART_BAR
        case .columnStacked: LXW_CHART_COLUMN_STACKED
        case .barStacked: LXW_CHART_BAR_STACKED
        case .lineStacked: LXW_CHART_LINE_STACKED
        case .scatter: LXW_CHART_SCATTER_STRAIGHT
        }
        return UInt8(value.rawValue)
    }

    var isLine: Bool { self == .line || self == .lineStacked || self == .scatter }
}

/// Where a chart's legend goes.
public enum LegendPosition: Hashable, Sendable, CaseIterable {
    case none, right, left, top, bottom

    var lxw: UInt8 {
        let value: lxw_chart_legend_position = switch self {
        case .none: LXW_CHART_LEGEND_NONE
        case .right: LXW_CHART_LEGEND_RIGHT
        case .left: LXW_CHART_LEGEND_LEFT
        case .top: LXW_CHART_LEGEND_TOP
        case .bottom: LXW_CHART_LEGEND_BOTTOM
        }
        return UInt8(value.rawValue)
    }
}

/// Point markers on a line series.
public enum MarkerStyle: Hashable, Sendable, CaseIterable {
    case automatic, none, circle, square, diamond, triangle, x

    var lxw: UInt8 {
        let value: lxw_chart_marker_type = switch self {
        case .automatic: LXW_CHART_MARKER_AUTOMATIC
        case .none: LXW_CHART_MARKER_NONE
        case .circle: LXW_CHART_MARKER_CIRCLE
        case .square: LXW_CHART_MARKER_SQUARE
        case .diamond: LXW_CHART_MARKER_DIAMOND
        case .triangle: LXW_CHART_MARKER_TRIANGLE
        case .x: LXW_CHART_MARKER_X
        }
        return UInt8(value.rawValue)
    }
}

/// A block of cells on a named sheet, as a chart's categories, values or series name.
public struct ChartRange: Hashable, Sendable, CustomStringConvertible {
    public var sheet: String
    public var range: CellRange

    public init(sheet: String, range: CellRange) {
        self.sheet = sheet
        self.range = range
    }

    /// `='1 Hälsofrämjande'!$B$2:$B$9`.
    public var description: String { "=\(Worksheet.quote(sheet))!\(range.absoluteA1)" }
}

extension Worksheet {
    /// `range` on this sheet, for chart series.
    public func chartRange(_ range: CellRange) -> ChartRange {
        ChartRange(sheet: name, range: range)
    }
}

/// A series name: literal text, or a reference to the cell that holds it.
public enum SeriesName: Hashable, Sendable {
    case text(String)
    case cell(sheet: String, row: Int, column: Int)
}

/// Where and how large a chart is drawn. Excel's default chart is 480 × 288 pixels.
public struct ChartPlacement: Hashable, Sendable {
    public var xOffset: Int
    public var yOffset: Int
    public var xScale: Double
    public var yScale: Double
    /// Alternative text for screen readers.
    public var altText: String?

    public init(xOffset: Int = 0, yOffset: Int = 0, xScale: Double = 1, yScale: Double = 1, altText: String? = nil) {
        self.xOffset = xOffset
        self.yOffset = yOffset
        self.xScale = xScale
        self.yScale = yScale
        self.altText = altText
    }

    /// A chart `width` × `height` pixels.
    public static func size(width: Int, height: Int, altText: String? = nil) -> ChartPlacement {
        ChartPlacement(xScale: Double(width) / 480, yScale: Double(height) / 288, altText: altText)
    }
}

/// A native Excel chart being configured inside ``Worksheet/insertChart(_:row:column:placement:_:)``.
///
/// The chart belongs to the workbook ("The chart object must be created first using the
/// `workbook_add_chart()` function"), and libxlsxwriter's note that "A chart may only be inserted into a
/// worksheet once" is made structural: a chart exists only inside the closure that inserts it.
public struct Chart {
    let workbook: Workbook
    let pointer: UnsafeMutablePointer<lxw_chart>
    let state: ChartState
    /// The chart's type.
    public let type: ChartType

    /// Adds a data series. Series appear in the order added.
    ///
    /// ```swift
    /// try chart.addSeries(values: sheet.chartRange(CellRange(a1: "C2:C13")),
    ///                     categories: sheet.chartRange(CellRange(a1: "A2:A13")),
    ///                     name: .cell(sheet: sheet.name, row: 0, column: 2))
    /// ```
    @discardableResult
    public func addSeries(
        values: ChartRange, categories: ChartRange? = nil, name: SeriesName? = nil
    ) throws(XLSXError) -> ChartSeries {
        let operation = "chart_add_series(\(values))"
        try workbook.ensureOpen(operation)
        try Validate.range(values.range, operation)
        if let categories { try Validate.range(categories.range, operation) }
        if case .text(let text) = name { try Chart.validateLiteral(text, what: "series name", operation) }
        if case .cell(_, let row, let column) = name { try Validate.cell(row, column, operation) }

        // The series belongs to the chart, which belongs to the workbook.
        guard let series = chart_add_series(pointer, nil, nil) else {
            throw XLSXError(LXW_ERROR_MEMORY_MALLOC_FAILED, operation: operation)
        }
        // These copy the sheet name into the series' own range formula.
        if let categories {
            chart_series_set_categories(
                series, categories.sheet,
                lxw_row_t(categories.range.firstRow), lxw_col_t(categories.range.firstColumn),
                lxw_row_t(categories.range.lastRow), lxw_col_t(categories.range.lastColumn))
            state.sheetReferences.append((categories.sheet, operation))
        }
        chart_series_set_values(
            series, values.sheet,
            lxw_row_t(values.range.firstRow), lxw_col_t(values.range.firstColumn),
            lxw_row_t(values.range.lastRow), lxw_col_t(values.range.lastColumn))
        state.sheetReferences.append((values.sheet, operation))
        switch name {
        case .text(let text):
            chart_series_set_name(series, text)
        case .cell(let sheet, let row, let column):
            chart_series_set_name_range(series, sheet, lxw_row_t(row), lxw_col_t(column))
            state.sheetReferences.append((sheet, operation))
        case nil:
            break
        }
        state.seriesCount += 1
        return ChartSeries(chart: self, pointer: series, state: SeriesState())
    }

    /// Sets the chart title; `fontSize` in points (Excel's default is 14).
    public func setTitle(_ title: String, fontSize: Double? = nil) throws(XLSXError) {
        let operation = "chart_title_set_name"
        try workbook.ensureOpen(operation)
        try Chart.validateLiteral(title, what: "chart title", operation)
        if let fontSize { try Validate.number(fontSize, in: 1...409, what: "font size", operation) }
        chart_title_set_name(pointer, title)
        if let fontSize {
            // chart_title_set_name_font copies the font ("_chart_convert_font_args").
            var font = lxw_chart_font()
            font.size = fontSize
            font.bold = 1
            chart_title_set_name_font(pointer, &font)
        }
    }

    /// A bar chart lies on its side: libxlsxwriter's x axis is its value axis and its y axis the categories.
    /// The "x" (category) and "y" (value) functions here mean the same axis for every type.
    private var isBar: Bool { type == .bar || type == .barStacked }
    private var categoryAxis: UnsafeMutablePointer<lxw_chart_axis> { isBar ? pointer.pointee.y_axis : pointer.pointee.x_axis }
    private var valueAxis: UnsafeMutablePointer<lxw_chart_axis> { isBar ? pointer.pointee.x_axis : pointer.pointee.y_axis }

    /// Sets the category (x) axis title (the vertical axis of a bar chart).
    public func setXAxisTitle(_ title: String) throws(XLSXError) {
        try setAxisTitle(title, axis: categoryAxis, "x")
    }

    /// Sets the value (y) axis title (the horizontal axis of a bar chart).
    public func setYAxisTitle(_ title: String) throws(XLSXError) {
        try setAxisTitle(title, axis: valueAxis, "y")
    }

    /// Sets the value axis number format, e.g. `"0%"`.
    public func setYAxisNumberFormat(_ numberFormat: String) throws(XLSXError) {
        let operation = "chart_axis_set_num_format"
        try workbook.ensureOpen(operation)
        try Validate.text(numberFormat, limit: FormatSpec.fieldLimit, what: "number format", operation)
        chart_axis_set_num_format(valueAxis, numberFormat)
    }

    /// Fixes the value axis bounds; `nil` keeps Excel's automatic bound.
    public func setYAxisBounds(minimum: Double? = nil, maximum: Double? = nil) throws(XLSXError) {
        let operation = "chart_axis_set_min/max"
        try workbook.ensureOpen(operation)
        if let minimum { try Validate.finite(minimum, operation) }
        if let maximum { try Validate.finite(maximum, operation) }
        if let minimum, let maximum, minimum >= maximum {
            throw XLSXError.invalid("axis minimum \(minimum) is not below maximum \(maximum)", operation)
        }
        if let minimum { chart_axis_set_min(valueAxis, minimum) }
        if let maximum { chart_axis_set_max(valueAxis, maximum) }
    }

    /// Draws the x axis of a ``ChartType/scatter`` chart on a base-10 logarithmic scale.
    public func setXAxisLogarithmic() throws(XLSXError) {
        let operation = "chart_axis_set_log_base(x)"
        try workbook.ensureOpen(operation)
        guard type == .scatter, let axis = pointer.pointee.x_axis else {
            throw XLSXError.invalid("only a scatter chart's x axis holds values", operation)
        }
        chart_axis_set_log_base(axis, 10)
    }

    /// Places (or hides) the legend.
    public func setLegend(_ position: LegendPosition) throws(XLSXError) {
        try workbook.ensureOpen("chart_legend_set_position")
        chart_legend_set_position(pointer, position.lxw)
    }

    /// Applies one of Excel's 48 built-in chart styles.
    public func setStyle(_ style: Int) throws(XLSXError) {
        let operation = "chart_set_style"
        try workbook.ensureOpen(operation)
        guard (1...48).contains(style) else { throw XLSXError.invalid("chart style \(style) is outside 1...48", operation) }
        chart_set_style(pointer, UInt8(style))
    }

    private func setAxisTitle(_ title: String, axis: UnsafeMutablePointer<lxw_chart_axis>?, _ which: String)
        throws(XLSXError)
    {
        let operation = "chart_axis_set_name(\(which))"
        try workbook.ensureOpen(operation)
        try Chart.validateLiteral(title, what: "axis title", operation)
        guard let axis else { throw XLSXError.invalid("this chart type has no \(which) axis", operation) }
        chart_axis_set_name(axis, title)
    }

    /// libxlsxwriter reads a name that starts with `=` as a formula ("The name parameter can also be a formula
    /// such as `=Sheet1!$A$1`"), so literal text may not start with one; use a ``SeriesName/cell(sheet:row:column:)``.
    static func validateLiteral(_ text: String, what: String, _ operation: String) throws(XLSXError) {
        try Validate.text(text, limit: Limits.name, what: what, operation)
        guard !text.hasPrefix("=") else {
            throw XLSXError.invalid("\(what) \"\(text)\" starts with '=', which libxlsxwriter reads as a formula; "
                                    + "put the text in a cell and refer to it", operation)
        }
    }
}

@available(*, unavailable)
extension Chart: Sendable {}

/// One data series of a ``Chart``.
public struct ChartSeries {
    let chart: Chart
    let pointer: UnsafeMutablePointer<lxw_chart_series>
    let state: SeriesState

    /// Colours the series: the line (and markers) of a line chart, the fill of a column or bar chart.
    public func setColor(_ color: Color) throws(XLSXError) {
        try chart.workbook.ensureOpen("chart_series_set_color")
        state.color = color
        try applyLineAndFill()
    }

    /// Sets the line width in points (line charts), 0.25...20.
    public func setLineWidth(_ points: Double) throws(XLSXError) {
        let operation = "chart_series_set_line"
        try chart.workbook.ensureOpen(operation)
        try Validate.number(points, in: 0.25...20, what: "line width", operation)
        state.lineWidth = points
        try applyLineAndFill()
    }

    /// Sets point markers (line charts); size 2...72.
    public func setMarker(_ style: MarkerStyle, size: Int? = nil) throws(XLSXError) {
        let operation = "chart_series_set_marker_type"
        try chart.workbook.ensureOpen(operation)
        if let size, !(2...72).contains(size) {
            throw XLSXError.invalid("marker size \(size) is outside 2...72", operation)
        }
        chart_series_set_marker_type(pointer, style.lxw)
        if let size { chart_series_set_marker_size(pointer, UInt8(size)) }
        state.marker = style
        try applyLineAndFill()
    }

    /// Draws no line between the points (line and scatter charts): markers only.
    public func hideLine() throws(XLSXError) {
        try chart.workbook.ensureOpen("chart_series_set_line")
        state.lineHidden = true
        try applyLineAndFill()
    }

    /// Draws the line dashed (line and scatter charts).
    public func setDashed() throws(XLSXError) {
        try chart.workbook.ensureOpen("chart_series_set_line")
        state.dashed = true
        try applyLineAndFill()
    }

    /// Smooths the line (line charts).
    public func setSmooth(_ smooth: Bool) throws(XLSXError) {
        try chart.workbook.ensureOpen("chart_series_set_smooth")
        chart_series_set_smooth(pointer, smooth ? 1 : 0)
    }

    private func applyLineAndFill() throws(XLSXError) {
        // chart_series_set_line/fill copy the struct ("_chart_convert_line_args"), so locals suffice.
        var line = lxw_chart_line()
        if let color = state.color { line.color = color.lxw }
        if let width = state.lineWidth { line.width = Float(width) }
        if state.lineHidden { line.none = 1 }
        if state.dashed { line.dash_type = UInt8(LXW_CHART_LINE_DASH_DASH.rawValue) }
        if chart.type.isLine {
            chart_series_set_line(pointer, &line)
            if let color = state.color, let marker = state.marker, marker != .none {
                var fill = lxw_chart_fill()
                fill.color = color.lxw
                var markerLine = lxw_chart_line()
                markerLine.color = color.lxw
                chart_series_set_marker_fill(pointer, &fill)
                chart_series_set_marker_line(pointer, &markerLine)
            }
        } else if let color = state.color {
            var fill = lxw_chart_fill()
            fill.color = color.lxw
            chart_series_set_fill(pointer, &fill)
            chart_series_set_line(pointer, &line)
        }
    }
}

@available(*, unavailable)
extension ChartSeries: Sendable {}

final class ChartState {
    var seriesCount = 0
    /// Sheets the series refer to; checked at close once the chart is inserted (they may be added later).
    var sheetReferences: [(sheet: String, operation: String)] = []
}

final class SeriesState {
    var color: Color?
    var lineWidth: Double?
    var marker: MarkerStyle?
    var lineHidden = false
    var dashed = false
}

// MARK: - Inserting charts

extension Worksheet {
    /// Creates a native chart, lets `configure` add series and titles, and inserts it with its top-left corner
    /// at `row`, `column`. The chart belongs to this one sheet.
    ///
    /// ```swift
    /// try sheet.insertChart(.line, row: 1, column: 8, placement: .size(width: 720, height: 360)) { chart in
    ///     try chart.setTitle("Andel invånare med fast läkarkontakt")
    ///     for column in 1...4 {
    ///         let series = try chart.addSeries(
    ///             values: data.chartRange(CellRange(firstRow: 1, firstColumn: column, lastRow: 12, lastColumn: column)),
    ///             categories: data.chartRange(CellRange(a1: "A2:A13")),
    ///             name: .cell(sheet: data.name, row: 0, column: column))
    ///         try series.setMarker(.circle)
    ///     }
    ///     try chart.setLegend(.bottom)
    /// }
    /// ```
    ///
    /// The closure may throw any error (Swift does not infer typed throws for closures); errors from this layer
    /// are always ``XLSXError``.
    ///
    /// - Throws: ``XLSXError/Code/invalidArgument`` if `configure` added no series (libxlsxwriter refuses to
    ///   insert a chart without one), whatever `configure` throws, or the library's error.
    public func insertChart(
        _ type: ChartType, row: Int, column: Int, placement: ChartPlacement = ChartPlacement(),
        _ configure: (Chart) throws -> Void
    ) throws {
        let operation = cellOperation("insert_chart", row, column)
        let sheet = try live(operation)
        let workbook = try self.workbook.liveHandle(operation)
        try Validate.cell(row, column, operation)
        try Validate.number(placement.xScale, in: 0.01...100, what: "x scale", operation)
        try Validate.number(placement.yScale, in: 0.01...100, what: "y scale", operation)
        guard placement.xOffset >= 0, placement.yOffset >= 0 else {
            throw XLSXError.invalid("chart offsets must not be negative", operation)
        }
        if let altText = placement.altText {
            try Validate.text(altText, limit: Limits.name, what: "alt text", operation)
        }

        guard let cChart = workbook_add_chart(workbook, type.lxw) else {
            throw XLSXError(LXW_ERROR_MEMORY_MALLOC_FAILED, operation: operation)
        }
        let chart = Chart(workbook: self.workbook, pointer: cChart, state: ChartState(), type: type)
        try configure(chart)
        guard chart.state.seriesCount > 0 else {
            throw XLSXError.invalid("the chart has no data series", operation)
        }

        let strings = CStrings()
        var options = lxw_chart_options()
        options.x_offset = Int32(clamping: placement.xOffset)
        options.y_offset = Int32(clamping: placement.yOffset)
        options.x_scale = placement.xScale
        options.y_scale = placement.yScale
        if let altText = placement.altText { options.description = try strings.require(altText, operation) }
        try withExtendedLifetime(strings) { () throws(XLSXError) in
            try XLSXError.check(
                worksheet_insert_chart_opt(sheet, lxw_row_t(row), lxw_col_t(column), cChart, &options), operation)
        }
        self.workbook.chartSheetReferences += chart.state.sheetReferences
    }
}
