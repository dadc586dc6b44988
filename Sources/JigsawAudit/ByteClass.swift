/// What each byte can be to the leak scanner's matchers: one table lookup per byte in the hot loop.
enum ByteClass {
    /// `0`–`9`.
    static let digit: UInt8 = 1
    /// `A`–`Z`.
    static let upper: UInt8 = 2
    /// `a`–`z`.
    static let lower: UInt8 = 4
    /// A character of a base64, base64url or hex token: letters, digits, `+ / = _ -`.
    static let token: UInt8 = 8
    /// May not stand just before an identifier: letters, digits, `_ + / @`.
    static let noLeft: UInt8 = 16
    /// May not stand just after an identifier: letters, digits, `_ + / = @`.
    static let noRight: UInt8 = 32
    /// May appear in the local part of an e-mail address (RFC 5322 atext and the dot, except `|`).
    static let emailLocal: UInt8 = 64
    /// Never part of any identifier or e-mail address, so plain text may be cut after it.
    static let cut: UInt8 = 128

    static let letter: UInt8 = upper | lower
    static let alphanumeric: UInt8 = digit | upper | lower

    /// The table, built once and never freed (256 bytes).
    nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        func set(_ characters: String, _ bits: UInt8) {
            for byte in characters.utf8 { table[Int(byte)] |= bits }
        }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] |= digit | token | noLeft | noRight | emailLocal }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] |= upper | token | noLeft | noRight | emailLocal }
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] |= lower | token | noLeft | noRight | emailLocal }
        set("+/=_-", token)
        set("_+/@", noLeft)
        set("_+/=@", noRight)
        // RFC 5322 atext and the dot, less `|`, which is also a CSV delimiter.
        set("!#$%&'*+/=?^_`{}~-.", emailLocal)
        set("\"\t\r,;:[]<>", cut)
        return UnsafePointer(table)
    }()
}
