import CLibFuzzer
import Foundation

// libFuzzer runs `fuzzMarkdown` on every input it makes, with its usual command line (corpus folders, -max_total_time=…).
var arguments = (count: CommandLine.argc, values: Optional(CommandLine.unsafeArgv))
exit(LLVMFuzzerRunDriver(&arguments.count, &arguments.values) { bytes, count in
    fuzzMarkdown(bytes.map { UnsafeBufferPointer(start: $0, count: count) } ?? UnsafeBufferPointer(start: nil, count: 0))
})
