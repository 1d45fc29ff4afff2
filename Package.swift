// swift-tools-version:6.0
// Folio: Markdown notebooks with Swift cells → PDF, PNG/SVG figures and a static HTML site.
// Layers (DESIGN §2), arrows point down:
//   folio (CLI) → Report → Runner → Notebook; Runner → OutputChannel → PlotData → Colors
//   Report → Plot → MathType → Graphics → Colors, C shims; Plot → PlotData
//   Folio (runtime imported by notebooks) → Theory → Autograd → Tensor → CBLAS/CLAPACKE
import PackageDescription

// The Folio runtime is imported by notebook programs compiled outside SwiftPM. Building the
// modules it re-exports with library evolution, and importing the C shims `internal`, lets
// `swiftc` load them without finding the shims' module maps (DESIGN §4: "missing required
// module"). The textual interface is not verified: it cannot name `Tensor.Tensor`, a type
// that shares its module's name; clients use the binary modules.
let evolution: [SwiftSetting] = [.unsafeFlags(["-enable-library-evolution", "-no-verify-emitted-module-interface"])]

func shim(_ name: String, pkgConfig: String? = nil) -> Target {
    .systemLibrary(name: name, path: "Sources/Shims/\(name)", pkgConfig: pkgConfig)
}

let package = Package(
    name: "Folio",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Folio", type: .dynamic, targets: ["Folio"]),
        .executable(name: "folio", targets: ["folio"]),
        .executable(name: "folio-bench", targets: ["folio-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C shims over system libraries (scripts/setup installs them).
        shim("CCairo", pkgConfig: "cairo"),
        shim("CPangoCairo", pkgConfig: "pangocairo"),
        shim("CHarfBuzz", pkgConfig: "harfbuzz"),
        shim("CFreeType", pkgConfig: "freetype2"),
        shim("CFontconfig", pkgConfig: "fontconfig"),
        shim("CBLAS"),
        shim("CLAPACKE"),
        shim("CCmarkGFM", pkgConfig: "libcmark-gfm"),
        shim("CPNG", pkgConfig: "libpng"),
        // Vector kernels (AVX2/AVX-512, chosen at run time) that the baseline-x86-64 Swift build
        // cannot emit, and glibc's vector math library libmvec behind them.
        .target(name: "CTensorKernels", path: "Sources/Shims/CTensorKernels",
                linkerSettings: [.linkedLibrary("mvec", .when(platforms: [.linux]))]),

        // Numerics.
        .target(name: "Tensor", dependencies: ["CBLAS", "CLAPACKE", "CTensorKernels"], swiftSettings: evolution),
        .target(name: "Autograd", dependencies: ["Tensor"], swiftSettings: evolution),
        .target(name: "Theory", dependencies: ["Tensor", "Autograd"], swiftSettings: evolution),

        // The sRGB colour value, shared by the canvas and the figure data (Foundation only).
        .target(name: "Colors", swiftSettings: evolution),

        // Drawing.
        .target(name: "Graphics", dependencies: ["Colors", "CCairo", "CPangoCairo", "CHarfBuzz", "CFreeType", "CFontconfig", "CPNG"],
                swiftSettings: evolution),
        .target(name: "MathType", dependencies: ["Graphics", "CHarfBuzz", "CFreeType"], swiftSettings: evolution),
        // Figures and tables as data (Codable payloads, their builders' checks and validation),
        // with nothing but Foundation below: what the notebook process sends and the runner reads.
        .target(name: "PlotData", dependencies: ["Colors"], swiftSettings: evolution),
        // Drawing figures and tables: limits, layout, guides, one recipe per mark.
        .target(name: "Plot", dependencies: ["PlotData", "Graphics", "MathType"], swiftSettings: evolution),

        // What a cell hands back to the runner: the wire format between notebook and Folio.
        // Plain data: the runner, which only moves outputs around, links no drawing code.
        .target(name: "OutputChannel", dependencies: ["PlotData"], swiftSettings: evolution),

        // Files that can be trusted: SHA-256 digests (cache keys, memo keys, the manifest) and
        // atomic whole-file writes (the result cache, publication). Foundation only.
        .target(name: "Storage", swiftSettings: evolution),

        // The runtime library notebook code imports.
        .target(name: "Folio", dependencies: ["Tensor", "Autograd", "Theory", "Plot", "PlotData", "OutputChannel", "Storage"],
                swiftSettings: evolution),

        // Documents, execution, reports, the command line.
        .target(name: "Notebook", dependencies: ["CCmarkGFM", .product(name: "Yams", package: "Yams")]),
        .target(name: "Runner", dependencies: ["Notebook", "OutputChannel", "Storage"]),
        .target(name: "Report", dependencies: ["Runner", "Notebook", "OutputChannel", "Storage", "Plot", "MathType", "Graphics"]),
        .executableTarget(name: "folio", dependencies: [
            "Runner", "Report", "Notebook",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "folio-bench", dependencies: [
            "Tensor", "Autograd", "Theory", "Plot", "MathType", "Graphics", "Report", "Notebook", "OutputChannel",
        ]),

        // What the test targets share: running programs, finding tools (a missing one fails the
        // test, naming what installs it), temporary folders.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"]),
        // The repository's conventions (no skipped tests, imports first), checked over its files.
        .testTarget(name: "ConventionTests", dependencies: []),

        .testTarget(name: "TensorTests", dependencies: ["Tensor", "TestSupport"]),
        .testTarget(name: "AutogradTests", dependencies: ["Autograd"]),
        .testTarget(name: "TheoryTests", dependencies: ["Theory"]),
        .testTarget(name: "GraphicsTests", dependencies: ["Graphics", "TestSupport"]),
        .testTarget(name: "MathTypeTests", dependencies: ["MathType", "TestSupport"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "PlotData", "Graphics", "TestSupport"]),
        .testTarget(name: "OutputChannelTests", dependencies: ["OutputChannel", "PlotData"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage"]),
        .testTarget(name: "FolioTests", dependencies: ["Folio"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook"]),
        .testTarget(name: "RunnerTests", dependencies: ["Runner", "Notebook", "Storage", "TestSupport"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Notebook", "OutputChannel", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)

// MARK: - Fuzzing (Tests/Fuzz, `make fuzz`, scripts/fuzz) — owned by the fuzzing work, kept apart.
// One executable, `folio-fuzz <harness> …`, holds every harness. Built by `scripts/fuzz` with
// -DFUZZING, coverage and ASan it runs libFuzzer (through LLVMFuzzerRunDriver, so it keeps its own
// `main`); built normally it replays files (the corpus and crash reproducers) once each.
package.targets += [
    // Only a header declaring libFuzzer's entry point; the fuzz build links libFuzzer itself.
    .systemLibrary(name: "CLibFuzzer", path: "Tests/Fuzz/CLibFuzzer"),
    .executableTarget(
        name: "folio-fuzz",
        dependencies: ["CLibFuzzer", "Notebook", "OutputChannel", "Plot", "MathType", "Graphics", "Report"],
        path: "Tests/Fuzz/Harnesses"),
]
