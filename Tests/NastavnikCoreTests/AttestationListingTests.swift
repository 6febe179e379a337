import NastavnikCore
import Testing

@Suite struct AttestationListingTests {
    let asOf = LocalDate(year: 2026, month: 12, day: 1)!
    let until = LocalDate(year: 2027, month: 12, day: 31)!

    func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

    @Test func fitnessForThePostFallsDueFiveYearsOn() {
        let listing = Attestation.listing(
            kind: .pedagogical, category: .fitsPost, since: day(2022, 1, 15), postSince: day(2015, 9, 1),
            asOf: asOf, until: until)
        #expect(listing == Attestation.Listing(what: "аттестация на соответствие должности", due: day(2027, 1, 15)))
        #expect(listing?.isOverdue(asOf: asOf) == false)
        #expect(
            Attestation.listing(
                kind: .pedagogical, category: .fitsPost, since: day(2022, 1, 15), postSince: nil, asOf: asOf,
                until: day(2026, 12, 31)) == nil)
    }

    @Test func withoutAnyDateItIsDueAndSaysWhatIsNotKnown() {
        let listing = Attestation.listing(
            kind: .pedagogical, category: nil, since: nil, postSince: nil, asOf: asOf, until: until)
        #expect(listing?.due == nil)
        #expect(
            listing?.what
                == "аттестация на соответствие должности: даты прежней аттестации нет; дата назначения на должность неизвестна — освобождение первых двух лет в должности не проверено"
        )
        #expect(listing?.isOverdue(asOf: asOf) == true)
    }

    @Test func aCategoryBeforeSeptember2023Expires() {
        #expect(
            Attestation.listing(
                kind: .pedagogical, category: .highest, since: day(2022, 3, 10), postSince: nil, asOf: asOf,
                until: until)
                == Attestation.Listing(what: "истекает срок категории «высшая»", due: day(2027, 3, 10)))
        #expect(
            Attestation.listing(
                kind: .pedagogical, category: .highest, since: day(2023, 9, 1), postSince: nil, asOf: asOf, until: until
            ) == nil)
    }

    @Test func newcomersAndLeadersAreNotListed() {
        #expect(
            Attestation.listing(
                kind: .pedagogical, category: nil, since: nil, postSince: day(2026, 9, 1), asOf: asOf, until: until)
                == nil)
        #expect(
            Attestation.listing(kind: .leading, category: nil, since: nil, postSince: nil, asOf: asOf, until: until)
                == nil)
    }

    @Test func theListRunsByDayThenSchoolThenName() {
        let rows: [(due: LocalDate?, schoolCode: String, fullName: String)] = [
            (day(2027, 3, 1), "A", "Б"), (nil, "B", "А"), (day(2027, 3, 1), "A", "А"), (day(2027, 1, 1), "C", "В"),
        ]
        let sorted = rows.sorted { Attestation.precedes($0, $1) }
        #expect(sorted.map(\.fullName) == ["А", "В", "А", "Б"])
        #expect(sorted.first?.due == nil)
    }
}
