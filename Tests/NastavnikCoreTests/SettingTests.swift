import NastavnikCore
import PropertyBased
import Testing

struct SettingTests {
    @Test func numbersTakeADecimalCommaAndStayInRange() {
        let setting = Settings.trainingMinimumHours
        #expect(setting.normalize("24,5") == .success("24.5"))
        #expect(setting.normalize(" 36 ") == .success("36"))
        guard case .failure(let error) = setting.normalize("0") else {
            Issue.record("0 ч принято")
            return
        }
        #expect(error.message.contains("«0»"))
        #expect(setting.normalize("много") != .success("много"))
    }

    /// Counts and years are read as integers by the rules: «2,5» mentees was accepted, shown as
    /// 2,5 in `settings list` and applied as 2.
    @Test func countsAndYearsTakeWholeNumbersOnly() {
        for setting in [
            Settings.mentorLimitHighest, Settings.mentorLimitFirst, Settings.mentorLimitOther,
            Settings.earlyCareerAgeLimit, Settings.earlyCareerYears,
        ] {
            guard case .failure(let error) = setting.normalize("2,5") else {
                Issue.record("\(setting.id): 2,5 принято")
                continue
            }
            #expect(error.message.contains("должно быть целым числом") && error.message.contains("«2,5»"))
            #expect(setting.normalize("20") == .success("20"))
        }
        // A threshold stays fractional.
        #expect(Settings.classificationLowResults.normalize("0,85") == .success("0.85"))
    }

    @Test func storedNumbersReadBackAsTheyWereGiven() async {
        // The setting allows 1…10 000 hours: 10 000 itself, but not 10 000,1.
        await propertyCheck(input: Gen.int(in: 1...9_999), Gen.int(in: 0...9)) { whole, tenth in
            let written = tenth == 0 ? "\(whole)" : "\(whole),\(tenth)"
            guard case .success(let stored) = Settings.trainingMinimumHours.normalize(written) else {
                Issue.record("«\(written)» не принято")
                return
            }
            let values = SettingValues(stored: [Settings.trainingMinimumHours.id: stored])
            #expect(values.display(Settings.trainingMinimumHours) == written)
            #expect(values.number(Settings.trainingMinimumHours) == Double(whole) + Double(tenth) / 10)
        }
    }

    @Test func listsKeepTheChoicesSpelling() {
        let setting = Setting(
            "x", title: "Статусы", default: "эффективная", kind: .list(choices: ["эффективная", "ЗПР"]),
            source: "решение по умолчанию")
        #expect(setting.normalize("ЭФФЕКТИВНАЯ; зпр, зпр") == .success("эффективная, ЗПР"))
        #expect(setting.normalize("НОР") != .success("НОР"))
    }
}
