/// The gender breakdown of a value, as SCB and Kolada write it.
public enum Gender: String, CaseIterable, Sendable, Codable, Comparable {
    case total = "T"
    case women = "K"
    case men = "M"

    /// Reads `T`, `K`, `M` and the words SCB and Kolada use (`totalt`, `kvinnor`, `män`, English too).
    public init?(parsing text: String) {
        // Most files write the one-letter codes: no lowercased copy for those.
        switch text {
        case "T": self = .total; return
        case "K": self = .women; return
        case "M": self = .men; return
        default: break
        }
        switch text.trimmingWhitespace().lowercased() {
        case "", "t", "tot", "total", "totalt", "alla", "all", "båda könen", "both": self = .total
        case "k", "kvinnor", "kvinna", "f", "female", "women", "woman": self = .women
        case "m", "män", "man", "male", "men": self = .men
        default: return nil
        }
    }

    public static func < (lhs: Gender, rhs: Gender) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
