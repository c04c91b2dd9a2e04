import Diagnostics

/// A person's name and e-mail address from mentors.csv or mentees.csv, for calendar attendees.
public struct Contact: Sendable, Hashable {
    public var id: String
    public var name: String
    /// `nil` when the file has no `email` column or the cell is empty.
    public var email: String?
    public var location: Diagnostic.Location?

    public init(id: String, name: String, email: String? = nil, location: Diagnostic.Location? = nil) {
        self.id = id
        self.name = name
        self.email = email
        self.location = location
    }
}
