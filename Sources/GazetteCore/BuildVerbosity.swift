import Foundation

/// How much `gazette build` says: the command line picks one, the lines come from here.
public enum BuildVerbosity: Sendable, Equatable {
    /// Errors only.
    case quiet
    /// Warnings and the summary line: CI logs and pipes.
    case summary
    /// Also one line per stage with its counts: an interactive terminal.
    case progress
    /// Also each stage's time.
    case verbose

    /// `--quiet` and `--verbose` win; otherwise stage lines only when stderr is a terminal and `CI` is not set.
    public static func choose(quiet: Bool, verbose: Bool, stderrIsTerminal: Bool, environment: [String: String]) -> BuildVerbosity {
        if quiet { return .quiet }
        if verbose { return .verbose }
        let ci = environment["CI"].map { !$0.isEmpty && $0 != "0" && $0.lowercased() != "false" } ?? false
        return stderrIsTerminal && !ci ? .progress : .summary
    }

    /// The line shown when a stage finishes, or nil when this verbosity shows none.
    public func line(for progress: BuildProgress) -> String? {
        let stage = progress.stage.padding(toLength: 10, withPad: " ", startingAt: 0)
        switch self {
        case .quiet, .summary: return nil
        case .progress: return "  \(stage) \(progress.detail)"
        case .verbose: return "  \(stage) \(progress.detail) (\(String(format: "%.3f", progress.seconds)) s)"
        }
    }

    /// Whether warnings and the summary line are printed.
    public var showsSummary: Bool { self != .quiet }
}
