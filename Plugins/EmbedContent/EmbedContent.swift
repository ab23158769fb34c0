import Foundation
import PackagePlugin

/// Compiles every `.kompas` file under `Content/` into a Swift source file, so the built binary
/// carries its content and works from any directory, even when copied alone.
@main
struct EmbedContent: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let contentDirectory = context.package.directoryURL.appending(path: "Content")
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledContent.swift")
        var inputs: [URL] = []
        if let enumerator = FileManager.default.enumerator(at: contentDirectory, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where url.pathExtension == "kompas" {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        return [
            .buildCommand(
                displayName: "Inhoud inbouwen (\(inputs.count) bestanden)",
                executable: try context.tool(named: "ContentEmbedder").url,
                arguments: [contentDirectory.path, output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
