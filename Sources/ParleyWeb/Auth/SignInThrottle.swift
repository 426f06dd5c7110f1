// ParleyWeb: failed sign-in throttling, per username and per client address, in memory.
//
// After `accountFailures` failures (or `clientFailures` from one address) each further attempt
// must wait `baseDelay · 2^(extra failures)`, up to `maxDelay`. A key is forgotten `window`
// after its last failure, once its wait is over. Attempts during a wait are refused without
// checking the password, so a correct guess made during a wait is not confirmed either.

import Foundation

/// What a throttled key is.
enum ThrottleKey: Hashable, Sendable {
    /// The submitted username, normalised (whether or not such an account exists, so the
    /// throttle tells no one which names are real).
    case account(String)
    case client(String)

    static func account(named username: String) -> ThrottleKey {
        .account(username.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
    }
}

/// Counts failures and says how long to wait.
actor SignInThrottle {
    private struct Record {
        var failures: Int
        var lastFailure: Date
    }

    private let policy: ThrottlePolicy
    private let clock: any WebClock
    private var records: [ThrottleKey: Record] = [:]

    init(policy: ThrottlePolicy, clock: any WebClock) {
        self.policy = policy
        self.clock = clock
    }

    /// How long the caller must still wait before trying any of `keys`, or nil to go ahead.
    func wait(for keys: [ThrottleKey]) -> Duration? {
        let now = clock.now()
        var longest: TimeInterval = 0
        for key in keys {
            guard let record = records[key] else { continue }
            if isForgotten(record, key: key, now: now) {
                records[key] = nil
                continue
            }
            let until = record.lastFailure.addingTimeInterval(delay(for: record, key: key))
            longest = max(longest, until.timeIntervalSince(now))
        }
        return longest > 0 ? .seconds(Int(longest.rounded(.up))) : nil
    }

    /// Count one failed attempt against each key.
    func recordFailure(_ keys: [ThrottleKey]) {
        let now = clock.now()
        if records.count >= policy.maxTrackedKeys { prune(now: now) }
        for key in keys {
            var record = records[key] ?? Record(failures: 0, lastFailure: now)
            if isForgotten(record, key: key, now: now) { record.failures = 0 }
            record.failures += 1
            record.lastFailure = now
            records[key] = record
        }
    }

    /// A successful sign-in clears the username's count (the address keeps its own).
    func recordSuccess(_ key: ThrottleKey) {
        records[key] = nil
    }

    /// How many keys are remembered (tests: memory stays bounded).
    var trackedKeys: Int { records.count }

    private func limit(for key: ThrottleKey) -> Int {
        switch key {
        case .account: return policy.accountFailures
        case .client: return policy.clientFailures
        }
    }

    /// Seconds to wait after the last failure: none below the limit, then doubling.
    private func delay(for record: Record, key: ThrottleKey) -> TimeInterval {
        let extra = record.failures - limit(for: key)
        guard extra >= 0 else { return 0 }
        let doubled = policy.baseDelay.seconds * pow(2, Double(min(extra, 30)))
        return min(doubled, policy.maxDelay.seconds)
    }

    private func isForgotten(_ record: Record, key: ThrottleKey, now: Date) -> Bool {
        let quietFor = now.timeIntervalSince(record.lastFailure)
        return quietFor >= policy.window.seconds && quietFor >= delay(for: record, key: key)
    }

    /// Drop forgotten keys; if still full, drop the oldest half.
    private func prune(now: Date) {
        records = records.filter { !isForgotten($0.value, key: $0.key, now: now) }
        if records.count >= policy.maxTrackedKeys {
            let keep = records.sorted { $0.value.lastFailure > $1.value.lastFailure }.prefix(policy.maxTrackedKeys / 2)
            records = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
        }
    }
}
