internal import CXLSXWriter

/// A data validation: what Excel lets a user type into a range, with an optional prompt and error message.
///
/// ```swift
/// var counts = DataValidation(.wholeNumber(.atLeast(0)))
/// counts.inputMessage = "Antal personer: ett heltal, 0 eller mer."
/// counts.errorStyle = .warning        // the user may still keep what was typed
/// try sheet.addDataValidation(counts, to: CellRange(a1: "E2:F40"))
/// ```
public struct DataValidation: Hashable, Sendable {
    /// The numbers a rule admits.
    public enum Bounds: Hashable, Sendable {
        case between(Double, Double)
        case atLeast(Double)
        case atMost(Double)
        /// Any number (but not text).
        case any
    }

    /// What may be typed.
    public enum Rule: Hashable, Sendable {
        case decimal(Bounds)
        case wholeNumber(Bounds)
    }

    /// What Excel does when the rule is broken: refuse (`stop`), or ask (`warning`, `information`).
    public enum ErrorStyle: Hashable, Sendable {
        case stop, warning, information
    }

    public var rule: Rule
    /// Shown when a cell of the range is selected; at most 32 characters.
    public var inputTitle: String?
    /// At most 255 characters.
    public var inputMessage: String?
    /// At most 32 characters.
    public var errorTitle: String?
    /// At most 255 characters.
    public var errorMessage: String?
    public var errorStyle: ErrorStyle = .stop

    public init(_ rule: Rule) { self.rule = rule }
}

extension Worksheet {
    /// Adds a data validation over `range`.
    /// - Throws: ``XLSXError/Code/nonFiniteNumber`` for a NaN or infinite bound, ``XLSXError/Code/stringTooLong``
    ///   for a title over 32 or a message over 255 characters (Excel's limits), or the library's error.
    public func addDataValidation(_ validation: DataValidation, to range: CellRange) throws(XLSXError) {
        let operation = rangeOperation("data_validation_range", range)
        let sheet = try live(operation)
        try Validate.range(range, operation)

        // libxlsxwriter copies the options and their strings into its own lxw_data_val_obj
        // (freed by _free_data_validation), so the C strings live only for this call.
        let strings = CStrings()
        var options = lxw_data_validation()
        let bounds: DataValidation.Bounds
        switch validation.rule {
        case .decimal(let rule):
            options.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
            bounds = rule
        case .wholeNumber(let rule):
            options.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
            bounds = rule
        }
        let criteria: lxw_validation_criteria
        switch bounds {
        case .between(let low, let high):
            criteria = LXW_VALIDATION_CRITERIA_BETWEEN
            (options.minimum_number, options.maximum_number) = (low, high)
        case .any:
            criteria = LXW_VALIDATION_CRITERIA_BETWEEN
            (options.minimum_number, options.maximum_number) = (-Validate.largestNumber, Validate.largestNumber)
        case .atLeast(let low):
            criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO
            options.value_number = low
        case .atMost(let high):
            criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO
            options.value_number = high
        }
        options.criteria = UInt8(criteria.rawValue)
        for number in [options.minimum_number, options.maximum_number, options.value_number] {
            try Validate.finite(number, operation)
        }
        let errorType: lxw_validation_error_types = switch validation.errorStyle {
        case .stop: LXW_VALIDATION_ERROR_TYPE_STOP
        case .warning: LXW_VALIDATION_ERROR_TYPE_WARNING
        case .information: LXW_VALIDATION_ERROR_TYPE_INFORMATION
        }
        options.error_type = UInt8(errorType.rawValue)

        func text(_ string: String?, limit: Int, what: String) throws(XLSXError) -> UnsafeMutablePointer<CChar>? {
            guard let string else { return nil }
            try Validate.text(string, limit: limit, what: what, operation)
            return try strings.require(string, operation)
        }
        // libxlsxwriter: "The maximum title length is 32 characters", "The maximum message length is 255 characters".
        options.input_title = try text(validation.inputTitle, limit: 32, what: "input title")
        options.input_message = try text(validation.inputMessage, limit: 255, what: "input message")
        options.error_title = try text(validation.errorTitle, limit: 32, what: "error title")
        options.error_message = try text(validation.errorMessage, limit: 255, what: "error message")

        try withExtendedLifetime(strings) { () throws(XLSXError) in
            try XLSXError.check(
                worksheet_data_validation_range(
                    sheet, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
                    lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn), &options),
                operation)
        }
    }
}
