// swift-tools-version:6.0
// Folio: Markdown notebooks with Swift cells → PDF, PNG/SVG figures and a static HTML site.
//
// Sources/ is grouped by stack (docs/architecture.md); arrows point down only:
//   Tools      folio (CLI), folio-bench
//   Documents  Report → Runner → Notebook           (a render: load → execute → publish)
//              Cluster → Runner                     (--on slurm: programs run as Slurm tasks)
//              Report → BibTeX → CSL                (citations: bibliography files → CSL processor)
//   Runtime    Folio, imported by notebook programs  → Numerics, Plot, OutputChannel
//   Numerics   Theory → Autograd → Tensor → CBLAS/CLAPACKE/CTensorKernels
//   Drawing    Plot → MathType → Graphics → Cairo, Pango, HarfBuzz, FreeType (Shims)
//   Shared     OutputChannel → PlotData → Colors; Storage   (Foundation only: no drawing, no numerics)
import PackageDescription

// The Folio runtime is imported by notebook programs compiled outside SwiftPM. Building the
// modules it re-exports with library evolution, and importing the C shims `internal`, lets
// `swiftc` load them without finding the shims' module maps (DESIGN §4: "missing required
// module"). It stays on for all of them (#22): turned off for Numerics, Shared and Folio (the
// unmerged `evolution` branch), a cold render of the runner bench's 20 cells took 1.91/2.19 s of
// CPU against 1.35/1.60 s (wall 4.0-4.5 s against 2.6-3.3 s, over the 2.5 s goal), because every
// notebook compile then loads the C modules and the bigger Swift modules. Specialisation across
// Tensor -> Autograd -> Theory bought nothing measurable in return (784 train step 265/313 vs
// 184/314 steps/s, regions probe 3.10 vs 4.22 calls/s; docs/architecture.md, "Library evolution";
// FOLIO_EVOLUTION below builds that configuration for the bench).
// The textual interface is not verified (clients use the binary modules);
// `-alias-module-names-in-module-interface` spells `Tensor.Tensor` as `Module___Tensor.Tensor`
// there, which ends the warnings that `Tensor.Tensor` and `Cores.Cores` shadow their modules.
let evolution: [SwiftSetting] = [
    .unsafeFlags(["-enable-library-evolution", "-no-verify-emitted-module-interface", "-Xfrontend", "-alias-module-names-in-module-interface"])
]

func shim(_ name: String, pkgConfig: String? = nil) -> Target {
    .systemLibrary(name: name, path: "Sources/Shims/\(name)", pkgConfig: pkgConfig)
}

/// A Swift module of one stack, in `Sources/<stack>/<name>`. Modules the runtime loads into
/// notebook programs are built with library evolution.
func module(_ name: String, _ stack: String, _ dependencies: [Target.Dependency] = [], evolving: Bool = true) -> Target {
    let evolves = evolving && (evolvingOnly?.contains(name) ?? true)
    return .target(name: name, dependencies: dependencies, path: "Sources/\(stack)/\(name)", swiftSettings: evolves ? evolution : nil)
}

