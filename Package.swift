// swift-tools-version:5.10
import PackageDescription
import Foundation

let package = Package(
    name: "Gazette",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gazette", targets: ["gazette"]),
        .library(name: "GazetteCore", targets: ["GazetteCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // `gazette serve` only: a small HTTP server on Swift concurrency with no further dependencies
        // (a clean debug build took 21 s here against 71 s for Hummingbird and its SwiftNIO stack).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // C libraries from Debian, each behind one small Swift wrapper in GazetteCore.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .target(
            name: "GazetteCore",
            dependencies: [
                "CCmarkGFM",
                "CStemmer",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The development server, kept apart so GazetteCore does not depend on an HTTP library.
        .target(
            name: "GazetteServe",
            dependencies: [
                "GazetteCore",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "gazette",
            dependencies: [
                "GazetteCore",
                "GazetteServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GazetteCoreTests",
            dependencies: [
                "GazetteCore",
                .product(name: "Mustache", package: "swift-mustache"),
                // The local server that replays recorded API answers to the fetch tests.
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .testTarget(
            name: "GazetteCommandTests",
            dependencies: ["gazette", "GazetteCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "GazetteServeTests",
            dependencies: ["GazetteServe", "GazetteCore"]
        ),
    ]
)

// The libFuzzer target exists only for `make fuzz`: libFuzzer supplies `main`, so it cannot link
// in an ordinary build.
if ProcessInfo.processInfo.environment["GAZETTE_FUZZ"] == "1" {
    package.targets.append(.executableTarget(name: "GazetteFuzz", dependencies: ["GazetteCore"]))
}
