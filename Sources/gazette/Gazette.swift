import ArgumentParser
import Foundation
import GazetteCore

@main
struct Gazette: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Turns text dumps of research-paper listings into a browsable static digest.",
        discussion: """
        Typical use, from a digest's folder:
          gazette new my-digest         # start a new digest
          gazette serve                 # build, serve on http://127.0.0.1:1313/ and reload on edits
          gazette check                 # report every problem, write nothing (CI, pre-commit)
          gazette build                 # content/ → public/
          gazette topics                # show the inferred topics without building
          gazette fetch hf              # download yesterday's Daily Papers into content/dumps/
        Run `gazette help COMMAND` for a command's options.
        """,
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self, TopicsCommand.self, FetchCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

/// Prints a failure the way users act on it: one line, no stack trace, non-zero exit.
func fail(_ error: Error) -> ExitCode {
    printError("error: \(error)")
    return ExitCode.failure
}

func printError(_ text: String) {
    var stderr = StandardError()
    print(text, to: &stderr)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
