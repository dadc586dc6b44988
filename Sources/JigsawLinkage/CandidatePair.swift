/// A pair of records whose filters are at least as similar as the threshold.
public struct CandidatePair: Sendable, Equatable, Hashable {
    /// The Dice coefficient, `2·|A∧B| / (|A| + |B|)`, computed in double precision as anonlink does.
    public var similarity: Double
    /// The record's position on the left.
    public var left: Int32
    /// The record's position on the right.
    public var right: Int32

    /// Creates a pair.
    /// - Parameters:
    ///   - similarity: the Dice coefficient.
    ///   - left: left position.
    ///   - right: right position.
    public init(similarity: Double, left: Int32, right: Int32) {
        self.similarity = similarity
        self.left = left
        self.right = right
    }

    /// anonlink's order: decreasing similarity, then increasing left position, then increasing right.
    /// - Parameters:
    ///   - a: a pair.
    ///   - b: another pair.
    /// - Returns: whether `a` comes first.
    @inline(__always)
    public static func precedes(_ a: CandidatePair, _ b: CandidatePair) -> Bool {
        if a.similarity != b.similarity { return a.similarity > b.similarity }
        if a.left != b.left { return a.left < b.left }
        return a.right < b.right
    }
}
