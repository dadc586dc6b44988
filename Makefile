# Jigsaw — build, test, demonstrate and benchmark.
#   make demo   builds (release) and runs the whole journey on synthetic data (synth to published table and reports)
#   make test   builds and runs the whole test suite
#   make bench  runs the benchmarks against their peer tools (release build)
#   make quality  measures linkage quality against clkhash + anonlink (release build; about 15 minutes)

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
RELEASE_FLAGS := -c release -Xswiftc -enforce-exclusivity=unchecked

.PHONY: all deps build release test demo bench quality clean

all: build

# Install the Debian packages the build needs when they are missing (libcrypto headers, COIN-OR CLP and CBC
# for the disclosure audit, pkg-config).
deps:
	@if ! command -v pkg-config >/dev/null || ! pkg-config --exists libcrypto 2>/dev/null || ! pkg-config --exists cbc 2>/dev/null; then \
		echo "Installing libssl-dev, coinor-libclp-dev, coinor-libcbc-dev and pkg-config…"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libssl-dev coinor-libclp-dev coinor-libcbc-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

demo: release
	@bash scripts/demo.sh "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/jigsaw"

bench: release
	@bash Tests/Benchmarks/tokenise/compare.sh "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/jigsaw"
	@bash Tests/Benchmarks/encode/compare.sh "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/jigsaw"
	@bash Tests/Benchmarks/link/compare.sh "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/jigsaw"
	@bash Tests/Benchmarks/link/scale.sh "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/jigsaw"
	@bash Tests/Benchmarks/link/allpairs.sh "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/jigsaw"
	@bash Tests/Benchmarks/suppress/compare.sh "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/jigsaw"
	@bash Tests/Benchmarks/audit/compare.sh "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/jigsaw"
	@bash Tests/Benchmarks/scan/compare.sh "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/jigsaw"
	@bash Tests/Benchmarks/aggregate/compare.sh "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/jigsaw"
	@bash Tests/Benchmarks/report/compare.sh "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/jigsaw"
	cd Tests/Benchmarks && $(SWIFT) package --disable-sandbox benchmark --no-progress

quality: release
	@bash Tests/Benchmarks/quality/measure.sh "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/jigsaw"
	@bash Tests/Benchmarks/quality/holdout.sh "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/jigsaw"

clean:
	rm -rf .build demo-output bench-output
