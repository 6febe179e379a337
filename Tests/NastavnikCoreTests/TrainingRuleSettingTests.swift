import NastavnikCore
import Testing

@Suite struct TrainingRuleSettingTests {
    @Test func theMinimumHoursComeFromTheSetting() {
        #expect(TrainingRule(SettingValues()).minimumHours == 16)
        #expect(TrainingRule().minimumHours == TrainingRule.defaultMinimumHours)
        #expect(TrainingRule(SettingValues(stored: [Settings.trainingMinimumHours.id: "18"])).minimumHours == 18)
    }
}
