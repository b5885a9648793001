internal import CXLSXWriter

/// A conditional format: icons, colour scales or a format applied when a rule holds.
///
/// ```swift
/// try sheet.addConditionalFormat(.iconSet(.threeArrows), to: CellRange(a1: "E2:E40"))
/// try sheet.addConditionalFormat(.iconSet(.threeArrows, reversed: true), to: lowerIsBetter)
/// try sheet.addConditionalFormat(
///     .threeColorScale(minimum: .init(rgb: 0xF8696B), midpoint: .init(rgb: 0xFFEB84), maximum: .init(rgb: 0x63BE7B)),
///     to: values)
/// try sheet.addConditionalFormat(.cell(.lessThan(0), format: .init(fontColor: .red)), to: change)
/// try sheet.addConditionalFormat(.formula("=$F2>$G2", format: .init(fillColor: .init(rgb: 0xC6EFCE))), to: row)
/// ```
public enum ConditionalFormat: Hashable, Sendable {
    /// Icons by each cell's position in the range. libxlsxwriter 1.1.4 always uses Excel's default thresholds
    /// (percent 0 / 33 / 67 for three icons); `reversed` flips the order (for lower-is-better values).
    case iconSet(IconSet, reversed: Bool = false, iconsOnly: Bool = false)
    /// Colours from the lowest to the highest value.
    case twoColorScale(minimum: Color, maximum: Color)
    /// Colours from the lowest through the midpoint to the highest value. The midpoint is the 50th percentile,
    /// or `midpointValue` (e.g. `0` for changes) when given.
    case threeColorScale(minimum: Color, midpoint: Color, maximum: Color, midpointValue: Double? = nil)
    /// Applies `format` to cells whose value meets `rule`.
    case cell(CellRule, format: FormatSpec)
    /// Applies `format` where `formula` is true, evaluated relative to the range's top-left cell
    /// (e.g. `"=$D2<$E2"` for a range starting in row 2).
    case formula(String, format: FormatSpec)
}

/// Excel's icon sets.
public enum IconSet: Hashable, Sendable, CaseIterable {
    /// Green up, yellow sideways, red down.
    case threeArrows
    case threeArrowsGray
    case threeFlags
    /// Round traffic lights (Excel's default icon set).
    case threeTrafficLights
    case threeTrafficLightsRimmed
    case threeSigns
    case threeSymbolsCircled
    case threeSymbols
    case fourArrows
    case fourArrowsGray
    case fourTrafficLights
    case fiveArrows
    case fiveArrowsGray
    case fiveQuarters

    var lxw: UInt8 {
        let value: lxw_conditional_icon_types = switch self {
        case .threeArrows: LXW_CONDITIONAL_ICONS_3_ARROWS_COLORED
        case .threeArrowsGray: LXW_CONDITIONAL_ICONS_3_ARROWS_GRAY
        case .threeFlags: LXW_CONDITIONAL_ICONS_3_FLAGS
        case .threeTrafficLights: LXW_CONDITIONAL_ICONS_3_TRAFFIC_LIGHTS_UNRIMMED
        case .threeTrafficLightsRimmed: LXW_CONDITIONAL_ICONS_3_TRAFFIC_LIGHTS_RIMMED
        case .threeSigns: LXW_CONDITIONAL_ICONS_3_SIGNS
        case .threeSymbolsCircled: LXW_CONDITIONAL_ICONS_3_SYMBOLS_CIRCLED
        case .threeSymbols: LXW_CONDITIONAL_ICONS_3_SYMBOLS_UNCIRCLED
        case .fourArrows: LXW_CONDITIONAL_ICONS_4_ARROWS_COLORED
        case .fourArrowsGray: LXW_CONDITIONAL_ICONS_4_ARROWS_GRAY
        case .fourTrafficLights: LXW_CONDITIONAL_ICONS_4_TRAFFIC_LIGHTS
        case .fiveArrows: LXW_CONDITIONAL_ICONS_5_ARROWS_COLORED
        case .fiveArrowsGray: LXW_CONDITIONAL_ICONS_5_ARROWS_GRAY
        case .fiveQuarters: LXW_CONDITIONAL_ICONS_5_QUARTERS
        }
        return UInt8(value.rawValue)
    }
}

/// A comparison for a ``ConditionalFormat/cell(_:format:)`` rule.
public enum CellRule: Hashable, Sendable {
    case equal(RuleValue)
    case notEqual(RuleValue)
    case greaterThan(RuleValue)
    case greaterThanOrEqual(RuleValue)
    case lessThan(RuleValue)
    case lessThanOrEqual(RuleValue)
    case between(RuleValue, RuleValue)
    case notBetween(RuleValue, RuleValue)
}

