// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tabib",
    platforms: [.macOS(.v15)],  // macOS 15 for Synchronization.Mutex
    products: [
        .executable(name: "tabib", targets: ["tabib"]),
        .library(name: "TabibCore", targets: ["TabibCore"]),
        .library(name: "CompiledMustache", targets: ["CompiledMustache"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        // Named directly because the preview server uses them; Hummingbird brings the same versions.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", exact: "1.0.2"),
        // FilePath, for swift-subprocess; Apple's systems have it built in.
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        // The event-stream client of the preview's tests; HummingbirdTesting brings the same version.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Test-only: random edit sequences for the quick-build property test.
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        // cmark-gfm and its GFM extensions, from Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libqrencode, from Debian's libqrencode-dev: QR codes on handouts.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // libvips, from Debian's libvips-dev: reads images and writes them resized as WebP, JPEG and PNG.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // load → graph → render → write: the whole build, with no I/O framework in it.
        .target(
            name: "TabibCore",
            dependencies: [
                "CCmarkGFM",
                "CQRencode",
                "CVips",
                "CompiledMustache",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system", condition: .when(platforms: [.linux])),
            ]
        ),
        // The live-reload preview server: wraps the build, never the reverse.
        .target(
            name: "TabibServe",
            dependencies: [
                "TabibCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "tabib",
            dependencies: [
                "TabibCore",
                "TabibServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Mustache templates compiled against typed page models: no dependencies, by design.
        .target(name: "CompiledMustache", exclude: ["README.md"]),
        .executableTarget(name: "CompiledMustacheBenchmark", dependencies: [
            "CompiledMustache", .product(name: "Mustache", package: "swift-mustache"),
        ], path: "Benchmarks/CompiledMustacheBenchmark"),
        .testTarget(name: "TabibCoreTests", dependencies: [
            "TabibCore", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        // swift-mustache only as the reference the differential tests compare with.
        .testTarget(name: "CompiledMustacheTests", dependencies: [
            "CompiledMustache", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .testTarget(
            name: "TabibServeTests",
            dependencies: [
                "TabibServe", "TabibCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ]
)
