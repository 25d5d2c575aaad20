# The README's two commands. Each one alone installs what is missing, configures,
# builds, and then runs the main job (`make run`) or the tests (`make test`).
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
LOGINTEST := $(BUILD_DIR)/cli/logintest

.PHONY: run test tidy sizes sanitize deps build bench bench-deps format clean

run: build
	$(LOGINTEST) check --junit $(BUILD_DIR)/results/junit.xml --json $(BUILD_DIR)/results/run.json

# Every test, clang-tidy, the function-size rule, the sanitizer runs and the fuzz runs
# included (tests/tooling/, tests/fuzz/). ctest's summary is the last thing it prints.
test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The analysers alone.
tidy: build
	JOBS=$(JOBS) tests/tooling/clang_tidy.sh $(BUILD_DIR)

sizes: deps
	tests/tooling/function_sizes.sh

# The sanitizer runs alone: ASan+UBSan over the whole suite, TSan over the load engine and
# the mock (the folders $(BUILD_DIR)/sanitize-*, tests/tooling/sanitize.sh).
sanitize: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) -R '^sanitize[.]'

deps:
	@./scripts/install-deps.sh

$(BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) -j $(JOBS)

bench-deps:
	@./scripts/install-deps.sh --bench

bench: bench-deps build
	./bench/run_micro.sh $(BUILD_DIR)

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf $(BUILD_DIR)
