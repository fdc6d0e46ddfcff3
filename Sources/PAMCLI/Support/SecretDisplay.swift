import PAMCore

extension PAMError {
    /// `show` and `secret` refuse to write a secret that is not plain text to a terminal.
    static let controlCharactersInSecret = PAMError(
        .usage,
        "the secret holds terminal control characters or bytes that are not UTF-8 text; not writing it to a terminal (pipe or redirect it, or use --raw)"
    )
}
