import CLibFuzzer
import Foundation

// libFuzzer runs `fuzzFrontMatter` on every input it makes, with its usual command line (corpus folders, -max_total_time=…).
// Two variables: passing two parts of one tuple inout at once is an exclusivity violation.
var argumentCount = CommandLine.argc
var argumentValues = Optional(CommandLine.unsafeArgv)
exit(LLVMFuzzerRunDriver(&argumentCount, &argumentValues) { bytes, count in
    fuzzFrontMatter(bytes.map { UnsafeBufferPointer(start: $0, count: count) } ?? UnsafeBufferPointer(start: nil, count: 0))
})
