// The server's log lines: `2026-12-06T17:15:02.123Z info parley.web: GET /x 200 key=value …` on
// standard error, one write(2) per line. swift-log's stock handler asks the C library for local
// time on every line, which reads the time-zone file each time: under load that was most of the
// cost of logging a request. UTC needs no time-zone file, and the seconds part is made once a
// second.
import Foundation
import Logging
import Synchronization

struct LineLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var line = LineLogHandler.timestamp()
        line += " \(event.level) \(label): \(event.message)"
        let merged = event.metadata.map { metadata.merging($0) { _, new in new } } ?? metadata
        for key in merged.keys.sorted() {
            line += " \(key)=\(merged[key].map { "\($0)" } ?? "")"
        }
        line += "\n"
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }

    /// The whole seconds of the last line, formatted, and the second they are for.
    private static let lastSecond = Mutex<(second: Int, text: String)>((-1, ""))

    static func timestamp(_ now: Date = Date()) -> String {
        let seconds = now.timeIntervalSince1970
        let whole = Int(seconds.rounded(.down))
        let millis = min(999, Int((seconds - Double(whole)) * 1000))
        let prefix = lastSecond.withLock { last -> String in
            if last.second == whole { return last.text }
            var time = time_t(whole)
            var parts = tm()
            gmtime_r(&time, &parts)
            let text = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d",
                Int(parts.tm_year) + 1900,
                Int(parts.tm_mon) + 1,
                Int(parts.tm_mday),
                Int(parts.tm_hour),
                Int(parts.tm_min),
                Int(parts.tm_sec)
            )
            last = (whole, text)
            return text
        }
        let fraction = String(millis)
        return prefix + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }
}
