/// Why a sign-in through the OpenID Provider failed. The reason is for the log (it never holds a
/// code, a token or a secret); the person sees a Dutch page chosen by the case.
enum OpenIDError: Error, Sendable, Equatable {
    /// The provider could not be reached, or answered with a server error or with something that is
    /// not an OpenID Provider's answer.
    case providerUnavailable(reason: String)
    /// The token endpoint refused the code (unknown or used code, wrong code verifier, wrong client).
    case codeRefused(reason: String)
    /// The ID token is not one to trust: signature, issuer, audience, time or nonce.
    case invalidIDToken(reason: String)
}
