// The server's Ed25519 checkpoint key: a file beside the database, created on first start with
// mode 0600 and never replaced, because every checkpoint a party kept is checked against it.
import Foundation
public import ParleyRecord

public enum ServerKey {
    /// The default key file for a database: `parley.key` beside an SQLite file, or in the working
    /// directory for PostgreSQL.
    public static func defaultPath(for location: DatabaseLocation) -> String {
        switch location {
        case .sqlite(let path):
            let dir = (path as NSString).deletingLastPathComponent
            return dir.isEmpty ? "parley.key" : (dir as NSString).appendingPathComponent("parley.key")
        case .postgres: return "parley.key"
        }
    }

    /// Reads the key at `path`, or creates one named `name` there if no file exists.
    public static func loadOrCreate(path: String, name: String) throws -> NoteSigner {
        if FileManager.default.fileExists(atPath: path) { return try load(path: path) }
        let signer: NoteSigner
        do {
            signer = try NoteSigner.generate(name: name)
        } catch {
            throw StoreError.serverKey("cannot make a key named '\(name)': \(error)")
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw StoreError.serverKey("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data((signer.text + "\n").utf8))
            try handle.synchronize()
        } catch {
            throw StoreError.serverKey("cannot write \(path): \(error)")
        }
        return signer
    }

    public static func load(path: String) throws -> NoteSigner {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw StoreError.serverKey("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw StoreError.serverKey("\(path) can be read by other users; run `chmod 600 \(path)`")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.serverKey("cannot read \(path)")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            return try NoteSigner(text: text)
        } catch {
            throw StoreError.serverKey("\(path) holds no valid signer key: \(error)")
        }
    }
}
