import Foundation

/// Work started on another thread when made and joined later: its value, or the error it threw.
/// `inline: true` does the work at once on the calling thread instead (a build asked for one worker).
final class BackgroundWork<T>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once by the work's thread before `leave`, read only after `wait`.
    private var result: Result<T, Error>?

    init(inline: Bool = false, _ work: @escaping () throws -> T) {
        if inline {
            result = Result { try work() }
            return
        }
        group.enter()
        DispatchQueue.global().async {
            self.result = Result { try work() }
            self.group.leave()
        }
    }

    /// Returns once the work has ended.
    func wait() { group.wait() }

    /// The work's value, once it has ended; rethrows its error.
    func value() throws -> T {
        wait()
        return try result!.get()
    }
}
