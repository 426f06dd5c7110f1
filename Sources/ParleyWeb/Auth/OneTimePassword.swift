// ParleyWeb: the passwords the server makes for a new account, shown once to whoever opened it
// (the operator at the terminal or on the operator's page, a lead on the delegation page).

/// A random password from an alphabet without look-alikes.
public enum OneTimePassword {
    static let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// `length` characters from 56 symbols: 20 carry about 116 bits.
    public static func make(length: Int = 20) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
