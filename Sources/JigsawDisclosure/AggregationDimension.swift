/// A dimension that `ChildAggregation` can count children by, and the code of its total.
public enum AggregationDimension: String, CaseIterable, Sendable {
    /// Geography: council within region within England.
    case council
    /// The council's groups (looked after, child in need, SEND, free school meals, none), one per child.
    case group
    /// The health services the child was seen by (CAMHS, community services, A&E, none), one per child.
    case service

    /// The root code of the dimension's hierarchy: `England`, `All children` or `All services`.
    public var rootCode: String {
        switch self {
        case .council: "England"
        case .group: "All children"
        case .service: "All services"
        }
    }
}
