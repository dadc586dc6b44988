/// Special educational needs and disability provision, as the school census codes it.
public enum SENDStatus: String, Sendable, CaseIterable {
    /// No special educational needs recorded (written blank).
    case none = ""
    /// SEN support, `K`.
    case support = "K"
    /// An education, health and care plan, `E`.
    case plan = "E"
}
