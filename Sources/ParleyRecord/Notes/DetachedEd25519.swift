// Detached Ed25519 signatures (RFC 8032 §5.1) over whole documents, as `parley text sign` makes
// them over an adopted text's canonical form: the key is a C2SP signed-note Ed25519 key made
// with `parley key generate`, used here on raw bytes rather than on a note text.
import Crypto

public enum DetachedEd25519 {
    /// Lower-case hex SHA-256 (FIPS 180-4) of `bytes`.
    public static func sha256Hex(_ bytes: some Collection<UInt8>) -> String {
        HexCoding.encode(SHA256.hash(data: Array(bytes)))
    }

    /// The signer's 32-byte public key and its 64-byte signature of `message`.
    public static func sign(_ message: some Collection<UInt8>, with signer: NoteSigner) -> (
        publicKey: [UInt8], signature: [UInt8]
    ) {
        (signer.verifier.publicKey, signer.sign(message))
    }

    /// Whether `signature` is a valid Ed25519 signature of `message` by `publicKey`.
    public static func verify(
        signature: some Collection<UInt8>,
        publicKey: some Collection<UInt8>,
        message: some Collection<UInt8>
    ) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: Array(publicKey)) else { return false }
        return key.isValidSignature(Array(signature), for: Array(message))
    }
}
