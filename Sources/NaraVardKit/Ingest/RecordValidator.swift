/// Applies design.md's value rules to one raw record: known indicator and area, a period that fits
/// the indicator's frequency, numbers that are numbers, value = factor × numerator / denominator.
final class RecordValidator {
    enum Outcome {
        /// A valid record; `valueTolerance` is half a unit of the last written decimal of a value given without
        /// counts (nil when counts were given), for the correction rule.
        case accepted(Observation, valueTolerance: Double? = nil)
        /// The area is outside the geography and `--ignore-unknown-areas` was given.
        case ignored
        case rejected([String])
    }

    /// What the checks need of an indicator: small enough to copy per row without reference counting.
    struct Rules {
        let id: String
        let unit: IndicatorUnit
        let frequency: Frequency

        init(_ indicator: Indicator) {
            id = indicator.id
            unit = indicator.unit
            frequency = indicator.frequency
        }
    }

    let indicators: [String: Rules]
    let areas: AreaResolver
    let ignoreUnknownAreas: Bool
    /// Files repeat the same few indicator, area and period texts: each is resolved once.
    private var indicatorCache = TextCache<Rules?>()
    private var areaCache = TextCache<String?>()
    private var periodCache = TextCache<Result<Period, Period.ParseError>>()

    init(indicators: [String: Indicator], areas: AreaResolver, ignoreUnknownAreas: Bool) {
        self.indicators = indicators.mapValues(Rules.init)
        self.areas = areas
        self.ignoreUnknownAreas = ignoreUnknownAreas
    }

    private func resolveArea(_ text: String) -> String? {
        areaCache.value(for: text) { areas.resolve($0) }
    }

    private func parsePeriod(_ text: String) -> Result<Period, Period.ParseError> {
        periodCache.value(for: text) { text in Result { () throws(Period.ParseError) in try Period(parsing: text) } }
    }

    func validate(_ raw: RawRecord) -> Outcome {
        // A row that does not fit its header is misread in every field after the misfit: nothing else is said.
        if let shape = raw.shapeProblem { return .rejected([shape]) }
        var problems: [String] = []
        let indicator = indicatorCache.value(for: raw.indicator) { indicators[$0.trimmingWhitespace()] }
        if indicator == nil {
            problems.append(raw.indicator.trimmingWhitespace().isEmpty
                ? "the indicator is empty" : "unknown indicator '\(raw.indicator)'")
        }
        let area = resolveArea(raw.area)
        if area == nil {
            if ignoreUnknownAreas, !raw.area.trimmingWhitespace().isEmpty { return .ignored }
            if raw.area.trimmingWhitespace().isEmpty {
                problems.append("the area is empty")
            } else if let near = areas.suggestion(for: raw.area) {
                problems.append("unknown area '\(raw.area)': did you mean '\(near)'?")
            } else {
                problems.append("unknown area '\(raw.area)' (not in the geography; --ignore-unknown-areas skips such rows)")
            }
        }
        var period: Period?
        switch parsePeriod(raw.period) {
        case .success(let parsed): period = parsed
        case .failure(let error): problems.append(error.description)
        }
        if let indicator, let period, period.kind != indicator.frequency.periodKind {
            problems.append("period \(period) is a \(period.kind.rawValue) but \(indicator.id) is reported per \(indicator.frequency.rawValue)")
        }
        let gender = Gender(parsing: raw.gender ?? "")
        if gender == nil { problems.append("unknown gender '\(raw.gender ?? "")' (use T, K or M)") }
        var status = Observation.Status.reported
        switch raw.status?.trimmingWhitespace().lowercased() ?? "" {
        case "", "reported", "rapporterad", "ok": break
        case "missing", "saknas", "..": status = .missing
        case "suppressed_at_source", "skyddad", "prickad": status = .suppressedAtSource
        default: problems.append("unknown status '\(raw.status!)' (use reported, missing or suppressed_at_source, or leave it empty)")
        }

        var withheld = false
        func number(_ text: String?, _ name: String) -> NumberText? {
            guard var text, !NumberText.isMissingMarker(text) else { return nil }
            if NumberText.isSuppressionMarker(text) {
                withheld = true
                return nil
            }
            if !NumberText.endsWithDigit(text), text.trimmingWhitespace().hasSuffix("%") {
                // "29,4 %" is a percent written out; on any other unit the sign would change the number's meaning.
                guard name == "value", indicator?.unit == .percent else {
                    problems.append("\(name): '\(text)' has a percent sign but \(indicator.map { "\($0.id) is in \($0.unit.rawValue)" } ?? "is not a percent")")
                    return nil
                }
                text = String(text.trimmingWhitespace().dropLast())
            }
            do {
                return try NumberText(parsing: text)
            } catch {
                problems.append("\(name): \(error.reason)")
                return nil
            }
        }
        let value = number(raw.value, "value")
        let numerator = number(raw.numerator, "numerator")
        let denominator = number(raw.denominator, "denominator")
        guard let indicator, let area, let period, let gender, problems.isEmpty else { return .rejected(problems) }
        if withheld || status == .suppressedAtSource {
            // Withheld by the source: no value and no numerator; a denominator given beside it is kept.
            guard value == nil, numerator == nil else {
                return .rejected(["the row is withheld at source (<5, x, * or status suppressed_at_source) but also gives a number"])
            }
            if let denominator, denominator.value < 0 { return .rejected(["the denominator \(denominator.value.plain) is negative: counts cannot be negative"]) }
            return .accepted(Observation(
                indicator: indicator.id, area: area, period: period, gender: gender, value: nil,
                denominator: denominator?.value, status: .suppressedAtSource, note: raw.note.flatMap { $0.isEmpty ? nil : $0 }))
        }

        let checked = checkValue(indicator, value: value, numerator: numerator?.value, denominator: denominator?.value)
        switch checked {
        case .failure(let problem):
            return .rejected([problem.reason])
        case .success(let computed):
            let hasData = computed != nil || numerator != nil || denominator != nil
            if status == .missing, hasData {
                return .rejected(["status is missing but the row has numbers"])
            }
            let valueOnly = computed != nil && numerator == nil && denominator == nil
            return .accepted(Observation(
                indicator: indicator.id, area: area, period: period, gender: gender, value: computed,
                numerator: numerator?.value, denominator: denominator?.value,
                status: hasData ? .reported : .missing, note: raw.note.flatMap { $0.isEmpty ? nil : $0 }),
                valueTolerance: valueOnly ? value?.tolerance : nil)
        }
    }

