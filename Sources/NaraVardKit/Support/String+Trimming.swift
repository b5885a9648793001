extension StringProtocol {
    /// The text without leading and trailing spaces, tabs, line breaks and no-break spaces.
    func trimmingWhitespace() -> String {
        // Most texts start and end with a visible ASCII character: nothing to trim.
        let string = String(self)
        if let first = string.utf8.first, let last = string.utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) {
            return string
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
