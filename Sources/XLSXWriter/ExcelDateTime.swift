#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
internal import CXLSXWriter

/// A calendar date and wall-clock time as Excel stores it: no time zone, 1900-01-01 to 9999-12-31.
///
/// ```swift
/// try sheet.write(ExcelDateTime(year: 2025, month: 3, day: 31), row: 1, column: 0)
/// try sheet.write(ExcelDateTime(Date(), in: TimeZone(identifier: "Europe/Stockholm")!), row: 2, column: 0,
///                 format: .init(numberFormat: "yyyy-mm-dd hh:mm"))
/// ```
public struct ExcelDateTime: Hashable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    /// Seconds, 0 ..< 60, fractions allowed.
    public var second: Double

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Double = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The wall-clock date and time of `date` in `timeZone`.
    public init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        self.init(
            year: parts.year ?? 1900, month: parts.month ?? 1, day: parts.day ?? 1,
            hour: parts.hour ?? 0, minute: parts.minute ?? 0,
            second: Double(parts.second ?? 0) + Double(parts.nanosecond ?? 0) / 1e9)
    }

    var hasTime: Bool { hour != 0 || minute != 0 || second != 0 }

    var defaultNumberFormat: String { hasTime ? "yyyy-mm-dd hh:mm" : "yyyy-mm-dd" }

    var lxw: lxw_datetime {
        lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day),
                     hour: Int32(hour), min: Int32(minute), sec: second)
    }

    func validate(_ operation: @autoclosure () -> String) throws(XLSXError) {
        func invalid(_ what: String) -> XLSXError {
            XLSXError.invalid("\(what) in \(self) is out of range", operation())
        }
        guard (1900...9999).contains(year) else { throw invalid("year \(year)") }
        guard (1...12).contains(month) else { throw invalid("month \(month)") }
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { throw invalid("day \(day)") }
        guard (0...23).contains(hour) else { throw invalid("hour \(hour)") }
        guard (0...59).contains(minute) else { throw invalid("minute \(minute)") }
        guard second.isFinite, second >= 0, second < 60 else { throw invalid("second \(second)") }
    }
}
