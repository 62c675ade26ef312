import ArgumentParser
import Foundation
import GazetteCore

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new digest: content folders, a sample dump, site.yml and the default theme.",
        discussion: """
        Writes DIR/content/site.yml, DIR/content/dumps/ (one sample dump), DIR/content/pages/about.md,
        DIR/templates/ (a copy of the default theme, carried inside the gazette binary) and
        DIR/.gitignore. The new digest builds at once.
        Example: gazette new my-digest && cd my-digest && gazette build
        """
    )

    @Argument(help: "Folder to create; it must not exist or be empty (example: my-digest).")
    var directory: String

    func run() throws {
        let files: [String]
        do { files = try scaffoldSite(at: directory) } catch { throw fail(error) }
        print("gazette: created \(directory) with \(files.count) files. Next:")
        print("  cd \(directory)")
        print("  gazette serve      # build, open http://127.0.0.1:1313/ and edit content/")
        print("  gazette build      # write the site to public/")
    }
}
