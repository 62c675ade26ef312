/// How Gazette introduces itself to the services it fetches from, so their operators can reach us.
public enum UserAgent {
    /// Gazette's version, sent in the User-Agent.
    public static let version = "0.1.0"
    /// Where the project lives; replace the placeholder with the repository's URL when publishing.
    public static let repositoryURL = "https://github.com/OWNER/gazette"
    /// `Gazette/0.1.0 (+https://github.com/OWNER/gazette)`.
    public static let value = "Gazette/\(version) (+\(repositoryURL))"
}
