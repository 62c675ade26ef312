import ArgumentParser

struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download listings into content/dumps/: Hugging Face Daily Papers (hf) or an arXiv query (arxiv).",
        discussion: """
        Requests name Gazette in their User-Agent, time out, and are retried with backoff on 429 and \
        5xx answers (honouring Retry-After). Files are written whole or not at all, and files already \
        there are kept unless --force.

        Examples:
          gazette fetch hf                  # yesterday's Daily Papers (UTC)
          gazette fetch hf --date 2025-08-07
          gazette fetch hf --week           # the missing days of the past 7
          gazette fetch arxiv --query 'cat:cs.CL' --max 2000
        """,
        subcommands: [FetchHFCommand.self, FetchArxivCommand.self]
    )
}
