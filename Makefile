# Folio: `make render` and `make test` are all a new machine needs (see README).
SWIFT ?= swift
SETUP := scripts/setup

.PHONY: render test test-peers check bench build setup clean fuzz

setup:
	@$(SETUP)

## The Python references tests compare values with (NumPy, matplotlib).
test-peers:
	@scripts/setup-test-peers

## Release build, then render every notebook in notebooks/ into output/.
render: setup
	$(SWIFT) build -c release
	.build/release/folio render

## Everything that verifies the project: the Swift test suites (unit, rendering, end to end),
## including rendering every notebook in notebooks/ with the release build and checking that
## each law it states holds (NotebookLawTests).
test: setup test-peers
	$(SWIFT) build -c release --product folio
	$(SWIFT) build -c release --product Folio
	$(SWIFT) build --build-tests
	FOLIO_RELEASE_BIN=$(CURDIR)/.build/release/folio $(SWIFT) test --skip-build
	FOLIO_TENSOR_ISA=avx2 $(SWIFT) test --skip-build --filter TensorTests
	FOLIO_TENSOR_ISA=baseline $(SWIFT) test --skip-build --filter TensorTests

## The fast loop while developing (a few minutes): the debug build and every suite that does not
## compile notebooks (RunnerTests and CLITests do; `make test` runs them).
check: setup test-peers
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip RunnerTests --skip CLITests

## Folio against its peers (NumPy, …) in one invocation; prints JSON lines and a table.
bench: setup
	@scripts/setup-peers
	$(SWIFT) build -c release --product folio-bench
	$(SWIFT) build -c release --product folio
	$(SWIFT) build -c release --product Folio
	.build/release/folio-bench

## Fuzz each harness in Tests/Fuzz (Markdown, TeX math, cell outputs, URLs) with libFuzzer and
## ASan for FUZZ_SECONDS (300) each, two at a time; fails if any finds a crash, a hang (> 10 s on
## one input) or runs out of memory. Inputs that did: .build-fuzz/artifacts/ (Tests/Fuzz/README.md).
FUZZ_SECONDS ?= 300
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz

build: setup
	$(SWIFT) build

clean:
	rm -rf .build

## Formatting with the toolchain's swift-format and the committed .swift-format (indentation 4,
## lines up to 160): `make format` rewrites every Swift file in place; `make lint` reports what
## it would change and any broken style rule, and fails if there is one.
.PHONY: format lint
SWIFT_FORMAT_PATHS := Package.swift Sources Tests
format:
	$(SWIFT) format format --in-place --recursive --parallel $(SWIFT_FORMAT_PATHS)

lint:
	$(SWIFT) format lint --strict --recursive --parallel $(SWIFT_FORMAT_PATHS)

## The API reference (DocC, from the doc comments: output/api/) and the user guide (docs/guide/,
## rendered by Folio: output/guide/). DocC's pages need a web server, not file://:
## `python3 -m http.server -d output`, then http://localhost:8000/api/documentation/folio/.
.PHONY: docs
docs: setup
	scripts/docs
