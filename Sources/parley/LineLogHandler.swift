// The server's log lines: `2026-12-06T17:15:02.123Z info parley.web: GET /x 200 key=value …` on
// standard error, one write(2) per line. swift-log's stock handler asks the C library for local
// time on every line, which reads the time-zone file each time: under load that was most of the
// cost of logging a request. UTC needs no time-zone file, and the seconds part is made once a
// second. A line is put together as bytes, without a merged dictionary or string interpolation:
// one is written for every request.
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
        var line: [UInt8] = []
        line.reserveCapacity(256)
        Self.appendTimestamp(Date(), to: &line)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: event.level.rawValue.utf8)
        line.append(UInt8(ascii: " "))
        line.append(contentsOf: label.utf8)
        line.append(contentsOf: ": ".utf8)
        line.append(contentsOf: event.message.description.utf8)
        for (key, value) in Self.merged(metadata, event.metadata) {
            line.append(UInt8(ascii: " "))
            line.append(contentsOf: key.utf8)
            line.append(UInt8(ascii: "="))
            line.append(contentsOf: value.description.utf8)
        }
        line.append(UInt8(ascii: "\n"))
        line.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }

    typealias Pair = (key: String, value: Logger.MetadataValue)

    /// The handler's metadata with the event's over it (the event's value wins), sorted by key.
    static func merged(_ base: Logger.Metadata, _ event: Logger.Metadata?) -> [Pair] {
        var pairs = base.map { (key: $0.key, value: $0.value) }
        for (key, value) in event ?? [:] {
            if let i = pairs.firstIndex(where: { $0.key == key }) {
                pairs[i].value = value
            } else {
                pairs.append((key, value))
            }
        }
        return pairs.sorted { $0.key < $1.key }
    }

    /// The whole seconds of the last line, formatted, and the second they are for.
    private static let lastSecond = Mutex<(second: Int, text: [UInt8])>((-1, []))

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` in UTC.
    static func appendTimestamp(_ now: Date, to line: inout [UInt8]) {
        let seconds = now.timeIntervalSince1970
        let whole = Int(seconds.rounded(.down))
        let millis = min(999, Int((seconds - Double(whole)) * 1000))
        lastSecond.withLock { last in
            if last.second != whole {
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
                last = (whole, Array(text.utf8))
            }
            line.append(contentsOf: last.text)
        }
        line.append(UInt8(ascii: "."))
        line.append(UInt8(ascii: "0") + UInt8(millis / 100))
        line.append(UInt8(ascii: "0") + UInt8(millis / 10 % 10))
        line.append(UInt8(ascii: "0") + UInt8(millis % 10))
        line.append(UInt8(ascii: "Z"))
    }
}
