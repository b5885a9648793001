import Foundation
import XLSXWriter

/// The file type of a written report.
public enum ReportFileFormat: Sendable {
    /// One workbook.
    case xlsx
    /// A folder of CSV files, one per table, in this dialect.
    case csv(CSVDialect)
}

extension MetricsStore {
    /// Builds a report from the store as of an import.
    ///
    /// ```swift
    /// var request = ReportRequest(kind: .polsam, definition: try .bundled(.polsam))
    /// request.period = try Period(parsing: "2025Q4")
    /// let report = try store.report(request)
    /// ```
    /// - Throws: ``Diagnostics`` when the definition names indicators or areas the catalogue lacks,
    ///   ``StoreQueryError`` for an unknown import or a period with no data.
    public func report(_ request: ReportRequest) throws -> Report {
        try ReportBuilder(store: self, request: request).build()
    }

    /// Writes a report to its target and logs it, so that it is logged if and only if its file is in place:
    /// the file (or folder) is staged beside the target, logged `pending`, moved into place and marked `done`.
    /// Reports a killed run left pending are settled first (``settlePendingReports()``).
    ///
    /// ```swift
    /// let target = try OutputTarget.file("uppfoljning.xlsx", store: store.path)
    /// let id = try store.publish(report, as: .xlsx, to: target)
    /// ```
    @discardableResult
    public func publish(_ report: Report, as format: ReportFileFormat, to target: OutputTarget) throws -> Int64 {
        try settlePendingReports()
        let sha256: String
        do {
            switch format {
            case .xlsx:
                try XLSXReportWriter.write(report, to: target.stagingPath)
                sha256 = try StreamingSHA256.hex(of: Data(contentsOf: URL(fileURLWithPath: target.stagingPath)))
            case .csv(let dialect):
                let staging = URL(fileURLWithPath: target.stagingPath)
                try CSVReportWriter.write(report, to: staging, dialect: dialect)
                // The marker says naravard wrote the folder; its unique text identifies this run's folder.
                let marker = Data("naravard \(report.kind.rawValue) \(report.period) \(UUID().uuidString)\n".utf8)
                try marker.write(to: staging.appending(path: OutputTarget.folderMarker))
                sha256 = StreamingSHA256.hex(of: marker)
            }
        } catch let error as XLSXError where error.operation.hasPrefix("close(") {
            target.discardStaging()
            throw OutputRefusal(target.path, "the workbook was not written (\(error.message))", exitCode: 1)
        } catch {
            target.discardStaging()
            throw error
        }
        let id: Int64
        do {
            id = try logReport(report, output: target.destination, sha256: sha256)
            switch format {
            case .xlsx: try target.commitStagedFile()
            case .csv: try target.replaceFolder(with: target.stagingPath)
            }
        } catch {
            target.discardStaging()
            _ = try? settlePendingReports()
            throw error
        }
        try finishReportLog(id)
        return id
    }
}
