/// Draws the children's NHS numbers and UPNs, every one valid and unique.
struct IdentifierMaker {
    /// How many valid NHS numbers the test range 999 000 0000 to 999 999 9999 holds (the nine digits
    /// before the check digit begin 999; numbers whose check would be 10 are never issued, and
    /// 9999999999, a placeholder, is left out).
    static let nhsTestRangeCapacity: Int = {
        var count = 0
        for body in 0..<1_000_000 where nhsCheckDigit(body: body) != nil && body != 999_999 { count += 1 }
        return count
    }()

    /// The check digit of the NHS number `999` followed by the six digits of `body`, or `nil` when the
    /// remainder makes it 10 (no valid number).
    static func nhsCheckDigit(body: Int) -> Int? {
        var total = 9 * 10 + 9 * 9 + 9 * 8
        var rest = body
        // Digits 4 to 9 have weights 7 down to 2; take them from the right.
        for weight in 2...7 {
            total += (rest % 10) * weight
            rest /= 10
        }
        let check = 11 - total % 11
        if check == 10 { return nil }
        return check == 11 ? 0 : check
    }

    /// `count` distinct valid NHS numbers from the test range, in random order.
    static func nhsNumbers(count: Int, using random: inout SynthRandom) -> [String] {
        var bodies: [Int32] = []
        bodies.reserveCapacity(nhsTestRangeCapacity)
        for body in 0..<1_000_000 where nhsCheckDigit(body: body) != nil && body != 999_999 {
            bodies.append(Int32(body))
        }
        precondition(count <= bodies.count, "more children than the NHS test range holds")
        // A partial Fisher–Yates shuffle: the first `count` places end up a uniform random sample.
        var numbers: [String] = []
        numbers.reserveCapacity(count)
        for i in 0..<count {
            let j = i + random.below(bodies.count - i)
            bodies.swapAt(i, j)
            let body = Int(bodies[i])
            numbers.append("999" + SynthDate.pad(body, 6) + String(nhsCheckDigit(body: body)!))
        }
        return numbers
    }

    private var usedUPNs = Set<Int>()

    /// A new permanent UPN: the council's three-digit number, a four-digit school number, the
    /// two-digit year of issue and a three-digit serial, after the check letter.
    mutating func upn(prefix: Int, yearIssued: Int, using random: inout SynthRandom) -> String {
        while true {
            let school = 2000 + random.below(1000)
            let serial = random.below(1000)
            let digits = ((prefix * 10_000 + school) * 100 + yearIssued % 100) * 1000 + serial
            guard usedUPNs.insert(digits).inserted else { continue }
            let body = SynthDate.pad(digits, 12)
            var total = 0
            for (offset, digit) in body.utf8.enumerated() { total += Int(digit - 0x30) * (offset + 2) }
            let alphabet = Array("ABCDEFGHJKLMNPQRTUVWXYZ")
            return String(alphabet[total % 23]) + body
        }
    }
}
