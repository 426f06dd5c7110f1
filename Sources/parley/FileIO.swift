// Small file and stream helpers for the tool: secret files are created with mode 0600 and never
// overwritten silently; standard input is read as bytes, exactly.
import Foundation

enum FileIO {
    /// Creates `path` with mode 0600 and writes `text`; refuses to replace an existing file unless
    /// `replace` is set, so a signing key is never lost by a repeated command.
    static func writeSecret(_ text: String, to path: String, replace: Bool) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            guard replace else {
                throw CLIError("\(path) already exists; choose another file or pass --force to replace it")
            }
            try fm.removeItem(atPath: path)
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw CLIError("cannot create \(path): \(String(cString: strerror(errno)))") }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.synchronize()
    }

    /// The whole of standard input.
    static func readStandardInput() throws -> [UInt8] {
        Array(try FileHandle.standardInput.readToEnd() ?? Data())
    }

    /// A file's bytes, with an error that names the file.
    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read \(path): no such file, or not readable")
        }
        return Array(data)
    }

    /// A key file holds one line of key text; its final newline is not part of the key.
    static func readKeyText(_ path: String) throws -> String {
        var text = String(decoding: try read(path), as: UTF8.self)
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        return text
    }

    static func writeStandardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
