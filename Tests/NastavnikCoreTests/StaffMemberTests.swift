import Testing

@testable import NastavnikCore

@Suite struct StaffMemberTests {
    @Test func personKeys() {
        #expect(StaffMember.personKey(staffID: "T-1", fullName: "Иванов", birthDate: nil, schoolCode: "S") == "id:T-1")
        #expect(
            StaffMember.personKey(
                staffID: nil, fullName: "Семёнов  И.И.", birthDate: LocalDate(year: 1980, month: 1, day: 2),
                schoolCode: "S")
                == "nb:семенов и.и.|1980-01-02")
        #expect(
            StaffMember.personKey(staffID: "", fullName: "Иванов", birthDate: nil, schoolCode: "S") == "ns:иванов|S")
    }
}
