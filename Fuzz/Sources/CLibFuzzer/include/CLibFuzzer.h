// libFuzzer's driver, linked in by `-sanitize=fuzzer`. SwiftPM gives each executable its own `main`,
// so libFuzzer's is not used: the targets' main.swift calls the driver with their entry point.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
