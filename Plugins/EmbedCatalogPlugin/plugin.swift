import Foundation
import PackagePlugin

/// Generates `BundledCatalog.swift` from every file under the package's `Indicators/` folder,
/// so that `naravard init` works from any directory without resource bundles beside the binary.
@main
struct EmbedCatalogPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let catalog = context.package.directoryURL.appending(path: "Indicators")
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledCatalog.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: catalog, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where ["yaml", "yml"].contains(url.pathExtension) {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding the indicator catalogue",
                executable: try context.tool(named: "EmbedCatalog").url,
                arguments: [catalog.path(), output.path()],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
