import NastavnikCore

/// «1.3. Рабочие совещания»: an activity with its number, however the number is punctuated.
public enum ActivityLabel {
    /// The label: the number, a dot unless it ends in one, and the activity; the activity alone without a number.
    public static func text(number: String?, activity: String) -> String {
        guard let number = number.map(CellValue.trimmed), !number.isEmpty else { return activity }
        return number.hasSuffix(".") ? "\(number) \(activity)" : "\(number). \(activity)"
    }
}
