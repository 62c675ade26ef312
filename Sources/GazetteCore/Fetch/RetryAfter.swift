import Foundation

/// The seconds a `Retry-After` header asks for: a number of seconds, or an HTTP date (RFC 9110)
/// measured from `now`; a date in the past means 0. Nil when the value is neither.
public func retryAfterSeconds(_ value: String, now: Date) -> Double? {
    let text = value.trimmingCharacters(in: .whitespaces)
    if let seconds = Int(text) { return seconds >= 0 ? Double(seconds) : nil }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    // IMF-fixdate first; RFC 850 and asctime are the obsolete forms servers may still send.
    for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
        formatter.dateFormat = format
        if let date = formatter.date(from: text) { return max(0, date.timeIntervalSince(now)) }
    }
    return nil
}
