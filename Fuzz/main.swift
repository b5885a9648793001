import Foundation
import NaraVardKit

// libFuzzer's driver, run over every input through FuzzEntry. Built only by scripts/fuzz, with
// -sanitize=fuzzer; SwiftPM names this file's entry point, so libFuzzer's own `main` is not used.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv) { bytes, count in
    FuzzEntry.parse(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
})
