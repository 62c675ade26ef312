/// A theme that cannot be used; each case names the template file.
public enum TemplateError: Error, Equatable, CustomStringConvertible {
    case missingDirectory(String)
    case missing(file: String)
    case syntax(file: String, line: Int, column: Int, message: String)

    public var description: String {
        switch self {
        case let .missingDirectory(path):
            return "render: \(path): no templates directory here (pass --templates DIR with layout.mustache and the page templates)"
        case let .missing(file):
            return "render: \(file): template is missing; every theme needs it"
        case let .syntax(file, line, column, message):
            return "render: \(file):\(line):\(column): template error: \(message)"
        }
    }
}
