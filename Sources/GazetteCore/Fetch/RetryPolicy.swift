import Foundation

/// How often and how long to retry a request the server answered with 429 or 5xx.
public struct RetryPolicy: Equatable, Sendable {
    /// Requests in all, the first one included.
    public var maxAttempts: Int
    /// The wait after the first failure; it doubles after each further one.
    public var baseDelay: Double
    /// The longest wait Gazette accepts, in seconds; a longer Retry-After gives up instead.
    public var maxDelay: Double

    public init(maxAttempts: Int = 5, baseDelay: Double = 2, maxDelay: Double = 120) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Seconds to wait after failed attempt `attempt` (from 1): exponential backoff, or longer if the
    /// server asked for it with Retry-After.
    public func delay(afterAttempt attempt: Int, retryAfter: Double?) -> Double {
        let backoff = min(baseDelay * pow(2, Double(attempt - 1)), maxDelay)
        return max(backoff, retryAfter ?? 0)
    }
}
