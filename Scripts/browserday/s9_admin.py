"""Working day, the admin: the administrator adds an account for a school's deputy head through
the users page (a refusal first: the passwords differ), the account is in the database under the
administrator's name, and its owner logs in with the initial password and sees their school."""

from __future__ import annotations

LOGIN = "bt-zavuch"
PASSWORD = "Начальный-пароль-2026"


def run(r) -> None:
    r.log_in("admin")
    status = r.open("/admin/users")
    r.check(status == 200, f"admin: /admin/users answered {status}")
    values = {"login": LOGIN, "name": "Завуч Школы И.О.", "role": "школа", "school": "SV010",
              "password": PASSWORD, "password2": "другой-пароль-2026"}
    r.fill(values)
    status = r.submit()
    r.check(status == 422, f"admin: an account with differing passwords answered {status}, not 422")
    r.check("Пароли не совпадают" in r.text(), "admin: no error beside «Пароль ещё раз»")
    r.check(not r.query("SELECT 1 FROM user WHERE login = ?", LOGIN), "admin: a refused account was written")
    # The login and name are kept; the passwords are typed again.
    r.fill({"password": PASSWORD, "password2": PASSWORD})
    status = r.submit()
    r.check(status == 200, f"admin: adding the account answered {status}")
    r.check(f"Учётная запись «{LOGIN}»" in r.text() and "добавлена" in r.text(),
            "admin: no confirmation of the new account")
    r.axe("working day: the new account's page")
    r.console("working day: the new account's page")
    stored = r.query("SELECT u.role, s.code FROM user u JOIN school s ON s.id = u.school_id WHERE u.login = ?", LOGIN)
    r.check(stored == [("school", "SV010")], f"admin: the account in the database is {stored}")
    logged = r.query("SELECT actor FROM audit_log WHERE table_name = 'user' AND row_key = ?", LOGIN)
    r.check(bool(logged) and "Проверочный admin" in logged[0][0], f"admin: the audit log names {logged}")
    # The owner logs in with the initial password.
    r.driver.delete_all_cookies()
    status = r.open("/login")
    r.check(status == 200, f"admin: /login answered {status}")
    r.fill({"login": LOGIN, "password": PASSWORD}, form="main form")
    status = r.submit(form="main form")
    r.check(status == 200, f"admin: the new account's login answered {status}")
    r.check("Завуч Школы И.О." in r.text(), "admin: the new account's owner is not logged in")
    status = r.open("/schools/SV010")
    r.check(status == 200, f"admin: the new account's school answered {status}")
