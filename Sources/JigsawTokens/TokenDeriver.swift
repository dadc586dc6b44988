public import JigsawCrypto
public import JigsawIdentifiers

/// Turns canonical identifier values of one domain into tokens:
/// `lowercase_hex(HMAC-SHA256(subkey("token", context), UTF-8(domain + ":" + canonical)))[0..<2·tokenBytes]`.
///
/// Keyed once; each value then costs one copy of a keyed SHA-256 state. Not `Sendable`: make one per
/// task from the shared ``DerivedKeys``.
public final class TokenDeriver {
    /// The domain, e.g. `nhs-number`.
    public let domain: String
    /// How values of the domain are validated and canonicalised.
    public let scheme: IdentifierScheme
    /// Token length in bytes (16...32); the token has twice as many hex digits.
    public let tokenBytes: Int
    private let mac: HMACSHA256

    /// The full token length in bytes.
    public static let fullTokenBytes = 32
    /// The shortest token allowed, in bytes (128 bits).
    public static let minimumTokenBytes = 16

    /// Keys a deriver for `domain`.
    /// - Parameters:
    ///   - domain: a domain name (`[a-z0-9-]+`).
    ///   - tokenSubkey: the `token` subkey from ``DerivedKeys/subkey(_:)``.
    ///   - tokenBytes: the token length in bytes, 16...32.
    public init(domain: String, tokenSubkey: SecretBytes, tokenBytes: Int = fullTokenBytes) {
        precondition(IdentifierScheme.isValidDomainName(domain), "invalid token domain name")
        precondition((Self.minimumTokenBytes...Self.fullTokenBytes).contains(tokenBytes), "token length out of range")
        self.domain = domain
        self.scheme = IdentifierScheme(domain: domain)
        self.tokenBytes = tokenBytes
        self.mac = HMACSHA256(key: tokenSubkey)
        mac.absorbPrefix(Array((domain + ":").utf8))
    }

    /// Writes the token of an already canonical value as `2 × tokenBytes` hex digits into `output`.
    /// - Parameters:
    ///   - canonical: the canonical value's bytes.
    ///   - output: at least `2 × tokenBytes` writable bytes.
    /// - Complexity: O(*n*) in the value's length; no allocation.
    public func writeToken(canonical: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) {
        withUnsafeTemporaryAllocation(byteCount: HMACSHA256.byteCount, alignment: 16) { digest in
            mac.authenticate(canonical, into: digest)
            Hex.write(UnsafeRawBufferPointer(rebasing: digest[0..<tokenBytes]), into: output)
        }
    }

    /// Validates, canonicalises and tokenises a value given as a `String` (for tools and tests).
    /// - Parameter value: the raw value.
    /// - Returns: the token, or `nil` with the check's outcome when the value is blank or invalid.
    public func token(for value: String) -> (token: String?, check: IdentifierCheck) {
        var raw = Array(value.utf8)
        defer { for i in raw.indices { raw[i] = 0 } }
        var canonical = [UInt8](repeating: 0, count: Swift.max(raw.count, 16))
        var hex = [UInt8](repeating: 0, count: 2 * tokenBytes)
        let check = raw.withUnsafeBytes { r in canonical.withUnsafeMutableBytes { scheme.canonicalise(r, into: $0) } }
        guard case .valid(let length, _) = check else { return (nil, check) }
        canonical.withUnsafeBytes { c in
            hex.withUnsafeMutableBytes { writeToken(canonical: UnsafeRawBufferPointer(rebasing: c[0..<length]), into: $0) }
        }
        return (String(decoding: hex, as: UTF8.self), check)
    }
}
