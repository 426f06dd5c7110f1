// The Ed25519 `cosignature/v1` signed message and signature layout (C2SP tlog-cosignature).

/// Encoding rules of timestamped Ed25519 cosignatures (signature type 0x04).
public enum CosignatureV1 {
    /// Timestamp (8) ‖ Ed25519 signature (64): the signature after the key ID.
    public static let signatureSize = 72
    /// Key ID (4) ‖ timestamp (8) ‖ Ed25519 signature (64): the decoded base64 of a signature line.
    public static let payloadSize = 76
    /// C2SP tlog-cosignature §"Format": the timestamp "MUST NOT exceed 2^63 - 1".
    public static let maxTimestamp = UInt64(Int64.max)

    /// The bytes an Ed25519 cosigner signs: `cosignature/v1\n`, `time <timestamp>\n`, then the
    /// checkpoint's note text with its final newline and without signature lines
    /// (C2SP tlog-cosignature §"Ed25519 signed message"; decimal with no leading zeros).
    public static func message(checkpointText: some Collection<UInt8>, timestamp: UInt64) -> [UInt8] {
        var out = Array("cosignature/v1\ntime \(timestamp)\n".utf8)
        out.append(contentsOf: checkpointText)
        return out
    }

    /// The timestamp of a cosignature payload (key ID ‖ timestamp ‖ signature, 76 bytes);
    /// `nil` for any other length, such as a 68-byte plain Ed25519 note signature.
    public static func timestamp(fromPayload payload: some Collection<UInt8>) -> UInt64? {
        let bytes = Array(payload)
        guard bytes.count == payloadSize else { return nil }
        return readTimestamp(bytes[4...])
    }

    /// Reads the big-endian u64 at the start of `bytes` (RFC 8446 §3.3 byte order).
    static func readTimestamp(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    static func timestampBytes(_ t: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(t >> (56 - 8 * UInt64($0)) & 0xff) }
    }
}
