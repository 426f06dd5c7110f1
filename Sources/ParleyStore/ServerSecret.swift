// The server secret: 32 random bytes in a file beside the server key (mode 0600), created on
// first start. It keys the HMAC that every password passes through before bcrypt, so a copy of
// the database alone cannot be attacked offline; losing it means every password must be reset.
import Foundation

public enum ServerSecret {
    public static func defaultPath(for location: DatabaseLocation) -> String {
        let key = ServerKey.defaultPath(for: location)
        return (key as NSString).deletingLastPathComponent.isEmpty
            ? "parley.secret"
            : ((key as NSString).deletingLastPathComponent as NSString).appendingPathComponent("parley.secret")
    }

    /// Reads the secret at `path`, or creates a new random one there if no file exists.
    public static func loadOrCreate(path: String) throws -> [UInt8] {
        if FileManager.default.fileExists(atPath: path) { return try load(path: path) }
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = generator.next() }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw StoreError.serverKey("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(Data(bytes).base64EncodedString().utf8 + [0x0a]))
            try handle.synchronize()
        } catch {
            throw StoreError.serverKey("cannot write \(path): \(error)")
        }
        return bytes
    }

    public static func load(path: String) throws -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw StoreError.serverKey("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw StoreError.serverKey("\(path) can be read by other users; run `chmod 600 \(path)`")
        }
        guard let data = FileManager.default.contents(atPath: path),
            let bytes = Data(
                base64Encoded: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            ),
            bytes.count >= 32
        else {
            throw StoreError.serverKey("\(path) holds no server secret (base64 of at least 32 bytes)")
        }
        return Array(bytes)
    }
}
