# The front door: `make site` builds the digest, `make test` runs every test.
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libstemmer-dev pkg-config
SWIFT ?= swift

.PHONY: site test test-browser deps build topic-quality lint clean bench embed-scaffold serve-check

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

## Run every test: the Swift tests, then the browser suite.
test: deps
	$(SWIFT) test
	$(MAKE) test-browser

## Build the default content and test it in headless Chromium: search, browsing, axe-core, the Nu
## HTML checker, links, feeds (installs chromium, chromium-driver and Python packages in .venv/).
test-browser: deps
	SWIFT="$(SWIFT)" bash tests-browser/run.sh

## Compare Gazette's topics with scikit-learn's NMF and k-means (installs scikit-learn in .venv/).
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
	rm -rf .build public

## Benchmark against Hugo on synthetic digests of 1k, 10k and 100k papers (installs Hugo from Debian).
bench: build
	@command -v hugo >/dev/null || { if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; $$SUDO apt-get install -y -qq hugo; }
	python3 scripts/bench.py $(BENCH_ARGS)
