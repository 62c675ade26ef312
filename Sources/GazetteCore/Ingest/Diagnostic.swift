/// A warning or error tied to a place in the input, printed as `file:line: severity: message`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is: warnings keep the build going, errors stop it.
    public enum Severity: String, Sendable { case warning, error }

    public var severity: Severity
    public var file: String
    public var line: Int
    public var message: String
    /// A warning that `gazette check` fails on: the input holds something that is not a paper, or a
    /// paper without its abstract. A build goes on.
    public var failsCheck: Bool

    /// Creates a diagnostic for `file` at the 1-based `line` (0 when it concerns the whole file).
    public init(_ severity: Severity, file: String, line: Int, _ message: String, failsCheck: Bool = false) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.failsCheck = failsCheck
    }

    public var description: String {
        line > 0 ? "\(file):\(line): \(severity.rawValue): \(message)" : "\(file): \(severity.rawValue): \(message)"
    }
}
