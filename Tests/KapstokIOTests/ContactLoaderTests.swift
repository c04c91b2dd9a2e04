import Kapstok
import Testing

@testable import KapstokIO

@Suite struct ContactLoaderTests {
    private func load(_ text: String) -> (contacts: [Contact], diagnostics: [String]) {
        var diagnostics = DiagnosticCollector()
        let contacts = ContactLoader.load(.text(text, path: "mentors.csv"), diagnostics: &diagnostics) ?? []
        return (contacts, diagnostics.diagnostics.map(\.description))
    }

    @Test func readsIdNameAndEmailAndIgnoresTheRest() {
        let (contacts, diagnostics) = load(Fixture.mentors(
            columns: "id,name,email,capacity", rows: ["M1,Marc Janssens,marc.janssens@example.org,x", "M2,Ann Smet,,"], level: 9))
        #expect(diagnostics.isEmpty)
        #expect(contacts.map(\.id) == ["M1", "M2"])
        #expect(contacts.map(\.name) == ["Marc Janssens", "Ann Smet"])
        #expect(contacts.map(\.email) == ["marc.janssens@example.org", nil])
    }

    @Test func emailColumnIsOptional() {
        let (contacts, diagnostics) = load("id,name\nE1,Eva\n")
        #expect(diagnostics.isEmpty)
        #expect(contacts == [Contact(id: "E1", name: "Eva", location: contacts.first?.location)])
    }

    @Test func reportsBadAddressesAndIds() {
        let (contacts, diagnostics) = load("""
            id,name,email
            M1,Marc,marc@example
            M2,Ann,Ann Smet <ann@example.org>
            M3,Bo,bo@@example.org
            M4,Cy,"cy@example.org
            x"
            M5,Di,di@example.org
            M5,Di again,di@example.org
            ,Nobody,
            M6,,ok@example.org
            M7,Ed,@example.org
            M8,Fi,fi@example..org
            M9,Gu,gu@exa<mple.org
            """)
        #expect(diagnostics == [
            "mentors.csv:2:9: error: invalid email 'marc@example': is not like name@example.org (expected an address like name@example.org)",
            "mentors.csv:3:8: error: invalid email 'Ann Smet <ann@example.org>': contains a blank (expected an address like name@example.org)",
            "mentors.csv:4:7: error: invalid email 'bo@@example.org': has more than one '@' (expected an address like name@example.org)",
            "mentors.csv:5:7: error: invalid email 'cy@example.org\\u{A}x': contains a blank (expected an address like name@example.org)",
            "mentors.csv:8:1: error: duplicate id 'M5' (first on line 7)",
            "mentors.csv:9:1: error: empty id",
            "mentors.csv:10:4: error: empty name",
            "mentors.csv:11:7: error: invalid email '@example.org': is not like name@example.org (expected an address like name@example.org)",
            "mentors.csv:12:7: error: invalid email 'fi@example..org': is not like name@example.org (expected an address like name@example.org)",
            "mentors.csv:13:7: error: invalid email 'gu@exa<mple.org': contains '<' (expected an address like name@example.org)",
        ])
        #expect(contacts.map(\.id) == ["M5"])
    }

    @Test func emailRules() {
        #expect(TextChecks.emailProblem("a.b+tag@sub.example.org") == nil)
        #expect(TextChecks.emailProblem("josé@exämple.be") == nil)
        #expect(TextChecks.emailProblem("a\u{7}@example.org") == "contains a control character")
        #expect(TextChecks.emailProblem("a\u{2028}@example.org") != nil)
        #expect(TextChecks.emailProblem("a\u{A0}b@example.org") == "contains a blank")
        #expect(TextChecks.emailProblem("ab") == "has no '@'")
        let local = String(repeating: "a", count: Limits.programTextLength.upperBound - 6)
        #expect(TextChecks.emailProblem(local + "@x.org") == nil)
        #expect(TextChecks.emailProblem(local + "a@x.org") == "longer than 200 characters")
    }

    @Test func survivesHostileCells() {
        let huge = String(repeating: "a", count: 300_000)
        let (contacts, diagnostics) = load("\u{FEFF}id;name;email\n\(huge);\(huge);\(huge)@example.org\nE1;\u{7};\"\"\n")
        // The huge address is too long; the bell is a name (the writer escapes it).
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasSuffix("longer than 200 characters (expected an address like name@example.org)") == true)
        #expect(contacts.map(\.id) == ["E1"])
    }
}
