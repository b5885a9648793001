import Foundation
import PackagePlugin

/// Generates `BundledCatalog.swift` from every file under the package's `Indicators/` folder,
/// `BundledReports.swift` from `Reports/` and `BundledAgreements.swift` from `Agreements/`, so that
/// `naravard init` and `naravard report` work from any directory without resource bundles beside the binary.
@main
struct EmbedCatalogPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        try [
            ("BundledCatalog", "Indicators", "the indicator catalogue"), ("BundledReports", "Reports", "the report definitions"),
            ("BundledAgreements", "Agreements", "the national agreements"),
        ]
            .map { name, folder, what in
                let source = context.package.directoryURL.appending(path: folder)
                let output = context.pluginWorkDirectoryURL.appending(path: "\(name).swift")
                var inputs: [URL] = []
                if let walker = FileManager.default.enumerator(at: source, includingPropertiesForKeys: nil) {
                    for case let url as URL in walker where ["yaml", "yml"].contains(url.pathExtension) {
                        inputs.append(url)
                    }
                }
                return .buildCommand(
                    displayName: "Embedding \(what)",
                    executable: try context.tool(named: "EmbedCatalog").url,
                    arguments: [name, source.path(), output.path()],
                    inputFiles: inputs,
                    outputFiles: [output]
                )
            }
    }
}
