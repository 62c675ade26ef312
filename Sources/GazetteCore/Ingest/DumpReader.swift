import Foundation

/// Reads one dump file: picks its format (forced by a `formats:` rule of `site.yml`, else by
/// content), parses it and applies the no-junk rules. The name is the file name without
/// its extension.
public func readDump(path: String, rules: [FormatRule]) throws -> (Dump, [Diagnostic]) {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw IngestError.unreadable(file: path, reason: "permission denied or not a regular file")
    }
    let bytes = Array(data)
    let fileName = (path as NSString).lastPathComponent
    let format = DumpFormats.choose(for: bytes, fileName: fileName, rules: rules)
    let (dump, notes) = try format.parse(bytes, name: dumpName(fileName), path: path)
    let (screened, screening) = try screenEntries(dump, path: path)
    return (screened, notes + screening)
}

/// The dump files of a folder that Gazette reads, sorted by name (hidden files left out).
public func dumpFiles(in directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
        .filter { !$0.hasPrefix(".") && DumpFormats.extensions.contains(DumpFormats.fileExtension($0)) }
        .sorted()
}

/// The issue name of a dump file: its name without the extension.
func dumpName(_ fileName: String) -> String {
    (fileName as NSString).deletingPathExtension
}

/// An error for the first two files in `files` (sorted) that would be the same issue.
func duplicateDumpNames(_ files: [String], directory: String) -> IngestError? {
    var seen: [String: String] = [:]
    for file in files {
        let name = dumpName(file)
        if let other = seen[name] {
            return .duplicateDumpName(file: (directory as NSString).appendingPathComponent(file), other: other, name: name)
        }
        seen[name] = file
    }
    return nil
}
