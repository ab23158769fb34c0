// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Raadskompas",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "raadskompas", targets: ["KompasRepl"]),
        .library(name: "KompasDSL", targets: ["KompasDSL"]),
        .library(name: "Raadskompas", targets: ["Raadskompas"]),
        .executable(name: "KompasBench", targets: ["KompasBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The language: source, lexer, parser, AST, diagnostics, interpreter. No dependencies.
        .target(name: "KompasDSL"),
        // Domain model, content schemas and loading, rendering. Never prints to the terminal.
        .target(
            name: "Raadskompas",
            dependencies: [
                "KompasDSL",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            plugins: ["EmbedContent"]
        ),
        // libedit's readline interface, loaded with dlopen when the shell starts (see editline.c):
        // not linked, so that `-c` and scripts start without it.
        .target(name: "CEditLine"),
        .executableTarget(
            name: "KompasRepl",
            dependencies: [
                "Raadskompas",
                "KompasDSL",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build-time tool: turns Content/*.kompas into a Swift source file.
        .executableTarget(name: "ContentEmbedder", dependencies: ["KompasDSL"]),
        .plugin(
            name: "EmbedContent",
            capability: .buildTool(),
            dependencies: ["ContentEmbedder"]
        ),
        .executableTarget(
            name: "KompasBench",
            dependencies: ["KompasDSL", "Raadskompas", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "KompasDSLTests", dependencies: ["KompasDSL"]),
        .testTarget(name: "RaadskompasTests", dependencies: ["Raadskompas", "KompasDSL"], exclude: ["Golden"]),
        .testTarget(name: "KompasReplTests", dependencies: ["Raadskompas", "KompasRepl"]),
    ]
)
