/// The Making Data Count assurance icon: is the target reliably met?
public enum AssuranceIcon: String, Sendable, Codable {
    case consistentPass = "consistent_pass"
    case consistentFail = "consistent_fail"
    case inconsistent

    /// Compares the target with the process limits (strictly, as NHSRplotthedots); `nil` for a neutral indicator.
    package init?(target: Double, limits: ControlLimits, better: Better) {
        switch better {
        case .neutral: return nil
        case .higher:
            self = target > limits.ucl ? .consistentFail : (target < limits.lcl ? .consistentPass : .inconsistent)
        case .lower:
            self = target > limits.ucl ? .consistentPass : (target < limits.lcl ? .consistentFail : .inconsistent)
        }
    }
}
