import Foundation

/// Why `gazette new` cannot create a digest.
public enum ScaffoldError: Error, Equatable, CustomStringConvertible {
    case notEmpty(String)
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .notEmpty(path): return "new: \(path): the folder exists and is not empty; choose a new folder name"
        case let .unwritable(path, reason): return "new: \(path): cannot write: \(reason)"
        }
    }
}

/// Creates a new digest in `directory`: `content/` (site.yml, a sample dump, pages/about.md),
/// `templates/` (a copy of the default theme, embedded in the binary so nothing else is needed)
/// and a `.gitignore` for `public/`. Returns the files written, relative to `directory`, sorted.
public func scaffoldSite(at directory: String) throws -> [String] {
    let fm = FileManager.default
    if let existing = try? fm.contentsOfDirectory(atPath: directory), !existing.isEmpty {
        throw ScaffoldError.notEmpty(directory)
    }
    var files: [(String, String)] = EmbeddedScaffold.content.map { ("content/" + $0.path, $0.text) }
    files += EmbeddedScaffold.templates.map { ("templates/" + $0.path, $0.text) }
    files.append((".gitignore", "/public/\n"))
    for (relative, text) in files {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(relative)
        do {
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        } catch {
            throw ScaffoldError.unwritable(path: url.path, reason: error.localizedDescription)
        }
    }
    return files.map(\.0).sorted()
}