    struct ValueProblem: Error { var reason: String }

    /// The value to store, from the value given and/or the counts; nil when missing or undefined.
    func checkValue(
        _ indicator: Rules, value: NumberText?, numerator: Double?, denominator: Double?
    ) -> Result<Double?, ValueProblem> {
        let unit = indicator.unit
        if let numerator, numerator < 0 { return .failure(.init(reason: "the numerator \(numerator.plain) is negative: counts cannot be negative")) }
        if let denominator, denominator < 0 { return .failure(.init(reason: "the denominator \(denominator.plain) is negative: counts cannot be negative")) }
        if let value, unit.isNonNegative, value.value < 0 {
            return .failure(.init(reason: "the value \(value.value.plain) is negative: \(indicator.id) is in \(unit.rawValue)"))
        }
        if !unit.hasDenominator {
            if unit == .count {
                for (number, name) in [(value?.value, "value"), (numerator, "numerator")] {
                    if let number, number != number.rounded() {
                        return .failure(.init(reason: "the \(name) \(number.plain) is not a whole number: \(indicator.id) is a count"))
                    }
                }
            }
            if denominator != nil { return .failure(.init(reason: "\(indicator.id) is a \(unit.rawValue) indicator: it has no denominator")) }
            if let numerator, let value, numerator != value.value {
                return .failure(.init(reason: "the value \(value.value.plain) differs from the numerator \(numerator.plain); for a \(unit.rawValue) indicator they are the same"))
            }
            return .success(value?.value ?? numerator)
        }
        // Persons and events are whole numbers; days and kronor may carry decimals.
        if unit != .days, unit != .sek {
            for (count, name) in [(numerator, "numerator"), (denominator, "denominator")] {
                if let count, count != count.rounded() {
                    return .failure(.init(reason: "the \(name) \(count.plain) is not a whole number: counts are whole numbers"))
                }
            }
        }
        if let numerator, denominator == 0, numerator != 0 {
            return .failure(.init(reason: "the denominator is 0 but the numerator is \(numerator.plain)"))
        }
        if unit == .percent {
            if let numerator, let denominator, numerator > denominator {
                return .failure(.init(reason: "the numerator \(numerator.plain) exceeds the denominator \(denominator.plain): a share cannot exceed 100 %"))
            }
            if let value, value.value > 100 {
                return .failure(.init(reason: "the value \(value.value.plain) exceeds 100 %"))
            }
        }
        switch (numerator, denominator) {
        case (nil, nil):
            return .success(value?.value)
        case (.some, nil):
            return .failure(.init(reason: "a numerator without a denominator: \(indicator.id) is \(unit.rawValue), give both counts or only the value"))
        case (nil, .some):
            return .failure(.init(reason: "a denominator without a numerator: \(indicator.id) is \(unit.rawValue), give both counts or only the value"))
        case (.some(let numerator), .some(let denominator)):
            if denominator == 0 {
                if value != nil {
                    return .failure(.init(reason: "the denominator is 0, so the value is undefined; leave the value empty"))
                }
                return .success(nil)
            }
            let computed = unit.factor * numerator / denominator
            guard let value else { return .success(computed) }
            if abs(value.value - computed) > value.tolerance * (1 + 1e-9) {
                return .failure(.init(reason: "the value \(value.value.plain) does not agree with \(unit.factor.plain) × \(numerator.plain) / \(denominator.plain) = \(computed.rounded(toDecimals: value.decimals + 2).plain)"))
            }
            return .success(value.value)
        }
    }
}

extension Double {
    func rounded(toDecimals decimals: Int) -> Double {
        let scale = pow10(decimals)
        return (self * scale).rounded() / scale
    }
}

/// The answers for texts already seen; rows come grouped, so the text of the row before is checked first.
private struct TextCache<Value> {
    private var answers: [String: Value] = [:]
    private var last: (text: String, answer: Value)?

    mutating func value(for text: String, _ resolve: (String) -> Value) -> Value {
        if let last, last.text == text { return last.answer }
        let answer: Value
        if let known = answers[text] {
            answer = known
        } else {
            answer = resolve(text)
            answers[text] = answer
        }
        last = (text, answer)
        return answer
    }
}
