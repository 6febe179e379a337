import Testing

@testable import NastavnikCore

@Suite struct RoleTests {
    @Test func rolesAreSpelledInRussianOrByName() {
        #expect(Role(userValue: "admin") == .admin)
        #expect(Role(userValue: "Администратор") == .admin)
        #expect(Role(userValue: "методист") == .methodologist)
        #expect(Role(userValue: "Наблюдатель") == .viewer)
        #expect(Role(userValue: "школа") == .school)
        #expect(Role(userValue: "директор") == nil)
    }

    @Test func eachRoleMayDoWhatTheIssueLists() {
        #expect(Role.admin.may(.manageUsers) && Role.admin.may(.backup) && Role.admin.may(.readAudit))
        #expect(!Role.admin.may(.editRoadmap))
        for permission: Permission in [.editSchools, .editCurators, .editRoadmap, .editTraining, .runImports] {
            #expect(Role.specialist.may(permission), "\(permission)")
            #expect(!Role.methodologist.may(permission), "\(permission)")
        }
        for permission: Permission in [.editDiagnostics, .editObservations, .editPlans, .editMentoring, .editSeminars] {
            #expect(Role.methodologist.may(permission), "\(permission)")
            #expect(!Role.specialist.may(permission), "\(permission)")
        }
        #expect(Role.viewer.permissions == [.readAll])
        #expect(Role.school.permissions == [.readOwnSchool, .markOwnSchoolRoadmap])
        // Issue 20: a term is marked by the specialist and the admin, a school's by the school.
        #expect(Role.allCases.filter { $0.may(.markRoadmap) } == [.admin, .specialist])
        #expect(Role.allCases.filter { $0.may(.markOwnSchoolRoadmap) } == [.school])
        // Only the admin manages accounts or reads the log.
        #expect(Role.allCases.filter { $0.may(.manageUsers) } == [.admin])
        #expect(Role.allCases.filter { $0.may(.readAudit) } == [.admin])
        // Every permission belongs to some role.
        #expect(Set(Role.allCases.flatMap(\.permissions)) == Set(Permission.allCases))
    }

    @Test func onlyTheSchoolRoleNeedsASchool() {
        #expect(Role.allCases.filter(\.needsSchool) == [.school])
    }
}
