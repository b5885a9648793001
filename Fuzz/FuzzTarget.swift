import Foundation
import NaraVardKit

/// libFuzzer's entry point: every input goes through ``FuzzEntry/parse(_:)``. Built only by `scripts/fuzz`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzEntry.parse(Data(bytes: bytes, count: count))
    return 0
}
