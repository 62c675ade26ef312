import Foundation

/// Why `gazette build` refuses an output directory: replacing it would destroy something else.
public enum OutputDirectoryError: Error, Equatable, CustomStringConvertible {
    case refused(output: String, reason: String)

    public var description: String {
        switch self {
        case let .refused(output, reason):
            return "build: refusing to write the site to \"\(output)\": \(reason); choose a dedicated directory such as --output public"
        }
    }
}

extension BuildOptions {
    /// Throws when the output directory is `/`, the home directory, or the content or templates
    /// directory or one of their parents: the build replaces the output as a whole.
    public func validateOutputDirectory(home: String = NSHomeDirectory()) throws {
        let output = Self.canonicalPath(outputDirectory)
        func refuse(_ reason: String) -> OutputDirectoryError { .refused(output: outputDirectory, reason: reason) }
        if outputDirectory.trimmingCharacters(in: .whitespaces).isEmpty { throw refuse("the path is empty") }
        if output == "/" { throw refuse("it is the root directory") }
        if !home.isEmpty, output == Self.canonicalPath(home) { throw refuse("it is the home directory") }
        for (label, directory) in [("content", contentDirectory), ("templates", templatesDirectory)] {
            let inner = Self.canonicalPath(directory)
            if inner == output { throw refuse("it is the \(label) directory") }
            if inner.hasPrefix(output.hasSuffix("/") ? output : output + "/") { throw refuse("it holds the \(label) directory") }
        }
    }

    /// An absolute path with `.`, `..` and symbolic links resolved as far as the path exists.
    static func canonicalPath(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        // Resolve links in the longest existing prefix, then re-append the parts not yet created.
        var existing = absolute
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            missing.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var resolved = existing.resolvingSymlinksInPath()
        for part in missing { resolved.appendPathComponent(part) }
        let result = resolved.standardizedFileURL.path
        return result.count > 1 && result.hasSuffix("/") ? String(result.dropLast()) : result
    }
}
