import Foundation

/// The one text form of times in the store: ISO 8601, UTC, milliseconds
/// (`2026-11-26T23:30:00.000Z`), which sorts as text and reads well in SQL.
enum Timestamp {
    /// Formats a date.
    static func format(_ date: Date) -> String {
        let ms = (date.timeIntervalSince1970 * 1000).rounded()
        let whole = Date(timeIntervalSince1970: (ms / 1000).rounded(.down))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
        let millis = Int(ms.truncatingRemainder(dividingBy: 1000) + 1000) % 1000
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", c.year!, c.month!, c.day!,
                      c.hour!, c.minute!, c.second!, millis)
    }

    /// Parses a stored timestamp, or a user-given `YYYY-MM-DD` / `YYYY-MM-DDTHH:MM:SS[Z]`.
    static func parse(_ text: String) -> Date? {
        let s = text.trimmingCharacters(in: .whitespaces)
        let parts = s.split(whereSeparator: { "-T:.Z ".contains($0) }).map(String.init)
        guard parts.count >= 3, parts.allSatisfy({ Int($0) != nil }) else { return nil }
        let n = parts.map { Int($0)! }
        var c = DateComponents()
        c.year = n[0]; c.month = n[1]; c.day = n[2]
        c.hour = n.count > 3 ? n[3] : 0
        c.minute = n.count > 4 ? n[4] : 0
        c.second = n.count > 5 ? n[5] : 0
        guard (1...12).contains(c.month!), (1...31).contains(c.day!) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: c) else { return nil }
        let millis = n.count > 6 ? Double(parts[6].prefix(3).padding(toLength: 3, withPad: "0", startingAt: 0))! : 0
        return date.addingTimeInterval(millis / 1000)
    }
}

/// Parses the dates users give on the command line (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS[Z]`, UTC).
public enum RunDateParser {
    /// The date, or nil when the text is not one.
    public static func parse(_ text: String) -> Date? { Timestamp.parse(text) }
}