// For measuring what library evolution costs (docs/architecture.md, "Library evolution"):
// `FOLIO_EVOLUTION=drawing swift build -c release --scratch-path .build-noevo` keeps it only where
// a C module needs pkg-config's include paths (Graphics, MathType, and Colors, which Graphics
// re-exports). Notebook compiles against such a build need `-I` for the numerics' C module maps,
// which folio does not pass: it is a bench configuration, not a runtime.
let evolvingOnly: Set<String>? = Context.environment["FOLIO_EVOLUTION"] == "drawing" ? ["Colors", "Graphics", "MathType"] : nil

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
        // Complex<Float>/Complex<Double>, the element type of complex tensors (FFT, eig).
        .package(url: "https://github.com/apple/swift-numerics", exact: "1.1.1"),
        // `folio preview`'s HTTP server: small, no SwiftNIO beneath it (a fresh clone builds it in seconds).
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
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
        // LAPACK's complex drivers (zgeev, zgesdd) behind plain pointers: LAPACKE's C99 _Complex is not importable.
        .target(name: "CComplexLAPACK", path: "Sources/Shims/CComplexLAPACK", linkerSettings: [.linkedLibrary("lapacke")]),
        // Vector kernels (AVX2/AVX-512, chosen at run time) that the baseline-x86-64 Swift build
        // cannot emit, and glibc's vector math library libmvec behind them.
        .target(
            name: "CTensorKernels", path: "Sources/Shims/CTensorKernels",
            linkerSettings: [.linkedLibrary("mvec", .when(platforms: [.linux]))]),

        // Shared: plain data and files, Foundation only.
        // The sRGB colour value, shared by the canvas and the figure data.
        module("Colors", "Shared"),
        // Figures and tables as data (Codable payloads, their builders' checks and validation):
        // what the notebook process sends and the runner reads.
        module("PlotData", "Shared", ["Colors"]),
        // What a cell hands back to the runner: the wire format between notebook and Folio.
        // Plain data: the runner, which only moves outputs around, links no drawing code.
        module("OutputChannel", "Shared", ["PlotData"]),
        // Files that can be trusted: SHA-256 digests (cache keys, memo keys, the manifest) and
        // atomic whole-file writes (the result cache, publication).
        module("Storage", "Shared"),
        // The cores this process may use: affinity, cgroup CPU quota, FOLIO_THREADS.
        module("Cores", "Shared", ["CTensorKernels"]),

        // Numerics.
        module(
            "Tensor", "Numerics",
            [
                "CBLAS", "CLAPACKE", "CTensorKernels", "Cores", "CComplexLAPACK", .product(name: "ComplexModule", package: "swift-numerics"),
                .product(name: "RealModule", package: "swift-numerics"),
            ]),
        module("Autograd", "Numerics", ["Tensor"]),
        module("Theory", "Numerics", ["Tensor", "Autograd"]),

        // Drawing.
        module("Graphics", "Drawing", ["Colors", "CCairo", "CPangoCairo", "CHarfBuzz", "CFreeType", "CFontconfig", "CPNG"]),
        module("MathType", "Drawing", ["Graphics", "CHarfBuzz", "CFreeType"]),
        // Drawing figures and tables: limits, layout, guides, one recipe per mark.
        module("Plot", "Drawing", ["PlotData", "Graphics", "MathType"]),

        // The runtime library notebook code imports.
        module("Folio", "Runtime", ["Tensor", "Autograd", "Theory", "Plot", "PlotData", "OutputChannel", "Storage"]),

        // Documents: load (Notebook) → execute (Runner) → publish (Report).
        module("Notebook", "Documents", ["CCmarkGFM", .product(name: "Yams", package: "Yams")], evolving: false),
        module("Runner", "Documents", ["Notebook", "OutputChannel", "Storage"], evolving: false),
        // Running notebook programs as Slurm tasks: submission, polling, import through the cache.
        module("Cluster", "Documents", ["Runner", "Notebook"], evolving: false),
        module(
            "Report", "Documents", ["Runner", "Notebook", "BibTeX", "CSL", "OutputChannel", "Storage", "Plot", "MathType", "Graphics", "Cores"],
            evolving: false),

        // Citations: a CSL 1.0.2 processor (styles, locales, items → rich text), and the BibTeX /
        // BibLaTeX / CSL-JSON reader that turns bibliography files into its items.
        module("CSL", "Documents", evolving: false),
        module("BibTeX", "Documents", ["CSL"], evolving: false),

        // Tools.
        // `folio preview`: the HTTP server over output/, the file watcher, the render queue and
        // the live-reload channel. It renders nothing itself: folio hands it a render function.
        .target(
            name: "FolioPreview", dependencies: [.product(name: "FlyingFox", package: "FlyingFox")], path: "Sources/Tools/FolioPreview"),
        .executableTarget(
            name: "folio",
            dependencies: [
                "Runner", "Report", "Notebook", "Cores", "Cluster", "FolioPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ], path: "Sources/Tools/folio"),
        .executableTarget(
            name: "folio-bench",
            dependencies: [
                "Tensor", "Autograd", "Theory", "Plot", "MathType", "Graphics", "Report", "Notebook", "OutputChannel",
                "BibTeX", "CSL",
            ], path: "Sources/Tools/folio-bench"),

        // What the test targets share: running programs, finding tools (a missing one fails the
        // test, naming what installs it), temporary folders.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"]),
        // The repository's conventions (no skipped tests, imports first), checked over its files.
        .testTarget(name: "ConventionTests", dependencies: []),

        .testTarget(name: "TensorTests", dependencies: ["Tensor", "Cores", "TestSupport"]),
        .testTarget(name: "AutogradTests", dependencies: ["Autograd", "TestSupport"]),
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
        // `folio render --on slurm` against a real single-node Slurm cluster the suite starts.
        .testTarget(name: "SlurmTests", dependencies: ["TestSupport"]),
        .testTarget(name: "CSLTests", dependencies: ["CSL", "BibTeX", "TestSupport"], exclude: ["Fixtures/peer.bib"]),
        .testTarget(name: "BibTeXTests", dependencies: ["BibTeX", "CSL"]),
        // `folio preview` in headless Chromium: live reload, the error overlay, the server's security.
        .testTarget(name: "PreviewTests", dependencies: ["FolioPreview", "TestSupport"]),
        // The API reference: every public symbol documented (symbol graphs from scripts/docs).
        .testTarget(name: "DocumentationTests", dependencies: ["TestSupport"]),
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
        dependencies: ["CLibFuzzer", "Notebook", "OutputChannel", "Plot", "MathType", "Graphics", "Report", "BibTeX", "CSL", "Runner"],
        path: "Tests/Fuzz/Harnesses"),
]
