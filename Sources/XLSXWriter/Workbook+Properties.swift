#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
internal import CXLSXWriter

/// The document properties Excel shows under File › Info (title, author, …) and stores in `docProps/`.
///
/// ```swift
/// try workbook.setProperties(DocumentProperties(
///     title: "Uppföljning Nära vård 2025 Q1", author: "naravard", company: "Region",
///     created: Date(timeIntervalSince1970: 1_735_689_600)))
/// ```
public struct DocumentProperties: Hashable, Sendable {
    public var title: String?
    public var subject: String?
    public var author: String?
    public var manager: String?
    public var company: String?
    public var category: String?
    public var keywords: String?
    public var comments: String?
    public var status: String?
    /// The creation time written to `docProps/core.xml`; `nil` means now. Pin it for reproducible files.
    public var created: Date?

    public init(
        title: String? = nil, subject: String? = nil, author: String? = nil, manager: String? = nil,
        company: String? = nil, category: String? = nil, keywords: String? = nil, comments: String? = nil,
        status: String? = nil, created: Date? = nil
    ) {
        self.title = title
        self.subject = subject
        self.author = author
        self.manager = manager
        self.company = company
        self.category = category
        self.keywords = keywords
        self.comments = comments
        self.status = status
        self.created = created
    }
}

// MARK: - Properties and defined names

extension Workbook {
    /// Sets the document properties.
    ///
    /// libxlsxwriter copies them ("Copy the user properties to an internal structure"), and about `created`:
    /// "If you wish to create files that are binary equivalent (for the same input data) then you should set
    /// this creation date/time to a known value".
    public func setProperties(_ properties: DocumentProperties) throws(XLSXError) {
        let operation = "set_properties(\(path))"
        let workbook = try liveHandle(operation)
        let fields: [(String, String?)] = [
            ("title", properties.title), ("subject", properties.subject), ("author", properties.author),
            ("manager", properties.manager), ("company", properties.company), ("category", properties.category),
            ("keywords", properties.keywords), ("comments", properties.comments), ("status", properties.status),
        ]
        for (name, value) in fields {
            if let value { try Validate.text(value, what: name, operation) }
        }
        var created: time_t = 0
        if let date = properties.created {
            let seconds = date.timeIntervalSince1970
            guard seconds.isFinite, seconds >= 1, seconds < 253_402_300_800 else {
                throw XLSXError.invalid("creation date \(date) is outside 1970...9999", operation)
            }
            created = time_t(seconds)
        }
        let strings = CStrings()
        var cProperties = lxw_doc_properties()
        func copy(_ value: String?) throws(XLSXError) -> UnsafeMutablePointer<CChar>? {
            guard let value else { return nil }
            return try strings.require(value, operation)
        }
        cProperties.title = try copy(properties.title)
        cProperties.subject = try copy(properties.subject)
        cProperties.author = try copy(properties.author)
        cProperties.manager = try copy(properties.manager)
        cProperties.company = try copy(properties.company)
        cProperties.category = try copy(properties.category)
        cProperties.keywords = try copy(properties.keywords)
        cProperties.comments = try copy(properties.comments)
        cProperties.status = try copy(properties.status)
        cProperties.created = created
        try withExtendedLifetime(strings) { () throws(XLSXError) in
            try XLSXError.check(workbook_set_properties(workbook, &cProperties), operation)
        }
    }

    /// Adds a custom text property (File › Properties › Custom). libxlsxwriter: "the name and value parameters
    /// are limited to 255 characters by Excel."
    public func setCustomProperty(_ name: String, _ value: String) throws(XLSXError) {
        let operation = "set_custom_property(\"\(name)\")"
        let workbook = try liveHandle(operation)
        try validateCustomName(name, operation)
        try Validate.text(value, limit: Limits.name, what: "custom property value", operation)
        guard !value.isEmpty else { throw XLSXError.invalid("custom property value is empty", operation) }
        try XLSXError.check(workbook_set_custom_property_string(workbook, name, value), operation)
    }

    /// Adds a custom number property.
    public func setCustomProperty(_ name: String, _ value: Double) throws(XLSXError) {
        let operation = "set_custom_property(\"\(name)\")"
        let workbook = try liveHandle(operation)
        try validateCustomName(name, operation)
        try Validate.finite(value, operation)
        try XLSXError.check(workbook_set_custom_property_number(workbook, name, value), operation)
    }

    /// Adds a custom yes/no property.
    public func setCustomProperty(_ name: String, _ value: Bool) throws(XLSXError) {
        let operation = "set_custom_property(\"\(name)\")"
        let workbook = try liveHandle(operation)
        try validateCustomName(name, operation)
        try XLSXError.check(workbook_set_custom_property_boolean(workbook, name, value ? 1 : 0), operation)
    }

    /// Defines a workbook-wide name such as `"Period"` → `"=Om!$B$2"`, usable in formulas.
    public func defineName(_ name: String, formula: String) throws(XLSXError) {
        let operation = "define_name(\"\(name)\")"
        let workbook = try liveHandle(operation)
        try Validate.excelName(name, what: "defined name", operation)
        try Validate.text(formula, limit: Limits.formula, what: "formula", operation)
        try XLSXError.check(workbook_define_name(workbook, name, formula), operation)
    }

    private func validateCustomName(_ name: String, _ operation: String) throws(XLSXError) {
        guard !name.isEmpty else { throw XLSXError.invalid("custom property name is empty", operation) }
        try Validate.text(name, limit: Limits.name, what: "custom property name", operation)
    }
}
