// swift-tools-version:6.1
// Swift 6 language mode follows from the tools version.
import PackageDescription

let package = Package(
    name: "pamtui",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pamtui", targets: ["pamtui"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        /// Vendor-neutral domain: values, capabilities, secrets, errors, the transport protocol.
        .target(name: "PAMCore"),

        /// Live HTTPS on libcurl.
        .target(
            name: "PAMTransport",
            dependencies: ["CCurl", "PAMCore", .product(name: "Logging", package: "swift-log")]
        ),

        /// Profiles from TOML, with secret sources.
        .target(
            name: "PAMConfig",
            dependencies: ["PAMCore", .product(name: "TOMLKit", package: "TOMLKit")]
        ),

        /// One folder per vendor: wire DTOs, request building, mapping, auth.
        .target(name: "PAMVendors", dependencies: ["PAMCore"]),

        /// Loopback HTTP(S) servers that speak each vendor's wire protocol.
        .target(
            name: "PAMSimulator",
            dependencies: [
                "PAMCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        /// One module per vendor (schema, client factory, capabilities, simulator) and the one
        /// registry list; the only code that knows which vendors exist.
        .target(name: "PAMModules", dependencies: ["PAMCore", "PAMConfig", "PAMVendors", "PAMSimulator"]),

        .systemLibrary(name: "CNCurses", providers: [.apt(["libncurses-dev"])]),

        /// In-memory terminal: cell grid, layout, widgets, themes, key events. No curses, no app.
        .target(
            name: "PAMScreen",
            dependencies: ["PAMCore", .product(name: "TOMLKit", package: "TOMLKit")]
        ),

        /// The only code that calls ncurses: presenting grids, reading keys, resize, signals.
        .target(name: "PAMCurses", dependencies: ["CNCurses", "PAMScreen", "PAMCore"]),

        /// Copying secrets to the clipboard (Wayland, X11, tmux, OSC 52) and clearing them again.
        .target(
            name: "PAMClipboard",
            dependencies: ["PAMCore", .product(name: "Crypto", package: "swift-crypto")]
        ),

        /// The view model: state, actions, reduce, effects, keymap, and the app drawn with widgets.
        .target(name: "PAMApp", dependencies: ["PAMCore", "PAMScreen"]),

        /// The command line: TUI entry, demo, simulate and the scriptable twins.
        .target(
            name: "PAMCLI",
            dependencies: [
                "PAMCore", "PAMTransport", "PAMConfig", "PAMVendors", "PAMSimulator", "PAMModules",
                "PAMScreen", "PAMApp", "PAMCurses", "PAMClipboard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "pamtui", dependencies: ["PAMCLI"]),

        /// Shared helpers for tests: simulator fixtures, waiting on conditions, running the binary.
        .target(
            name: "PAMTestSupport",
            dependencies: [
                "PAMCore", "PAMTransport", "PAMSimulator", "PAMVendors", "PAMScreen",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "Tests/PAMTestSupport"
        ),
        .testTarget(name: "PAMCoreTests", dependencies: ["PAMCore"]),
        .testTarget(name: "PAMScreenTests", dependencies: ["PAMScreen", "PAMTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "PAMCursesTests", dependencies: ["PAMCurses", "PAMScreen", "PAMTestSupport"]),
        .testTarget(name: "PAMClipboardTests", dependencies: ["PAMClipboard", "PAMTestSupport"]),
        .testTarget(name: "PAMAppTests", dependencies: ["PAMApp", "PAMScreen", "PAMTestSupport"], exclude: ["Snapshots"]),
        .testTarget(
            name: "PAMTransportTests",
            dependencies: [
                "PAMTransport", "PAMTestSupport", "PAMSimulator",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .testTarget(name: "PAMConfigTests", dependencies: ["PAMConfig", "PAMModules"]),
        .testTarget(
            name: "PAMVendorsTests",
            dependencies: ["PAMVendors", "PAMTestSupport", "PAMTransport", "PAMSimulator"],
            resources: [.copy("Golden")]
        ),
        .testTarget(
            name: "PAMSimulatorTests",
            dependencies: ["PAMSimulator", "PAMTestSupport", "PAMTransport", "PAMVendors"]
        ),
        .testTarget(
            name: "PAMConformanceTests",
            dependencies: ["PAMModules", "PAMTestSupport", "PAMTransport", "PAMConfig", "PAMSimulator", "PAMCore"]
        ),
        .testTarget(name: "PAMCLITests", dependencies: ["PAMTestSupport", "PAMConfig", "PAMSimulator"]),
    ]
)
