/// One true link, a row of `truth.csv`: a council record and a health record of the same child.
///
/// Every pair of records of a child in both extracts is listed, so a child entered twice on one side
/// has two pairs (and four when entered twice on both): a linkage that finds any one of them has found
/// the child, one that finds a pair not listed has linked two different children.
public struct TruthPair: Sendable, Equatable, Comparable {
    /// The columns of `truth.csv`, in order.
    public static let header = ["child_id", "health_record_id"]

    /// The council record's `child_id`.
    public let childID: String
    /// The health record's `health_record_id`.
    public let healthRecordID: String

    /// Orders pairs by council id, then health id (the order of `truth.csv`).
    public static func < (lhs: TruthPair, rhs: TruthPair) -> Bool {
        (lhs.childID, lhs.healthRecordID) < (rhs.childID, rhs.healthRecordID)
    }
}
