// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "toedeling",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "toedeling-server", targets: ["toedeling-server"]),
        .executable(name: "toedeling-admin", targets: ["toedeling-admin"]),
        .executable(name: "toedeling-bench", targets: ["toedeling-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.1.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        // MARK: Infrastructure
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "Postgres",
            dependencies: [
                "CLibPQ",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "EventStore",
            dependencies: [
                "Postgres",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // MARK: Domain
        .target(name: "Taaktoedeling"),
        // MARK: Application
        .target(
            name: "Dossiers",
            dependencies: [
                "Taaktoedeling", "EventStore", "Postgres",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Archief/selectielijst.json")]
        ),
        // MARK: Notifications
        .target(
            name: "Notifications",
            dependencies: [
                "Dossiers", "EventStore", "Taaktoedeling", "Postgres",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // MARK: Rendering
        .target(
            name: "Rapportage",
            dependencies: ["Taaktoedeling", "Dossiers", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // MARK: HTTP
        .target(
            name: "ToedelingHTTP",
            dependencies: [
                "Taaktoedeling",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "ToedelingWeb",
            dependencies: [
                "Dossiers", "EventStore", "Postgres", "Rapportage", "Taaktoedeling", "ToedelingHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            // The page templates and the style sheet, read at start (see WebBestanden).
            resources: [.copy("Resources")]
        ),
        .target(
            name: "ToedelingAPI",
            dependencies: [
                "Dossiers", "Rapportage", "Taaktoedeling", "ToedelingHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("OpenAPI/openapi.json")]
        ),
        // MARK: Executables
        // The composition root: configuration, logging, the services, API and web side by side.
        .executableTarget(
            name: "toedeling-server",
            dependencies: [
                "ToedelingAPI", "ToedelingWeb", "ToedelingHTTP", "Notifications", "Dossiers", "EventStore", "Rapportage", "Taaktoedeling",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "AdminCommands",
            dependencies: [
                "Dossiers", "Notifications", "Rapportage", "Taaktoedeling", "EventStore", "Postgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "toedeling-admin", dependencies: ["AdminCommands"]),
        .executableTarget(
            name: "toedeling-bench",
            dependencies: [
                "EventStore", "Postgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // MARK: Tests
        .target(
            name: "ToedelingTestSupport",
            dependencies: ["Postgres", "EventStore", "Dossiers", "Taaktoedeling", .product(name: "Logging", package: "swift-log")],
            path: "Tests/ToedelingTestSupport"
        ),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "ToedelingTestSupport", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "EventStoreTests", dependencies: ["EventStore", "Postgres", "ToedelingTestSupport", .product(name: "Logging", package: "swift-log")]),
        // The domain's fixtures (actors, moments, dossiers driven to a named state): pure, for the
        // domain's tests and the renderings'.
        .target(name: "DomainTestSupport", dependencies: ["Taaktoedeling"], path: "Tests/DomainTestSupport"),
        .testTarget(
            name: "TaaktoedelingTests",
            dependencies: ["Taaktoedeling", "DomainTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "RapportageTests", dependencies: ["Rapportage", "Taaktoedeling", "DomainTestSupport"]),
        .testTarget(
            name: "DossiersTests",
            dependencies: [
                "Dossiers", "Taaktoedeling", "EventStore", "Postgres", "ToedelingTestSupport", "DomainTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "AdminTests",
            dependencies: [
                "AdminCommands", "Dossiers", "Rapportage", "Taaktoedeling", "EventStore", "Postgres", "ToedelingTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The server assembled as it runs (API and web side by side over a migrated scratch
        // database), with a token per role, for the tests of the API, the web and notifications.
        .target(
            name: "ServerTestSupport",
            dependencies: [
                "toedeling-server", "ToedelingAPI", "ToedelingWeb", "Notifications", "Dossiers", "Postgres", "Taaktoedeling", "ToedelingTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/ServerTestSupport"
        ),
        .testTarget(
            name: "ToedelingServerTests",
            dependencies: [
                "toedeling-server", "ToedelingAPI", "ToedelingWeb", "Postgres", "ServerTestSupport",
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ToedelingAPITests",
            dependencies: [
                "ToedelingAPI", "ToedelingHTTP", "Dossiers", "Postgres", "EventStore", "Taaktoedeling", "ToedelingTestSupport", "ServerTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ToedelingWebTests",
            dependencies: [
                "ToedelingWeb", "Dossiers", "Postgres", "Taaktoedeling", "ToedelingTestSupport", "ServerTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ]
        ),
        .testTarget(
            name: "NotificationsTests",
            dependencies: [
                "Notifications", "Dossiers", "Taaktoedeling", "ToedelingTestSupport", "ServerTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ]
)
