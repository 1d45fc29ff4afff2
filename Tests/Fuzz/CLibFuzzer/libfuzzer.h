// libFuzzer's documented entry for programs that keep their own main (compiler-rt's
// FuzzerInterface.h); the fuzz build links libclang_rt.fuzzer_no_main, the normal build never calls it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