/// A value in a cell rule: a number, or a formula/reference such as `"$G2"` (compared per cell).
public enum RuleValue: Hashable, Sendable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    case number(Double)
    case formula(String)

    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }

    /// A text constant, quoted for Excel (`"Ökar"` → `"\"Ökar\""`).
    public static func text(_ string: String) -> RuleValue {
        var quoted = "\""
        for character in string {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return .formula(quoted + "\"")
    }
}

// MARK: - Adding conditional formats

extension Worksheet {
    /// Adds a conditional format over `range`. Several may cover the same range; the first added wins ties.
    /// - Throws: ``XLSXError/Code/nonFiniteNumber`` for NaN/∞ values, ``XLSXError/Code/invalidArgument`` for an
    ///   empty formula, or the library's error.
    public func addConditionalFormat(_ conditionalFormat: ConditionalFormat, to range: CellRange) throws(XLSXError) {
        let operation = rangeOperation("conditional_format_range", range)
        let sheet = try live(operation)
        try Validate.range(range, operation)

        // libxlsxwriter copies the rule's strings into its own lxw_cond_format_obj (freed by
        // _free_cond_format), and the format pointer belongs to the workbook.
        let strings = CStrings()
        var options = lxw_conditional_format()

        func setValue(_ value: RuleValue, number: inout Double, string: inout UnsafeMutablePointer<CChar>?)
            throws(XLSXError)
        {
            switch value {
            case .number(let n):
                try Validate.finite(n, operation)
                number = n
            case .formula(let formula):
                guard !formula.isEmpty else { throw XLSXError.invalid("rule value is empty", operation) }
                try Validate.text(formula, limit: Limits.name, what: "rule value", operation)
                string = try strings.require(formula, operation)
            }
        }

        switch conditionalFormat {
        case .iconSet(let iconSet, let reversed, let iconsOnly):
            options.type = UInt8(LXW_CONDITIONAL_TYPE_ICON_SETS.rawValue)
            options.icon_style = iconSet.lxw
            options.reverse_icons = reversed ? 1 : 0
            options.icons_only = iconsOnly ? 1 : 0

        case .twoColorScale(let minimum, let maximum):
            options.type = UInt8(LXW_CONDITIONAL_2_COLOR_SCALE.rawValue)
            options.min_color = minimum.lxw
            options.max_color = maximum.lxw

        case .threeColorScale(let minimum, let midpoint, let maximum, let midpointValue):
            options.type = UInt8(LXW_CONDITIONAL_3_COLOR_SCALE.rawValue)
            options.min_color = minimum.lxw
            options.mid_color = midpoint.lxw
            options.max_color = maximum.lxw
            if let midpointValue {
                try Validate.finite(midpointValue, operation)
                options.mid_rule_type = UInt8(LXW_CONDITIONAL_RULE_TYPE_NUMBER.rawValue)
                options.mid_value = midpointValue
            }

        case .cell(let rule, let format):
            options.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
            options.format = try workbook.format(format, operation)
            let criteria: lxw_conditional_criteria
            switch rule {
            case .equal(let value):
                criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO
                try setValue(value, number: &options.value, string: &options.value_string)
            case .notEqual(let value):
                criteria = LXW_CONDITIONAL_CRITERIA_NOT_EQUAL_TO
                try setValue(value, number: &options.value, string: &options.value_string)
            case .greaterThan(let value):
                criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN
                try setValue(value, number: &options.value, string: &options.value_string)
            case .greaterThanOrEqual(let value):
                criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO
                try setValue(value, number: &options.value, string: &options.value_string)
            case .lessThan(let value):
                criteria = LXW_CONDITIONAL_CRITERIA_LESS_THAN
                try setValue(value, number: &options.value, string: &options.value_string)
            case .lessThanOrEqual(let value):
                criteria = LXW_CONDITIONAL_CRITERIA_LESS_THAN_OR_EQUAL_TO
                try setValue(value, number: &options.value, string: &options.value_string)
            case .between(let low, let high):
                criteria = LXW_CONDITIONAL_CRITERIA_BETWEEN
                try setValue(low, number: &options.min_value, string: &options.min_value_string)
                try setValue(high, number: &options.max_value, string: &options.max_value_string)
            case .notBetween(let low, let high):
                criteria = LXW_CONDITIONAL_CRITERIA_NOT_BETWEEN
                try setValue(low, number: &options.min_value, string: &options.min_value_string)
                try setValue(high, number: &options.max_value, string: &options.max_value_string)
            }
            options.criteria = UInt8(criteria.rawValue)

        case .formula(let formula, let format):
            guard !formula.isEmpty, formula != "=" else {
                throw XLSXError.invalid("conditional format formula is empty", operation)
            }
            try Validate.text(formula, limit: Limits.formula, what: "formula", operation)
            options.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
            options.format = try workbook.format(format, operation)
            options.value_string = try strings.require(formula, operation)
        }

        try withExtendedLifetime(strings) { () throws(XLSXError) in
            try XLSXError.check(
                worksheet_conditional_format_range(
                    sheet, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
                    lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn), &options),
                operation)
        }
    }
}
