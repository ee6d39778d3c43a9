// libFuzzer's driver entry point (compiler-rt, linked by -sanitize=fuzzer). The fuzz targets
// call it from their own main, so that SwiftPM's executable entry point stays in charge.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
