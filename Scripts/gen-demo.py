#!/usr/bin/env python3
"""Deterministic demo-data generator for Nastavnik.

Writes the demo data set of the fictional "Светлореченский муниципальный округ"
into Seeds/demo/: schools, staff, course catalogue, training records, two
diagnostic campaigns, assessment results, social context, curator pairings and
mentoring pairs.  Every file follows the import contract in
shared/spec/import-formats.md (Russian headers, several encodings/delimiters on
purpose).  After writing, the files are parsed back and checked; a summary is
printed.

    python3 Scripts/gen-demo.py [--out Seeds/demo] [--seed 2026]

Standard library only.  One random.Random(seed) drives everything, so two runs
with the same seed produce byte-identical files.
"""

import argparse
import csv
import datetime as dt
import io
import math
import os
import random
import re
import sys

D = dt.date

# --------------------------------------------------------------------------
# Reference dates of the demo story
# --------------------------------------------------------------------------
REF = D(2026, 9, 1)            # start of the 2026/27 school year; ages are taken here
EARLY_FROM = D(2023, 9, 1)     # teaching_since after this date => early-career
TODAY = D(2026, 11, 22)        # "now" of the demo
RECENT_FROM = D(2023, 11, 22)  # trainings that ended on/after this date are "within 3 years"
DATA_UNTIL = D(2026, 11, 1)    # completed trainings end no later than this
TRAIN_FROM = D(2021, 1, 11)
ATTEST_RULES = D(2023, 9, 1)   # new attestation rules; dates are mixed around it
DIAG_2026 = D(2026, 3, 15)
DIAG_2025 = D(2025, 3, 14)
MUNICIPALITY = "Светлореченский муниципальный округ"
CENTER = (54.70, 40.10)
INSTRUMENT = "Диагностика профессиональных дефицитов (ЦНППМ)"
EMAIL_DOMAIN = "svetl-edu.example"

TOPICS = [
    "формирующее оценивание",
    "функциональная грамотность",
    "читательская грамотность",
    "математическая грамотность",
    "естественнонаучная грамотность",
    "работа с обучающимися с ОВЗ",
    "индивидуализация обучения",
    "мотивация обучающихся",
    "подготовка к ГИА",
    "цифровые образовательные ресурсы",
    "проектная деятельность",
    "классное руководство и воспитание",
    "работа с одарёнными детьми",
    "обновлённые ФГОС",
    "преподавание в поликультурной среде",
    "управление качеством образования",
]

POS_DIR = "директор"
POS_ZAM = "заместитель директора по УВР"
POS_T = "учитель"
POS_P = "учитель начальных классов"
POS_PSY = "педагог-психолог"
POS_SOC = "социальный педагог"
POS_LOG = "учитель-логопед"
POS_PDO = "педагог дополнительного образования"
TEACHER_POS = (POS_T, POS_P)
PRIMARY_SUBJECTS = ["русский язык", "литературное чтение", "математика", "окружающий мир"]

# --------------------------------------------------------------------------
# Schools: name, kind, settlement, statuses, internship site, distance km,
# bearing deg (for the coordinates), street, has coordinates in the file
# --------------------------------------------------------------------------
TOWN = "г. Светлореченск"
SCHOOLS = [
    ("МБОУ «Светлореченская СОШ № 1»", "СОШ", TOWN, ["эффективная"], True, 1.2, 20, "ул. Ленина, д. 24"),
    ("МБОУ «Светлореченская СОШ № 2»", "СОШ", TOWN, ["эффективная"], False, 1.8, 200, "ул. Советская, д. 7"),
    ("МБОУ «Светлореченская СОШ № 3»", "СОШ", TOWN, ["ЗУР"], False, 2.1, 110, "ул. Гагарина, д. 15"),
    ("МБОУ «Светлореченская СОШ № 4»", "СОШ", TOWN, ["ШНСУ"], False, 2.6, 160, "ул. Заводская, д. 41"),
    ("МБОУ «Светлореченская СОШ № 5»", "СОШ", TOWN, [], False, 1.5, 300, "ул. Мира, д. 3"),
    ("МАОУ «Гимназия № 1 г. Светлореченска»", "гимназия", TOWN, ["эффективная"], True, 0.4, 60, "Соборная пл., д. 2"),
    ("МАОУ «Лицей № 2 г. Светлореченска»", "лицей", TOWN, ["эффективная"], True, 0.9, 250, "ул. Пушкина, д. 10"),
    ("МБОУ «Светлореченская ООШ № 6»", "ООШ", TOWN, ["ЗПР"], False, 2.9, 140, "ул. Железнодорожная, д. 17"),
    ("МБОУ «Заречная СОШ № 1»", "СОШ", "пгт Заречный", ["эффективная"], False, 9.0, 58, "ул. Набережная, д. 5"),
    ("МБОУ «Заречная СОШ № 2»", "СОШ", "пгт Заречный", ["НОР"], False, 9.6, 66, "ул. Строителей, д. 12"),
    ("МБОУ «Ольховская ООШ»", "ООШ", "с. Ольховка", ["НОР", "ШНСУ"], False, 28, 35, "ул. Школьная, д. 3"),
    ("МКОУ «Бережковская НОШ»", "НОШ", "с. Бережки", [], False, 12, 200, "ул. Центральная, д. 8"),
    ("МБОУ «Каменская СОШ»", "СОШ", "с. Каменка", ["НОР"], False, 30, 150, "ул. Школьная, д. 1"),
    ("МБОУ «Сосновская СОШ»", "СОШ", "с. Сосновка", ["эффективная"], True, 18, 20, "ул. Молодёжная, д. 6"),
    ("МБОУ «Гремяченская СОШ»", "СОШ", "с. Гремячево", ["ЗПР"], False, 15, 8, "ул. Садовая, д. 14"),
    ("МБОУ «Липовская ООШ»", "ООШ", "с. Липовка", ["НОР"], False, 33, 262, "ул. Центральная, д. 22"),
    ("МБОУ «Покровская СОШ»", "СОШ", "с. Покровское", ["эффективная"], False, 22, 138, "ул. Советская, д. 30"),
    ("МБОУ «Дубровская СОШ»", "СОШ", "с. Дубровка", ["ЗУР"], False, 16, 172, "ул. Лесная, д. 2"),
    ("МКОУ «Малиновская НОШ»", "НОШ", "с. Малиновка", [], False, 14, 282, "ул. Школьная, д. 9"),
    ("МБОУ «Ключевская ООШ»", "ООШ", "с. Ключи", [], False, 34, 95, "ул. Родниковая, д. 4"),
    ("МБОУ «Никольская СОШ»", "СОШ", "с. Никольское", ["эффективная"], False, 25, 248, "ул. Школьная, д. 11"),
    ("МБОУ «Вязовская ООШ»", "ООШ", "с. Вязовка", ["ЗПР"], False, 35, 228, "ул. Полевая, д. 7"),
    ("МБОУ «Боровская СОШ»", "СОШ", "с. Боровое", ["ЗУР"], False, 27, 205, "ул. Центральная, д. 35"),
    ("МБОУ «Ивановская ООШ»", "ООШ", "с. Ивановка", [], False, 19, 100, "ул. Школьная, д. 5"),
    ("МКОУ «Рябиновская НОШ»", "НОШ", "д. Рябиновка", [], False, 11, 350, "ул. Рябиновая, д. 1"),
    ("МБОУ «Луговская СОШ»", "СОШ", "с. Луговое", ["НОР", "ШНСУ"], False, 24, 305, "ул. Луговая, д. 18"),
    ("МБОУ «Озёрская СОШ»", "СОШ", "с. Озёрки", ["эффективная"], False, 20, 322, "ул. Озёрная, д. 2"),
    ("МБОУ «Высоковская ООШ»", "ООШ", "с. Высокое", [], False, 37, 15, "ул. Центральная, д. 3"),
    ("МБОУ «Студёновская СОШ»", "СОШ", "с. Студёнки", ["ЗУР"], False, 21, 232, "ул. Ключевая, д. 10"),
    ("МКОУ «Кленовская НОШ»", "НОШ", "д. Кленовка", [], False, 13, 80, "ул. Кленовая, д. 6"),
    ("МБОУ «Черёмуховская ООШ»", "ООШ", "с. Черёмухово", [], False, 29, 180, "ул. Садовая, д. 2"),
    ("МБОУ «Ракитянская СОШ»", "СОШ", "с. Ракитное", ["ЗПР"], False, 31, 335, "ул. Мира, д. 16"),
    ("МБОУ «Васильевская ООШ»", "ООШ", "с. Васильевка", ["НОР"], False, 26, 118, "ул. Школьная, д. 4"),
    ("МБОУ «Петровская СОШ»", "СОШ", "с. Петровское", [], False, 17, 290, "ул. Победы, д. 21"),
]
NO_COORDS = ("МБОУ «Высоковская ООШ»", "МКОУ «Кленовская НОШ»")
DIAG_EFFECTIVE = ("МБОУ «Заречная СОШ № 1»", "МБОУ «Сосновская СОШ»", "МБОУ «Покровская СОШ»")

COORDINATORS = [
    "Кравцова Елена Викторовна, главный специалист управления образования",
    "Шилов Андрей Николаевич, ведущий специалист управления образования",
    "Мельникова Ольга Сергеевна, заместитель начальника управления образования",
]

# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------
SURNAMES = """Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров
Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев
Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев
Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин
Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов
Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов
Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин
Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов
Родионов Коновалов Лазарев Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров
Наумов Потапов Журавлёв Овчинников Трофимов Леонов Соболев Ермаков Колесников Гончаров
Емельянов Никифоров Грачёв Котов Гришин Ефремов Архипов Громов Кириллов Малышев Панов
Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов Анисимов Еремеев Третьяков Рыбаков
Суворов Абрамцев Зуев Блинов Лукин Шестаков Полянский Вишневский Рождественский Зимин
Кравцов Субботин Шилов Устинов Савин Лапин Симонов Нестеров Берёзкин Дорофеев Бондаренко
Шевченко Коваленко Мищенко Черных Седых Долгих""".split()

FEMALE_NAMES = {
    "old": "Галина Валентина Людмила Надежда Тамара Нина Любовь Вера Зинаида Раиса Лидия Татьяна Валентина Антонина Римма".split(),
    "mid": "Елена Ольга Наталья Ирина Светлана Татьяна Марина Юлия Оксана Лариса Евгения Инна Жанна Алла Людмила Галина".split(),
    "young": "Анна Мария Екатерина Анастасия Дарья Ксения Юлия Алина Виктория Полина Елизавета Кристина Валерия Софья Александра".split(),
}
MALE_NAMES = {
    "old": "Владимир Николай Виктор Анатолий Геннадий Валерий Александр Юрий Василий Михаил Борис Леонид".split(),
    "mid": "Сергей Андрей Александр Алексей Дмитрий Игорь Олег Евгений Роман Павел Вадим Константин".split(),
    "young": "Артём Максим Никита Даниил Илья Кирилл Егор Иван Дмитрий Михаил Алексей Владислав".split(),
}
PATRONYMICS = [
    ("Александрович", "Александровна"), ("Алексеевич", "Алексеевна"), ("Анатольевич", "Анатольевна"),
    ("Андреевич", "Андреевна"), ("Борисович", "Борисовна"), ("Валерьевич", "Валерьевна"),
    ("Васильевич", "Васильевна"), ("Викторович", "Викторовна"), ("Владимирович", "Владимировна"),
    ("Геннадьевич", "Геннадьевна"), ("Григорьевич", "Григорьевна"), ("Дмитриевич", "Дмитриевна"),
    ("Евгеньевич", "Евгеньевна"), ("Иванович", "Ивановна"), ("Игоревич", "Игоревна"),
    ("Константинович", "Константиновна"), ("Леонидович", "Леонидовна"), ("Михайлович", "Михайловна"),
    ("Николаевич", "Николаевна"), ("Олегович", "Олеговна"), ("Павлович", "Павловна"),
    ("Петрович", "Петровна"), ("Романович", "Романовна"), ("Сергеевич", "Сергеевна"),
    ("Юрьевич", "Юрьевна"), ("Фёдорович", "Фёдоровна"), ("Вячеславович", "Вячеславовна"),
    ("Максимович", "Максимовна"), ("Денисович", "Денисовна"), ("Аркадьевич", "Аркадьевна"),
]


def feminine(surname):
    for m, f in (("ский", "ская"), ("цкий", "цкая"), ("ой", "ая"), ("ый", "ая")):
        if surname.endswith(m):
            return surname[: -len(m)] + f
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    return surname  # -енко, -их, -ых: unchanged


TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
     "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))


def translit(s):
    return "".join(TRANSLIT.get(c, c) for c in s.lower())


# --------------------------------------------------------------------------
# Course catalogue: year of the programme (in its code), title, provider,
# hours, format, topics, subjects, audience (S subject teachers, P primary,
# L leaders, C specialists)
# --------------------------------------------------------------------------
P_IRO = "ГАУ ДПО «Светлореченский институт развития образования»"
P_CNPPM = "ЦНППМ ГАУ ДПО «Светлореченский институт развития образования»"
P_ACAD = "ФГАОУ ДПО «Академия Минпросвещения России»"
P_IMK = "МКУ «Информационно-методический кабинет Светлореченского муниципального округа»"
P_COM1 = "ООО «Центр онлайн-обучения»"
P_COM2 = "ООО «Высшая школа педагогики»"

COURSES = [
    (2022, "Формирующее оценивание на уроке: инструменты и практики", P_IRO, 36, "очно-заочная",
     ["формирующее оценивание"], [], "SPL"),
    (2022, "Формирование и оценка функциональной грамотности обучающихся основной школы", P_ACAD, 36, "дистанционная",
     ["функциональная грамотность", "читательская грамотность"], [], "SL"),
    (2021, "Развитие читательской грамотности на уроках гуманитарного цикла", P_IRO, 24, "очно-заочная",
     ["читательская грамотность"], ["русский язык", "литература", "история"], "S"),
    (2023, "Математическая грамотность: задачи в контексте реальной жизни", P_CNPPM, 36, "очная",
     ["математическая грамотность", "функциональная грамотность"], ["математика"], "S"),
    (2022, "Естественнонаучная грамотность: исследовательские задания в 7–9 классах", P_ACAD, 72, "дистанционная",
     ["естественнонаучная грамотность"], ["физика", "химия", "биология", "география"], "S"),
    (2021, "Инклюзивное образование: организация обучения детей с ОВЗ в общеобразовательной школе", P_IRO, 72,
     "очно-заочная", ["работа с обучающимися с ОВЗ"], [], "SPLC"),
    (2024, "Адаптированные основные общеобразовательные программы для обучающихся с ОВЗ", P_CNPPM, 36, "дистанционная",
     ["работа с обучающимися с ОВЗ", "индивидуализация обучения"], [], "SPLC"),
    (2023, "Индивидуальные образовательные траектории обучающихся в школе с низкими результатами", P_CNPPM, 36,
     "очная", ["индивидуализация обучения", "мотивация обучающихся"], [], "SPL"),
    (2024, "Учебная мотивация: психолого-педагогические приёмы для учителя", P_COM1, 16, "дистанционная",
     ["мотивация обучающихся"], [], "SPC"),
    (2021, "Подготовка обучающихся к ОГЭ по математике: содержание и методика", P_IRO, 36, "очно-заочная",
     ["подготовка к ГИА"], ["математика"], "S"),
    (2022, "Подготовка к ЕГЭ по русскому языку: анализ типичных затруднений", P_IRO, 36, "очно-заочная",
     ["подготовка к ГИА", "читательская грамотность"], ["русский язык"], "S"),
    (2023, "Методика подготовки к ГИА по обществознанию и истории", P_CNPPM, 24, "заочная",
     ["подготовка к ГИА"], ["обществознание", "история"], "S"),
    (2023, "Цифровые образовательные ресурсы в работе учителя: ФГИС «Моя школа»", P_ACAD, 36, "дистанционная",
     ["цифровые образовательные ресурсы"], [], "SPL"),
    (2025, "Вебинар «Цифровая образовательная среда: сервисы для урока»", P_IMK, 8, "дистанционная",
     ["цифровые образовательные ресурсы"], [], "SP"),
    (2022, "Проектная и исследовательская деятельность обучающихся в условиях обновлённых ФГОС", P_IRO, 72,
     "очно-заочная", ["проектная деятельность", "обновлённые ФГОС"], [], "SL"),
    (2024, "Индивидуальный проект в 10–11 классах: руководство и оценивание", P_COM2, 24, "дистанционная",
     ["проектная деятельность"], [], "S"),
    (2021, "Классное руководство: воспитательная работа в современной школе", P_ACAD, 36, "дистанционная",
     ["классное руководство и воспитание"], [], "SPC"),
    (2023, "«Разговоры о важном»: организация внеурочной деятельности и воспитательной работы", P_ACAD, 36,
     "дистанционная", ["классное руководство и воспитание"], [], "SPLC"),
    (2021, "Работа с одарёнными детьми: подготовка к олимпиадам школьного и муниципального этапов", P_IRO, 36,
     "очная", ["работа с одарёнными детьми"], [], "SP"),
    (2022, "Реализация требований обновлённых ФГОС НОО, ФГОС ООО в работе учителя", P_ACAD, 36, "дистанционная",
     ["обновлённые ФГОС"], [], "SPL"),
    (2023, "Федеральные рабочие программы: конструктор и планирование", P_IMK, 16, "очная",
     ["обновлённые ФГОС"], [], "SP"),
    (2022, "Обучение детей-инофонов русскому языку как неродному", P_IRO, 72, "очно-заочная",
     ["преподавание в поликультурной среде"], ["русский язык", "литературное чтение"], "SP"),
    (2024, "Поликультурная образовательная среда: адаптация детей мигрантов и профилактика конфликтов", P_CNPPM,
     24, "очная", ["преподавание в поликультурной среде", "классное руководство и воспитание"], [], "SPLC"),
    (2021, "Управление качеством образования в школе с низкими результатами обучения", P_IRO, 72, "очно-заочная",
     ["управление качеством образования"], [], "L"),
    (2023, "Антирисковые программы: от анализа данных к управленческим решениям", P_CNPPM, 36, "очная",
     ["управление качеством образования"], [], "L"),
    (2022, "Внутренняя система оценки качества образования", P_ACAD, 36, "дистанционная",
     ["управление качеством образования", "формирующее оценивание"], [], "L"),
    (2025, "Школа управленческой команды: проектирование программы развития школы", P_IRO, 108, "очно-заочная",
     ["управление качеством образования", "проектная деятельность"], [], "L"),
    (2024, "Вебинар «Формирующее оценивание в начальной школе»", P_IMK, 8, "дистанционная",
     ["формирующее оценивание"], ["литературное чтение", "окружающий мир"], "P"),
    (2023, "Функциональная грамотность младших школьников", P_COM1, 36, "дистанционная",
     ["функциональная грамотность", "читательская грамотность"], ["литературное чтение", "окружающий мир"], "P"),
    (2022, "Методика преподавания информатики: программирование в 7–9 классах", P_ACAD, 72, "дистанционная",
     ["цифровые образовательные ресурсы", "обновлённые ФГОС"], ["информатика"], "S"),
    (2024, "Школьный химический эксперимент в цифровой лаборатории", P_IRO, 36, "очная",
     ["естественнонаучная грамотность", "цифровые образовательные ресурсы"], ["химия", "биология"], "S"),
    (2023, "Преподавание физики: качественные и расчётные задачи ОГЭ и ЕГЭ", P_CNPPM, 36, "очно-заочная",
     ["подготовка к ГИА", "естественнонаучная грамотность"], ["физика"], "S"),
    (2021, "Английский язык: подготовка к ГИА и развитие коммуникативных умений", P_COM2, 72, "дистанционная",
     ["подготовка к ГИА"], ["английский язык", "немецкий язык"], "S"),
    (2024, "Дифференцированное обучение в малокомплектной школе и разновозрастном классе", P_IMK, 18, "очная",
     ["индивидуализация обучения"], [], "SP"),
    (2025, "Профилактика школьной неуспешности: работа с неуспевающими обучающимися", P_CNPPM, 18, "очно-заочная",
     ["мотивация обучающихся", "индивидуализация обучения"], [], "SPC"),
    (2022, "Психолого-педагогическое сопровождение обучающихся с трудностями в обучении", P_IRO, 36, "заочная",
     ["работа с обучающимися с ОВЗ", "мотивация обучающихся"], [], "C"),
    (2025, "Наставничество в образовательной организации: сопровождение молодых педагогов", P_ACAD, 36,
     "дистанционная", ["управление качеством образования", "индивидуализация обучения"], [], "SPL"),
    (2024, "Смысловое чтение и работа с текстом на уроках в 5–9 классах", P_IMK, 18, "очно-заочная",
     ["читательская грамотность", "функциональная грамотность"], [], "S"),
    (2025, "Геймификация и цифровые сервисы для повышения мотивации на уроке", P_COM1, 24, "дистанционная",
     ["мотивация обучающихся", "цифровые образовательные ресурсы"], [], "SP"),
    (2025, "Математика в начальной школе: развитие математической грамотности", P_COM2, 16, "дистанционная",
     ["математическая грамотность"], ["математика", "окружающий мир"], "P"),
    (2023, "Физическая культура: реализация обновлённых ФГОС и комплекса ГТО", P_IRO, 36, "заочная",
     ["обновлённые ФГОС"], ["физическая культура"], "S"),
    (2024, "Преподавание учебного предмета «Основы безопасности и защиты Родины»", P_ACAD, 72, "дистанционная",
     ["обновлённые ФГОС"], ["ОБЗР"], "S"),
]

# courses outside the catalogue (trainings only): code, provider, hours, subjects, audience
EXTERNAL = [
    ("EXT-001", "ФГБОУ ВО «Светлореченский государственный педагогический университет»", 72, [], "SPL"),
    ("EXT-002", "АНО ДПО «Национальный институт профессионального развития»", 144, [], "SPC"),
    ("EXT-003", "ООО «Центр онлайн-обучения»", 108, ["математика"], "S"),
    ("EXT-004", "ООО «Высшая школа педагогики»", 36, [], "SP"),
    ("EXT-005", "АНО ДПО «Академия школьного лидерства»", 72, [], "L"),
    ("EXT-006", "ООО «Педагогический онлайн-университет»", 18, [], "SPC"),
    ("EXT-007", "ОГАУ ДПО «Институт развития образования Приозёрной области»", 36, ["русский язык", "литература"], "S"),
    ("EXT-008", "ФГБОУ ВО «Светлореченский государственный университет»", 72, ["биология", "химия", "география"], "S"),
    ("EXT-009", "ООО «Центр онлайн-обучения»", 36, ["литературное чтение"], "P"),
    ("EXT-010", "АНО ДПО «Национальный институт профессионального развития»", 72, ["английский язык"], "S"),
    ("EXT-011", "ООО «Педагогический онлайн-университет»", 24, ["история", "обществознание"], "S"),
    ("EXT-012", "ФГБОУ ВО «Светлореченский государственный педагогический университет»", 36, [], "C"),
]

CERT_PREFIX = {P_IRO: "622410", P_CNPPM: "622411", P_ACAD: "772419", P_IMK: "622480",
               P_COM1: "502401", P_COM2: "781903",
               "ФГБОУ ВО «Светлореченский государственный педагогический университет»": "622433",
               "АНО ДПО «Национальный институт профессионального развития»": "772502",
               "АНО ДПО «Академия школьного лидерства»": "772517",
               "ООО «Педагогический онлайн-университет»": "662404",
               "ОГАУ ДПО «Институт развития образования Приозёрной области»": "482410",
               "ФГБОУ ВО «Светлореченский государственный университет»": "622431"}


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------
def dmy(d):
    return d.strftime("%d.%m.%Y")


def dmy_short(d):
    return "%d.%d.%d" % (d.day, d.month, d.year)


def iso(d):
    return d.isoformat()


def add_years(d, n):
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def years_between(a, b):
    """Full years from a to b."""
    return b.year - a.year - ((b.month, b.day) < (a.month, a.day))


def rand_date(rng, a, b):
    """Uniform date in [a, b]."""
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


def dec(x, nd):
    return ("%.*f" % (nd, x)).replace(".", ",")


def half(x, lo, hi):
    v = round(min(hi, max(lo, x)) * 2) / 2
    return v


def fmt_half(v):
    return str(int(v)) if v == int(v) else dec(v, 1)


def pct(x):
    s = "%.1f" % x
    if s.endswith(".0"):
        s = s[:-2]
    return s.replace(".", ",") + "%"


def clamp(x, lo, hi):
    return min(hi, max(lo, x))


def weighted_sample(rng, items, weights, k):
    """k items without replacement (Efraimidis-Spirakis keys), in input order."""
    keyed = []
    for i, (it, w) in enumerate(zip(items, weights)):
        keyed.append((rng.random() ** (1.0 / w), i))
    keyed.sort(reverse=True)
    chosen = sorted(i for _, i in keyed[:k])
    return [items[i] for i in chosen]


def group_of(person):
    p = person["position"]
    if p == POS_P:
        return "P"
    if p == POS_T:
        return "S"
    if p in (POS_DIR, POS_ZAM):
        return "L"
    return "C"


# --------------------------------------------------------------------------
# Generators
# --------------------------------------------------------------------------
def gen_schools(rng):
    schools = []
    km_lat = 111.2
    km_lon = 111.2 * math.cos(math.radians(CENTER[0]))
    for i, (name, kind, settlement, statuses, intern, dist, bearing, street) in enumerate(SCHOOLS):
        code = "SV%03d" % (i + 1)
        d = dist + rng.uniform(-0.3, 0.3)
        b = math.radians(bearing + rng.uniform(-3, 3))
        lat = CENTER[0] + d * math.cos(b) / km_lat
        lon = CENTER[1] + d * math.sin(b) / km_lon
        town = settlement == TOWN
        if kind == "НОШ":
            students = rng.randint(40, 95)
        elif kind == "ООШ":
            students = rng.randint(180, 290) if town else rng.randint(55, 175)
        elif kind == "гимназия":
            students = rng.randint(950, 1100)
        elif kind == "лицей":
            students = rng.randint(760, 940)
        elif town:
            students = rng.randint(640, 1200)
        elif settlement == "пгт Заречный":
            students = rng.randint(420, 720)
        else:
            students = rng.randint(130, 260) if "эффективная" not in statuses else rng.randint(300, 480)
        schools.append(dict(
            code=code, name=name, kind=kind, settlement=settlement, statuses=list(statuses),
            internship=intern, lat=lat, lon=lon, has_coords=name not in NO_COORDS,
            address="%s, %s, %s" % (MUNICIPALITY, settlement, street), students=students,
            grades=11 if kind in ("СОШ", "гимназия", "лицей") else 9 if kind == "ООШ" else 4,
        ))
    return schools


def school_group(s):
    st = s["statuses"]
    if "НОР" in st:
        return "low"
    if "ЗПР" in st:
        return "high_risk"
    if "ЗУР" in st:
        return "moderate_risk"
    if "ШНСУ" in st:
        return "adverse"
    if "эффективная" in st:
        return "effective"
    return "regular"


def supported(s):
    return any(x in s["statuses"] for x in ("НОР", "ЗПР", "ЗУР", "ШНСУ"))


def distance_km(a, b):
    dlat = (a["lat"] - b["lat"]) * 111.2
    dlon = (a["lon"] - b["lon"]) * 111.2 * math.cos(math.radians(CENTER[0]))
    return math.hypot(dlat, dlon)


SMALL_COMBOS = [
    ["русский язык", "литература"], ["математика", "физика", "информатика"],
    ["история", "обществознание", "география"], ["биология", "химия"], ["английский язык"],
    ["физическая культура", "ОБЗР"], ["технология", "музыка", "изобразительное искусство"],
]
CORE_COMBOS = [
    ["русский язык", "литература"], ["математика"], ["английский язык"], ["история", "обществознание"],
    ["биология"], ["физика"], ["химия"], ["география"], ["математика", "информатика"],
    ["физическая культура"], ["русский язык", "литература"], ["математика", "физика"], ["технология"],
    ["ОБЗР", "физическая культура"], ["музыка", "изобразительное искусство"], ["английский язык", "немецкий язык"],
]
POOL_COMBOS = [
    (["русский язык", "литература"], 6), (["математика"], 4), (["математика", "информатика"], 2),
    (["английский язык"], 4), (["история", "обществознание"], 3), (["физическая культура"], 2),
    (["биология", "география"], 1), (["химия", "биология"], 1), (["физика"], 1), (["информатика"], 1),
    (["география"], 1), (["технология"], 1), (["изобразительное искусство"], 1), (["музыка"], 1),
]
MALE_LEANING = ("физическая культура", "ОБЗР", "технология", "информатика", "физика")


def roles_for(rng, s, n):
    adverse = "ШНСУ" in s["statuses"]
    roles = [(POS_DIR, [])]
    z = 0 if n < 12 else 1 if n < 35 else 2 if n < 60 else 3
    roles += [(POS_ZAM, [])] * z
    if n >= 15 or (adverse and n >= 9):
        roles.append((POS_PSY, []))
    if n >= 22 or (adverse and n >= 9):
        roles.append((POS_SOC, []))
    if n >= 28 or (s["kind"] == "НОШ" and n >= 8):
        roles.append((POS_LOG, []))
    if n >= 30:
        roles.append((POS_PDO, []))
    if n >= 55:
        roles.append((POS_PDO, []))
    rest = n - len(roles)
    if s["kind"] == "НОШ":
        subj = 1 if rest >= 5 else 0
        prim = rest - subj
        combos = [["английский язык"]] * subj
    else:
        share = {"ООШ": 0.34, "СОШ": 0.27}.get(s["kind"], 0.22)
        prim = max(2, round(rest * share))
        m = rest - prim
        if m <= len(SMALL_COMBOS):
            combos = SMALL_COMBOS[:m]
        else:
            combos = list(CORE_COMBOS[:m])
            items = [c for c, _ in POOL_COMBOS]
            weights = [w for _, w in POOL_COMBOS]
            while len(combos) < m:
                combos.append(rng.choices(items, weights)[0])
    roles += [(POS_P, list(PRIMARY_SUBJECTS))] * prim
    roles += [(POS_T, list(c)) for c in combos]
    return roles


def pick_age(rng, position, early):
    if early:
        return rng.randint(22, 27) if rng.random() < 0.8 else rng.randint(28, 45)
    if position == POS_DIR:
        return rng.randint(38, 64)
    if position == POS_ZAM:
        return rng.randint(32, 62)
    band = rng.choices([(24, 30), (31, 40), (41, 50), (51, 60), (61, 68)], [10, 20, 26, 29, 15])[0]
    return rng.randint(*band)


def name_cohort(birth):
    if birth.year < 1970:
        return "old"
    if birth.year < 1990:
        return "mid"
    return "young"


def gen_staff(rng, schools):
    total_students = sum(s["students"] for s in schools)
    sizes = [max(6, round(3 + s["students"] / 19.0)) for s in schools]
    while sum(sizes) < 640:
        sizes[sizes.index(max(sizes))] += 1

    # who is early-career: ~12 % of all staff, drawn among non-leaders
    slots = []
    for s, n in zip(schools, sizes):
        for pos, subj in roles_for(rng, s, n):
            slots.append((s, pos, subj))
    candidates = [i for i, (_, pos, _) in enumerate(slots) if pos not in (POS_DIR, POS_ZAM)]
    n_early = round(0.12 * len(slots))
    early_idx = rng.sample(candidates, n_early)
    early_flags = [False] * len(slots)
    for i in early_idx:
        early_flags[i] = True

    used_names = set()
    used_emails = set()
    used_phones = set()
    staff = []
    for idx, (s, pos, subjects) in enumerate(slots):
        early = early_flags[idx]
        age = pick_age(rng, pos, early)
        birth = REF - dt.timedelta(days=365 * age + rng.randint(1, 360) + age // 4)
        # make the exact age right
        while years_between(birth, REF) > age:
            birth += dt.timedelta(days=1)
        while years_between(birth, REF) < age:
            birth -= dt.timedelta(days=1)
        if pos == POS_DIR:
            female = rng.random() < 0.62
        elif subjects and subjects[0] in MALE_LEANING:
            female = rng.random() < 0.45
        else:
            female = rng.random() < 0.86
        cohort = name_cohort(birth)
        while True:
            sur = rng.choice(SURNAMES)
            if female:
                sur = feminine(sur)
                first = rng.choice(FEMALE_NAMES[cohort])
            else:
                first = rng.choice(MALE_NAMES[cohort])
            patr = rng.choice(PATRONYMICS)[1 if female else 0]
            full = "%s %s %s" % (sur, first, patr)
            if full not in used_names:
                used_names.add(full)
                break
        # teaching since
        if early:
            if rng.random() < 0.7:
                since = D(rng.choice([2024, 2025, 2026]), 9, 1) - dt.timedelta(days=rng.randint(0, 6))
            else:
                since = rand_date(rng, D(2023, 9, 4), D(2026, 8, 31))
            since = max(since, add_years(birth, 20))
            since = min(since, REF)
        else:
            start_age = rng.choices([(21, 24), (25, 35), (36, 45)], [70, 25, 5])[0]
            sa = rng.randint(*start_age)
            if pos == POS_DIR:
                sa = rng.randint(21, 25)
            sa = min(sa, age - 3)
            year = birth.year + sa
            if rng.random() < 0.75:
                since = D(year, 8, 25) + dt.timedelta(days=rng.randint(0, 11))
            else:
                since = D(year, 1, 10) + dt.timedelta(days=rng.randint(0, 340))
            since = max(since, add_years(birth, 20))
            since = min(since, D(2023, 8, 31))
        exp = years_between(since, REF)
        # category
        if early:
            cat = "без категории" if exp < 2 or rng.random() < 0.8 else "СЗД"
        elif exp < 5:
            cat = rng.choices(["без категории", "СЗД", "первая"], [40, 30, 30])[0]
        else:
            cat = rng.choices(["высшая", "первая", "СЗД", "без категории"], [38, 34, 15, 13])[0]
        cat_date = None
        if cat != "без категории":
            lo = max(add_years(since, 2), D(2021, 12, 1))
            hi = D(2026, 10, 30)
            if lo > hi:
                cat = "без категории"
            else:
                cat_date = rand_date(rng, lo, hi)
        # contacts
        base = "%s.%s%s" % (translit(sur), translit(first[0]), translit(patr[0]))
        email = base + "@" + EMAIL_DOMAIN
        k = 2
        while email in used_emails:
            email = "%s%d@%s" % (base, k, EMAIL_DOMAIN)
            k += 1
        used_emails.add(email)
        while True:
            digits = "9%02d%07d" % (rng.choice([5, 6, 10, 15, 20, 36, 51, 53, 60, 61, 62, 80, 85, 91, 96, 99]),
                                     rng.randint(0, 9999999))
            if digits not in used_phones:
                used_phones.add(digits)
                break
        phone = "+7 %s %s-%s-%s" % (digits[0:3], digits[3:6], digits[6:8], digits[8:10])
        staff.append(dict(
            id=None, school=s["code"], position=pos, subjects=list(subjects), full=full, female=female,
            birth=birth, since=since, early=early, category=cat, cat_date=cat_date,
            email=email, phone=phone,
        ))
    for i, p in enumerate(staff):
        p["id"] = "SV-%04d" % (i + 1)
    fix_mentor_capacity(rng, schools, staff)
    return staff


def post_since(p):
    """The date of appointment to the present post at this school (attestation's two-year
    exemption). Drawn from a generator of its own, keyed by the person, so the other files
    stay as they were: most have held the post since they began; some moved in later; heads
    were appointed after some years of teaching."""
    prng = random.Random("post:" + p["id"])
    since = p["since"]
    if p["position"] in (POS_DIR, POS_ZAM):
        lo = min(add_years(since, 5), REF)
    elif prng.random() < 0.65:
        return since
    else:
        lo = since
    return rand_date(prng, lo, REF) if lo < REF else since


def experience(p, at=REF):
    return years_between(p["since"], at)


def mentor_eligible(p):
    return (p["position"] in TEACHER_POS and not p["early"] and p["category"] in ("высшая", "первая")
            and experience(p) >= 10)


def fix_mentor_capacity(rng, schools, staff):
    """Every school needs enough eligible mentors (3 mentees each) for its early-career staff."""
    for s in schools:
        members = [p for p in staff if p["school"] == s["code"]]
        mentees = [p for p in members if p["early"]]
        need = math.ceil(len(mentees) / 3.0)
        have = [p for p in members if mentor_eligible(p)]
        if len(have) >= need:
            continue
        mentee_subj = set()
        for m in mentees:
            mentee_subj.update(m["subjects"])
        pool = [p for p in members if p["position"] in TEACHER_POS and not p["early"] and not mentor_eligible(p)
                and years_between(p["birth"], REF) >= 34]
        pool.sort(key=lambda p: (-len(mentee_subj.intersection(p["subjects"])), p["birth"], p["id"] or ""))
        for p in pool[: need - len(have)]:
            p["since"] = min(p["since"], max(add_years(p["birth"], 21), D(2016, 8, 29) - dt.timedelta(
                days=rng.randint(0, 1500))))
            if experience(p) < 10:
                p["since"] = D(2016, 8, 29)
            p["category"] = rng.choice(["высшая", "первая"])
            p["cat_date"] = rand_date(rng, D(2021, 12, 1), D(2026, 6, 30))


# --------------------------------------------------------------------------
def course_dates(rng, hours, start):
    """A cohort starting on `start` (moved off the weekend) and lasting as its hours suggest."""
    dur = {8: (0, 0), 16: (1, 4), 18: (2, 5), 24: (3, 7), 36: (5, 20), 72: (13, 40), 108: (30, 60),
           144: (35, 75)}[hours]
    if start.weekday() >= 5:
        start += dt.timedelta(days=7 - start.weekday())
    end = start + dt.timedelta(days=rng.randint(*dur))
    if end.weekday() >= 5 and end - dt.timedelta(days=end.weekday() - 4) >= start:
        end -= dt.timedelta(days=end.weekday() - 4)
    return start, end


def gen_courses(rng):
    n = len(COURSES)
    idx = list(range(n))
    rng.shuffle(idx)
    # schedule of the 2026/27 catalogue cohort
    ongoing = [i for i in idx if COURSES[i][3] >= 36][:6]
    rest = [i for i in idx if i not in ongoing]
    future = rest[:13]
    used_nums = set()
    courses = []
    for i, (year, title, provider, hours, form, topics, subjects, aud) in enumerate(COURSES):
        while True:
            num = rng.randint(1, 60)
            if (year, num) not in used_nums:
                used_nums.add((year, num))
                break
        code = "ДПП-%d-%03d" % (year, num)
        if i in ongoing:
            start, end = course_dates(rng, hours, rand_date(rng, D(2026, 10, 5), D(2026, 10, 26)))
            end = max(end, D(2026, 11, 27) + dt.timedelta(days=rng.randint(0, 21)))
            if end.weekday() >= 5:
                end -= dt.timedelta(days=end.weekday() - 4)
            slot = "ongoing"
        elif i in future:
            start, end = course_dates(rng, hours, rand_date(rng, D(2027, 1, 18), D(2027, 5, 17)))
            slot = "future"
        else:
            while True:
                start, end = course_dates(rng, hours, rand_date(rng, D(2026, 1, 19), D(2026, 12, 7)))
                if end <= D(2026, 12, 25) and not (start.month in (7,)):
                    break
            slot = "2026"
        seats = 60 if hours == 8 else rng.choice([15, 20, 20, 25, 25, 30, 30, 40, 50, 60])
        courses.append(dict(code=code, year=year, title=title, provider=provider, hours=hours, form=form,
                            topics=topics, subjects=subjects, aud=aud, start=start, end=end, seats=seats,
                            slot=slot, external=False))
    courses.sort(key=lambda c: c["code"])
    return courses


def course_weight(c, p):
    g = group_of(p)
    if g not in c["aud"]:
        return 0.0
    if g == "L":
        return 5.0 if "управление качеством образования" in c["topics"] else 0.6
    if g == "C":
        return 2.0
    if c["subjects"]:
        return 4.0 if set(c["subjects"]) & set(p["subjects"]) else 0.0
    return 1.5


# Programmes taken outside the catalogue: the training file names them by code and title.
EXTERNAL_TITLES = {
    "EXT-001": "Современные технологии обучения в условиях реализации обновлённых ФГОС",
    "EXT-002": "Профессиональная переподготовка «Педагогическое образование: учитель»",
    "EXT-003": "Методика решения олимпиадных задач по математике",
    "EXT-004": "Наставничество в образовательной организации",
    "EXT-005": "Управление образовательной организацией: эффективный руководитель",
    "EXT-006": "Оказание первой помощи в образовательной организации",
    "EXT-007": "Подготовка к итоговому сочинению и ЕГЭ по русскому языку",
    "EXT-008": "Лабораторный практикум в преподавании естественных наук",
    "EXT-009": "Формирование навыков смыслового чтения в начальной школе",
    "EXT-010": "Коммуникативный подход в обучении английскому языку",
    "EXT-011": "Историческое просвещение: преподавание истории России",
    "EXT-012": "Классный руководитель: воспитательная работа в современной школе",
}


def gen_trainings(rng, schools, staff, courses):
    by_code = {c["code"]: c for c in courses}
    externals = [dict(code=code, provider=prov, hours=h, subjects=subj, aud=aud, topics=[], year=2021,
                      external=True) for code, prov, h, subj, aud in EXTERNAL]
    school_by_code = {s["code"]: s for s in schools}
    cohorts = {}

    def get_cohorts(c, year):
        key = (c["code"], year)
        if key not in cohorts:
            lst = []
            for _ in range(2):
                for _attempt in range(50):
                    start = rand_date(rng, D(year, 1, 11), D(year, 12, 10))
                    if start.month == 7:
                        continue
                    s, e = course_dates(rng, c["hours"], start)
                    if year == 2026 and e > DATA_UNTIL:
                        continue
                    lst.append((s, e))
                    break
            if year == 2026 and not c["external"] and c["end"] <= DATA_UNTIL:
                lst.append((c["start"], c["end"]))
            cohorts[key] = sorted(set(lst))
        return cohorts[key]

    teachers = [p for p in staff if p["position"] in TEACHER_POS]
    weights = []
    for p in teachers:
        g = school_group(school_by_code[p["school"]])
        w = {"low": 2.2, "adverse": 2.0, "high_risk": 1.6, "moderate_risk": 1.2, "effective": 0.6}.get(g, 1.0)
        if p["early"]:
            w *= 1.3
        weights.append(w)
    overdue_ids = set(p["id"] for p in weighted_sample(rng, teachers, weights, round(0.18 * len(teachers))))
    for p in staff:
        if p["position"] not in TEACHER_POS and p["position"] != POS_DIR and rng.random() < 0.08:
            overdue_ids.add(p["id"])

    rows = []
    certs = set()

    def new_cert(provider):
        prefix = CERT_PREFIX[provider]
        while True:
            c = prefix + "%0*d" % (12 - len(prefix), rng.randint(0, 10 ** (12 - len(prefix)) - 1))
            if c not in certs:
                certs.add(c)
                return c

    year_weights = {2021: 12, 2022: 16, 2023: 18, 2024: 20, 2025: 20, 2026: 14}
    for p in staff:
        overdue = p["id"] in overdue_ids
        cat_courses = [(c, course_weight(c, p)) for c in courses]
        cat_courses = [(c, w) for c, w in cat_courses if w > 0]
        ext_courses = [(c, course_weight(c, p)) for c in externals]
        ext_courses = [(c, w) for c, w in ext_courses if w > 0]
        earliest = max(TRAIN_FROM, p["since"])
        if overdue:
            k = 0 if rng.random() < 0.5 else rng.choice([1, 1, 2])
        else:
            k = rng.choices([1, 2, 3, 4], [28, 36, 25, 11])[0]
        taken = []
        for j in range(k):
            need_recent = (not overdue) and j == 0
            placed = False
            for _attempt in range(80):
                if ext_courses and rng.random() < 0.11:
                    c = rng.choices([c for c, _ in ext_courses], [w for _, w in ext_courses])[0]
                else:
                    c = rng.choices([c for c, _ in cat_courses], [w for _, w in cat_courses])[0]
                if c["code"] in [t[0]["code"] for t in taken]:
                    continue
                if need_recent and c["hours"] < 16:
                    continue
                years = [y for y in year_weights if y >= c["year"] and y >= earliest.year]
                if overdue:
                    years = [y for y in years if y <= 2023]
                if need_recent:
                    years = [y for y in years if y >= 2023]
                if not years:
                    continue
                y = rng.choices(years, [year_weights[y] for y in years])[0]
                s, e = rng.choice(get_cohorts(c, y))
                if s < earliest or e > DATA_UNTIL:
                    continue
                if overdue and e >= RECENT_FROM:
                    continue
                if need_recent and e < RECENT_FROM:
                    continue
                taken.append((c, s, e))
                placed = True
                break
            if not placed and need_recent:
                # a fresh cohort of a short municipal/regional course inside the allowed window
                short = [c for c, _ in cat_courses if 16 <= c["hours"] <= 36 and c["year"] <= 2026]
                c = rng.choice(short)
                lo = max(earliest, RECENT_FROM, D(c["year"], 1, 11))
                s, e = course_dates(rng, c["hours"], rand_date(rng, lo, DATA_UNTIL - dt.timedelta(days=25)))
                cohorts.setdefault((c["code"], s.year), []).append((s, e))
                taken.append((c, s, e))
        for c, s, e in sorted(taken, key=lambda t: (t[1], t[0]["code"])):
            cert = new_cert(c["provider"]) if c["hours"] >= 16 else ""
            rows.append(dict(staff=p["id"], code=c["code"], provider=c["provider"], hours=c["hours"],
                             start=s, end=e, status="завершено", cert=cert))

    # a few still studying (cohort of the 2026/27 catalogue running now)
    ongoing = [c for c in courses if c["slot"] == "ongoing"]
    future = [c for c in courses if c["slot"] == "future"]
    have = set((r["staff"], r["code"]) for r in rows)
    pool = [p for p in staff if p["position"] != POS_DIR]
    extra = []
    for p in rng.sample(pool, 40):
        opts = [c for c in ongoing if course_weight(c, p) > 0 and (p["id"], c["code"]) not in have]
        if opts and p["since"] <= D(2026, 9, 1):
            c = rng.choice(opts)
            extra.append(dict(staff=p["id"], code=c["code"], provider=c["provider"], hours=c["hours"],
                              start=c["start"], end=c["end"], status="обучается", cert=""))
            have.add((p["id"], c["code"]))
        if len(extra) >= 16:
            break
    # applications for 2027 cohorts, mostly from teachers overdue for training
    od = [p for p in staff if p["id"] in overdue_ids and p["position"] in TEACHER_POS]
    others = [p for p in pool if p["id"] not in overdue_ids]
    applicants = rng.sample(od, min(len(od), 18)) + rng.sample(others, 12)
    n_app = 0
    for p in applicants:
        opts = [c for c in future if course_weight(c, p) > 0 and (p["id"], c["code"]) not in have]
        if not opts:
            continue
        c = rng.choice(opts)
        extra.append(dict(staff=p["id"], code=c["code"], provider=c["provider"], hours=c["hours"],
                          start=c["start"], end=c["end"], status="заявка", cert=""))
        have.add((p["id"], c["code"]))
        n_app += 1
    rows += extra
    rows.sort(key=lambda r: (r["staff"], r["start"], r["code"]))
    return rows, overdue_ids


# --------------------------------------------------------------------------
def subject_literacy(p):
    subj = set(p["subjects"])
    out = []
    if p["position"] == POS_P:
        return ["читательская грамотность", "математическая грамотность"]
    if subj & {"математика", "информатика"}:
        out.append("математическая грамотность")
    if subj & {"русский язык", "литература", "история", "обществознание", "английский язык", "немецкий язык"}:
        out.append("читательская грамотность")
    if subj & {"физика", "химия", "биология", "география"}:
        out.append("естественнонаучная грамотность")
    if not out:
        out.append("функциональная грамотность")
    return out


GIA_SUBJECTS = {"русский язык", "математика", "обществознание", "история", "физика", "химия", "биология",
                "география", "английский язык", "информатика", "литература"}


def deficits_for(rng, p, school, sc):
    subj, meth, psy, com = sc
    pools = []
    if subj <= 10:
        t = list(subject_literacy(p))
        if p["position"] == POS_T and set(p["subjects"]) & GIA_SUBJECTS and school["kind"] != "НОШ":
            t.append("подготовка к ГИА")
        pools.append(t)
        if subj <= 7:
            pools.append(t)
    if meth <= 20:
        t = ["формирующее оценивание", "функциональная грамотность", "обновлённые ФГОС",
             "цифровые образовательные ресурсы", "проектная деятельность", "индивидуализация обучения"]
        if p["position"] == POS_ZAM:
            t = ["управление качеством образования"] * 3 + t
        pools.append(t)
        if meth <= 15:
            pools.append(t)
    if psy <= 7:
        t = ["мотивация обучающихся", "работа с обучающимися с ОВЗ", "индивидуализация обучения"]
        if "ШНСУ" in school["statuses"]:
            t += ["преподавание в поликультурной среде"] * 2
        pools.append(t)
    if com <= 5:
        pools.append(["классное руководство и воспитание", "мотивация обучающихся"])
    if not pools and "эффективная" in school["statuses"] and rng.random() < 0.25:
        pools.append(["работа с одарёнными детьми", "цифровые образовательные ресурсы"])
    if not pools and rng.random() < 0.15:
        pools.append(["цифровые образовательные ресурсы", "проектная деятельность", "работа с обучающимися с ОВЗ"])
    if p["position"] == POS_ZAM and pools:
        pools.insert(0, ["управление качеством образования"])
    out = []
    for t in pools[:4]:
        opts = [x for x in t if x not in out]
        if opts:
            out.append(rng.choice(opts))
    return [x for x in TOPICS if x in out]  # stable vocabulary order


def gen_diagnostics(rng, schools, staff):
    school_by_code = {s["code"]: s for s in schools}
    effect = {"low": -0.85, "adverse": -0.55, "high_risk": -0.4, "moderate_risk": -0.2, "effective": 0.55,
              "regular": 0.0}
    target = [s["code"] for s in schools if supported(s) or s["name"] in DIAG_EFFECTIVE]
    people = [p for p in staff if p["school"] in target and p["position"] in (POS_T, POS_P, POS_ZAM)]
    out26, out25 = [], []
    for p in people:
        s = school_by_code[p["school"]]
        eff = effect[school_group(s)]
        if "ШНСУ" in s["statuses"] and "НОР" in s["statuses"]:
            eff -= 0.15
        cat_bonus = {"высшая": 0.45, "первая": 0.2, "СЗД": -0.05, "без категории": -0.25}[p["category"]]
        a = rng.gauss(0, 0.8) + eff + cat_bonus
        m = rng.gauss(0, 0.8) + eff + cat_bonus - (0.5 if p["early"] else 0)
        z = rng.gauss(0, 1) + eff * 0.5
        c = rng.gauss(0, 1) + eff * 0.3
        sc26 = (half(12.3 + 3.2 * a, 0, 20), half(23.5 + 5.0 * m, 0, 35), half(9.6 + 2.4 * z, 0, 15),
                half(7.0 + 1.5 * c, 0, 10))
        sc25 = (half(sc26[0] - rng.uniform(-0.5, 2.5), 0, 20), half(sc26[1] - rng.uniform(-1.0, 4.0), 0, 35),
                half(sc26[2] - rng.uniform(-0.5, 1.5), 0, 15), half(sc26[3] - rng.uniform(-0.5, 1.0), 0, 10))
        take26 = p["since"] <= DIAG_2026 and rng.random() < 0.85
        take25 = p["since"] <= DIAG_2025 and rng.random() < (0.88 if take26 else 0.5)
        if take26:
            out26.append(dict(staff=p["id"], date=DIAG_2026, scores=sc26, deficits=deficits_for(rng, p, s, sc26)))
        if take25:
            out25.append(dict(staff=p["id"], date=DIAG_2025, scores=sc25, deficits=deficits_for(rng, p, s, sc25)))
    return out26, out25


# --------------------------------------------------------------------------
RESULT_SPECS = [
    # assessment, subject, grade, scale, region means per year, kinds
    ("ВПР", "русский язык", 4, "mark", None, ("СОШ", "ООШ", "НОШ", "гимназия", "лицей")),
    ("ВПР", "математика", 4, "mark", None, ("СОШ", "ООШ", "НОШ", "гимназия", "лицей")),
    ("ВПР", "русский язык", 5, "mark", None, ("СОШ", "ООШ", "гимназия", "лицей")),
    ("ВПР", "математика", 5, "mark", None, ("СОШ", "ООШ", "гимназия", "лицей")),
    ("ВПР", "русский язык", 6, "mark", None, ("СОШ", "ООШ", "гимназия", "лицей")),
    ("ВПР", "математика", 6, "mark", None, ("СОШ", "ООШ", "гимназия", "лицей")),
    ("ОГЭ", "русский язык", 9, "mark", None, ("СОШ", "ООШ", "гимназия", "лицей")),
    ("ОГЭ", "математика", 9, "mark", None, ("СОШ", "ООШ", "гимназия", "лицей")),
    ("ЕГЭ", "русский язык", 11, "test", 68.0, ("СОШ", "гимназия", "лицей")),
    ("ЕГЭ", "математика профильная", 11, "test", 57.0, ("СОШ", "гимназия", "лицей")),
    ("ЕГЭ", "обществознание", 11, "test", 56.0, ("СОШ", "гимназия", "лицей")),
]
MARK_BASE = {("ВПР", "русский язык"): 3.62, ("ВПР", "математика"): 3.70, ("ОГЭ", "русский язык"): 3.78,
             ("ОГЭ", "математика"): 3.48}
YEARS = (2023, 2024, 2025)


def rel_score(rng, s, base, year_idx):
    g = school_group(s)
    if g == "low":
        r = base + rng.uniform(-0.02, 0.02)
    elif g == "effective":
        r = base + rng.uniform(-0.015, 0.015)
    elif g == "high_risk":
        r = base - 0.035 * year_idx + rng.uniform(-0.01, 0.01)
    elif g == "moderate_risk":
        r = base - 0.02 * year_idx + rng.uniform(-0.01, 0.01)
    elif g == "adverse":
        r = base + rng.uniform(-0.02, 0.02)
    else:
        r = base + rng.uniform(-0.025, 0.025)
    return r


def school_base_rel(rng, s):
    g = school_group(s)
    return {"low": lambda: rng.uniform(0.81, 0.88), "effective": lambda: rng.uniform(1.07, 1.17),
            "high_risk": lambda: rng.uniform(0.985, 1.0), "moderate_risk": lambda: rng.uniform(0.985, 1.0),
            "adverse": lambda: rng.uniform(0.90, 0.94), "regular": lambda: rng.uniform(0.97, 1.03)}[g]()


def gen_results(rng, schools):
    region = {}
    for y in YEARS:
        for a, subj, grade, scale, tbase, _k in RESULT_SPECS:
            if scale == "mark":
                region[(y, a, subj, grade)] = round(MARK_BASE[(a, subj)] + rng.uniform(-0.07, 0.07), 2)
            else:
                region[(y, a, subj, grade)] = round(tbase + rng.uniform(-2.0, 2.0), 1)
    base = {s["code"]: school_base_rel(rng, s) for s in schools}
    rows = []
    for s in schools:
        cohort = s["students"] / float(s["grades"])
        for yi, y in enumerate(YEARS):
            n11 = round(cohort * (rng.uniform(0.75, 0.9) if s["kind"] in ("гимназия", "лицей")
                                  else rng.uniform(0.4, 0.62)))
            for a, subj, grade, scale, _t, kinds in RESULT_SPECS:
                if s["kind"] not in kinds:
                    continue
                if a == "ВПР":
                    n = round(cohort * rng.uniform(0.86, 1.04))
                elif a == "ОГЭ":
                    n = round(cohort * rng.uniform(0.85, 1.03))
                elif subj == "русский язык":
                    n = n11
                elif subj == "математика профильная":
                    n = round(n11 * (rng.uniform(0.55, 0.7) if s["kind"] in ("гимназия", "лицей")
                                     else rng.uniform(0.3, 0.5)))
                else:
                    n = round(n11 * rng.uniform(0.35, 0.55))
                if n < 1:
                    continue
                reg = region[(y, a, subj, grade)]
                r = rel_score(rng, s, base[s["code"]], yi)
                if scale == "mark":
                    mean = clamp(reg * r + rng.gauss(0, 0.03), 2.2, 4.85)
                    fail = clamp(8 + 30 * (3.5 - mean) + rng.gauss(0, 2), 0, 60)
                    top = clamp(15 + 35 * (mean - 3.5) + rng.gauss(0, 2), 0, 85)
                    fail_n = min(n, round(fail / 100.0 * n))
                    top_n = min(n - fail_n, round(top / 100.0 * n))
                    rows.append(dict(school=s["code"], year=y, a=a, subj=subj, grade=grade, n=n,
                                     mean=dec(mean, 2), region=dec(reg, 2), fail=pct(100.0 * fail_n / n),
                                     top=pct(100.0 * top_n / n), counts=grade_counts(n, fail_n, top_n, mean),
                                     above70=""))
                else:
                    mean = clamp(reg * r + rng.gauss(0, 0.8), 30, 92)
                    fail = clamp(3 + 0.9 * (reg - mean) + rng.gauss(0, 1.5), 0, 45)
                    fail_n = min(n, round(fail / 100.0 * n))
                    rows.append(dict(school=s["code"], year=y, a=a, subj=subj, grade=grade, n=n,
                                     mean=dec(mean, 1), region=dec(reg, 1), fail=pct(100.0 * fail_n / n), top="",
                                     counts=["", "", "", ""], above70=str(above_70(n, fail_n, mean))))
    return rows


# Derived, not drawn (issue #21): the counts a results file may carry, from the values above.
def grade_counts(n, fail_n, top_n, mean):
    """«2», «3», «4», «5» counts: «2» and «5» as the shares say, «3» and «4» splitting the rest
    so that the mean of the marks is as near the stated mean as whole counts allow."""
    rest = n - fail_n - top_n
    four = int(clamp(round(mean * n - 2 * fail_n - 5 * top_n - 3 * rest), 0, rest))
    return [str(fail_n), str(rest - four), str(four), str(top_n)]


def above_70(n, fail_n, mean):
    """Participants above 70 points at ЕГЭ: the share of a normal spread (sd 14) around the mean."""
    share = 0.5 * (1 - math.erf((70.5 - mean) / (14 * math.sqrt(2))))
    return min(n - fail_n, round(n * share))


def gen_social(rng, schools):
    rows = []
    for s in schools:
        adverse = "ШНСУ" in s["statuses"]
        g = school_group(s)
        if adverse:
            base = [rng.uniform(24, 36), rng.uniform(7, 18), rng.uniform(4, 8), rng.uniform(9, 17),
                    rng.uniform(34, 45)]
        elif g == "effective":
            base = [rng.uniform(3, 8), rng.uniform(0, 2.5), rng.uniform(0.3, 1.5), rng.uniform(48, 72),
                    rng.uniform(14, 22)]
        elif g == "low":
            base = [rng.uniform(12, 20), rng.uniform(1, 5), rng.uniform(1.5, 4), rng.uniform(18, 30),
                    rng.uniform(24, 32)]
        else:
            base = [rng.uniform(6, 14), rng.uniform(0, 4), rng.uniform(0.5, 3), rng.uniform(28, 48),
                    rng.uniform(18, 28)]
        for y in (2024, 2025):
            if y == 2025:
                base = [base[0] + rng.uniform(-1, 2), base[1] + rng.uniform(-0.5, 1), base[2] + rng.uniform(-0.5, 0.6),
                        base[3] + rng.uniform(-2, 1.5), base[4] + rng.uniform(-1, 1.5)]
            vals = [clamp(v, 0, 100) for v in base]
            rows.append([s["code"], str(y)] + [pct(round(v, 1)) for v in vals])
    return rows


def gen_social_counts(rng, schools, results):
    """The counts of the social kind for 2023–2025 (issue #21), from their own random stream so
    that every other figure of the demo stays as it was: pupils as the schools file says,
    leavers of the 9th and 11th grades as many as took ОГЭ and ЕГЭ in Russian."""
    takers = {(r["school"], r["year"], r["a"]): r["n"] for r in results if r["subj"] == "русский язык"}
    counts = {}
    for s in schools:
        g = school_group(s)
        weak = g in ("low", "adverse")
        for y in YEARS:
            pupils = s["students"]
            ovz = round(pupils * rng.uniform(0.05, 0.09) if weak else pupils * rng.uniform(0.02, 0.06))
            adapted = round(ovz * (rng.uniform(0.6, 0.9) if weak else rng.uniform(0.85, 1.0)))
            repeaters = round(pupils * (rng.uniform(0.004, 0.012) if weak else rng.uniform(0, 0.003)))
            leavers9 = takers.get((s["code"], y, "ОГЭ"), 0)
            cert9 = leavers9 - round(leavers9 * (rng.uniform(0.02, 0.07) if weak else rng.uniform(0, 0.015)))
            leavers11 = takers.get((s["code"], y, "ЕГЭ"))
            cert11 = None if leavers11 is None else leavers11 - round(leavers11 * rng.uniform(0, 0.04 if weak else 0.01))
            counts[(s["code"], y)] = [str(v) if v is not None else "" for v in
                                      (pupils, ovz, adapted, repeaters, leavers9 if s["grades"] >= 9 else None,
                                       cert9 if s["grades"] >= 9 else None, leavers11, cert11)]
    return counts


def gen_social_vacancies(rng, schools):
    """Vacant pedagogical positions (ставки) per school and year for the social kind (issue #21,
    «500+» factor 2), from their own random stream so that every other figure stays as it was:
    most schools none or one, a few small rural supported schools two or three."""
    out = {}
    for s in schools:
        short = (s["settlement"] != TOWN and s["students"] < 200
                 and school_group(s) in ("low", "high_risk", "adverse"))
        for y in YEARS:
            v = rng.choice([2, 2, 2.5, 3]) if short else rng.choice([0, 0, 0, 0, 0, 0.5, 1])
            out[(s["code"], y)] = str(v).replace(".", ",")
    return out


# --------------------------------------------------------------------------
def gen_curators(rng, schools, staff):
    directors = {p["school"]: p for p in staff if p["position"] == POS_DIR}
    sup = [s for s in schools if "НОР" in s["statuses"] or "ЗПР" in s["statuses"]]
    eff = [s for s in schools if "эффективная" in s["statuses"]]
    pairs = sorted(((distance_km(a, b), a["code"], b["code"]) for a in sup for b in eff))
    load = {b["code"]: 0 for b in eff}
    assigned = {}
    for d, a, b in pairs:
        if a in assigned or load[b] >= 2:
            continue
        assigned[a] = (b, d)
        load[b] += 1
    by_code = {s["code"]: s for s in schools}
    rows = []
    for s in sup:
        b, d = assigned[s["code"]]
        if "НОР" in s["statuses"]:
            since, order = D(2025, 9, 12), "Приказ УО от 12.09.2025 № 214"
        else:
            since, order = D(2025, 10, 3), "Приказ УО от 03.10.2025 № 236"
        coord = COORDINATORS[len(rows) % 3]
        rows.append(dict(school=s["code"], curator_school=b, curator=directors[b]["full"], coordinator=coord,
                         since=since, order=order, km=d))
    return rows


MENTOR_GOALS_EARLY = [
    "Адаптация молодого специалиста в коллективе, освоение методики преподавания",
    "Профессиональное становление молодого педагога, подготовка к аттестации на соответствие занимаемой должности",
    "Освоение технологий планирования урока и формирующего оценивания",
    "Сопровождение молодого специалиста в первый год работы: планирование, классное руководство, работа с родителями",
    "Повышение методического мастерства молодого педагога, посещение и анализ уроков",
]


def gen_mentoring(rng, schools, staff, diag26, curators):
    by_id = {p["id"]: p for p in staff}
    load = {}
    rows = []

    def fmt(d):
        return dmy_short(d) if rng.random() < 0.4 else dmy(d)

    for s in schools:
        members = [p for p in staff if p["school"] == s["code"]]
        mentors = [p for p in members if mentor_eligible(p)]
        for m in [p for p in members if p["early"]]:
            opts = [x for x in mentors if load.get(x["id"], 0) < 3]
            same = [x for x in opts if (set(x["subjects"]) & set(m["subjects"])) or
                    (x["position"] == m["position"] == POS_P)]
            choice_from = same or opts
            choice_from.sort(key=lambda x: (load.get(x["id"], 0), -experience(x), x["id"]))
            mentor = choice_from[0]
            load[mentor["id"]] = load.get(mentor["id"], 0) + 1
            start = max(m["since"], REF) + dt.timedelta(days=rng.randint(0, 14))
            subj = m["subjects"][0] if m["position"] == POS_T else None
            goal = rng.choice(MENTOR_GOALS_EARLY)
            if subj:
                goal = goal + " (%s)" % subj
            rows.append(dict(mentor=mentor["id"], mentee=m["id"], form="педагог – молодой специалист",
                             start=fmt(start), end=fmt(D(2027, 5, 31))))
            rows[-1]["goal"] = goal

    # pairs for staff with weak diagnostic results
    curator_of = {c["school"]: c["curator_school"] for c in curators}
    already = set(r["mentee"] for r in rows)
    weak = []
    for d in diag26:
        p = by_id[d["staff"]]
        if p["early"] or p["id"] in already or p["id"] in load or p["school"] not in curator_of:
            continue
        subj, meth, psy, com = d["scores"]
        weak.append((subj / 20.0 + meth / 35.0 + psy / 15.0 * 0.5, p["id"], d))
    weak.sort()
    picked_lead = [w for w in weak if by_id[w[1]]["position"] == POS_ZAM][:2]
    picked = picked_lead + [w for w in weak if by_id[w[1]]["position"] != POS_ZAM][: 10 - len(picked_lead)]
    directors = {p["school"]: p for p in staff if p["position"] == POS_DIR}
    for _score, pid, d in picked:
        p = by_id[pid]
        cur = curator_of[p["school"]]
        if p["position"] == POS_ZAM:
            mentor = directors[cur]
            form = "руководитель – руководитель"
        else:
            cands = [x for x in staff if x["school"] == cur and mentor_eligible(x) and load.get(x["id"], 0) < 3]
            same = [x for x in cands if (set(x["subjects"]) & set(p["subjects"])) or
                    (x["position"] == p["position"] == POS_P)]
            if not same:
                local = [x for x in staff if x["school"] == p["school"] and mentor_eligible(x) and x["id"] != p["id"]
                         and load.get(x["id"], 0) < 3 and set(x["subjects"]) & set(p["subjects"])]
                same = local or cands
            same.sort(key=lambda x: (load.get(x["id"], 0), x["category"] != "высшая", x["id"]))
            mentor = same[0]
            form = "учитель – учитель"
        load[mentor["id"]] = load.get(mentor["id"], 0) + 1
        defs = ", ".join(d["deficits"]) if d["deficits"] else "повышение предметных и методических компетенций"
        goal = "Преодоление профессиональных дефицитов по итогам диагностики 15.03.2026: %s" % defs
        start = D(2026, 9, 14) + dt.timedelta(days=rng.randint(0, 20))
        rows.append(dict(mentor=mentor["id"], mentee=p["id"], form=form, start=fmt(start),
                         end=fmt(D(2027, 5, 31)), goal=goal))
    return rows


# --------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------
def write_csv(path, header, rows, encoding, delimiter, crlf=False):
    newline = "\r\n" if crlf else "\n"
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        assert len(r) == len(header), (path, r)
        w.writerow(r)
    data = buf.getvalue().encode(encoding)  # strict: fails on characters cp1251 cannot hold
    with open(path, "wb") as f:
        f.write(data)


def write_csv_quoted_lists(path, header, rows, encoding, delimiter):
    """RFC 4180 by hand: quote every field that holds a delimiter, `;`, a quote or a line break."""
    def q(v):
        v = str(v)
        if any(ch in v for ch in (delimiter, ";", '"', "\n", "\r")):
            return '"' + v.replace('"', '""') + '"'
        return v
    lines = [delimiter.join(q(h) for h in header)]
    for r in rows:
        assert len(r) == len(header)
        lines.append(delimiter.join(q(v) for v in r))
    with open(path, "wb") as f:
        f.write(("\n".join(lines) + "\n").encode(encoding))


def generate(out, seed):
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    schools = gen_schools(rng)
    staff = gen_staff(rng, schools)
    directors = {p["school"]: p for p in staff if p["position"] == POS_DIR}
    courses = gen_courses(rng)
    trainings, overdue = gen_trainings(rng, schools, staff, courses)
    diag26, diag25 = gen_diagnostics(rng, schools, staff)
    results = gen_results(rng, schools)
    social = gen_social(rng, schools)
    curators = gen_curators(rng, schools, staff)
    mentoring = gen_mentoring(rng, schools, staff, diag26, curators)

    # 1. schools — as Russian Excel writes it
    hdr = ["Код ОО", "Наименование ОО", "Муниципалитет", "Тип ОО", "Статус", "Стажировочная площадка",
           "Численность обучающихся", "Широта", "Долгота", "Адрес", "Директор"]
    rows = []
    for s in schools:
        rows.append([s["code"], s["name"], MUNICIPALITY, s["kind"], "; ".join(s["statuses"]),
                     "да" if s["internship"] else "нет", str(s["students"]),
                     dec(s["lat"], 6) if s["has_coords"] else "", dec(s["lon"], 6) if s["has_coords"] else "",
                     s["address"], directors[s["code"]]["full"]])
    write_csv(os.path.join(out, "schools.csv"), hdr, rows, "cp1251", ";", crlf=True)

    # 2. staff
    hdr = ["Табельный номер", "ФИО", "Код ОО", "Должность", "Предметы", "Дата рождения",
           "Дата начала педагогической деятельности", "Квалификационная категория", "Дата аттестации",
           "E-mail", "Телефон", "Дата назначения на должность"]
    rows = []
    for p in staff:
        subjects = ", ".join(p["subjects"]) if p["position"] in TEACHER_POS else ""
        rows.append([p["id"], p["full"], p["school"], p["position"], subjects, dmy(p["birth"]), dmy(p["since"]),
                     p["category"], dmy(p["cat_date"]) if p["cat_date"] else "", p["email"], p["phone"],
                     dmy(post_since(p))])
    write_csv(os.path.join(out, "staff.csv"), hdr, rows, "utf-8-sig", ";")

    # 3. courses — comma-delimited, ISO dates
    hdr = ["Код программы", "Наименование программы", "Организатор", "Объём (часов)", "Форма обучения", "Темы",
           "Предметы", "Дата начала", "Дата окончания", "Количество мест"]
    rows = []
    for c in courses:
        rows.append([c["code"], c["title"], c["provider"], str(c["hours"]), c["form"], "; ".join(c["topics"]),
                     "; ".join(c["subjects"]), iso(c["start"]), iso(c["end"]), str(c["seats"])])
    write_csv_quoted_lists(os.path.join(out, "courses.csv"), hdr, rows, "utf-8", ",")

    # 4. trainings — TAB, BOM
    hdr = ["Табельный номер", "Код программы", "Наименование программы", "Организатор", "Часы", "Дата начала",
           "Дата окончания", "Статус", "Номер удостоверения"]
    titles = {c["code"]: c["title"] for c in courses}
    titles.update(EXTERNAL_TITLES)
    rows = [[r["staff"], r["code"], titles[r["code"]], r["provider"], str(r["hours"]), dmy(r["start"]), dmy(r["end"]),
             r["status"], r["cert"]] for r in trainings]
    write_csv(os.path.join(out, "trainings.csv"), hdr, rows, "utf-8-sig", "\t")

    # 5. diagnostics (two campaigns, different header aliases)
    hdr26 = ["ID педагога", "Дата диагностики", "Инструмент", "Предметные компетенции", "Методические компетенции",
             "Психолого-педагогические компетенции", "Коммуникативные компетенции", "Выявленные дефициты"]
    hdr25 = ["ID педагога", "Дата", "Диагностика", "Предметные (балл)", "Методические (балл)",
             "Психолого-педагогические компетенции", "Коммуникативные компетенции", "Дефициты"]
    for name, hdr, data in (("diagnostics.csv", hdr26, diag26), ("diagnostics-2025.csv", hdr25, diag25)):
        rows = [[d["staff"], dmy(d["date"]), INSTRUMENT] + [fmt_half(v) for v in d["scores"]] +
                ["; ".join(d["deficits"])] for d in data]
        write_csv(os.path.join(out, name), hdr, rows, "utf-8", ";")

    # 6. results
    hdr = ["Код ОО", "Год", "Процедура", "Предмет", "Класс", "Количество участников", "Средний балл",
           "Средний балл по региону", "Доля «2»", "Доля «5»", "Получили «2»", "Получили «3»", "Получили «4»",
           "Получили «5»", "Набрали более 70 баллов"]
    rows = [[r["school"], str(r["year"]), r["a"], r["subj"], str(r["grade"]), str(r["n"]), r["mean"], r["region"],
             r["fail"], r["top"]] + r["counts"] + [r["above70"]] for r in results]
    write_csv(os.path.join(out, "results.csv"), hdr, rows, "utf-8", ";")

    # 7. social
    hdr = ["Код ОО", "Год", "Доля обучающихся из семей в ТЖС", "Доля обучающихся, для которых русский язык не родной",
           "Доля обучающихся, состоящих на учёте",
           "Доля обучающихся, у которых хотя бы один родитель с высшим образованием",
           "Доля обучающихся из неполных семей", "Обучающихся", "Обучающихся с ОВЗ и детей-инвалидов",
           "Из них обучаются по адаптированным программам", "Оставлены на повторное обучение",
           "Выпускников 9 классов", "Получили аттестат об основном общем образовании", "Выпускников 11 классов",
           "Получили аттестат о среднем общем образовании", "Вакансий педагогов"]
    counts = gen_social_counts(random.Random("social-counts:%d" % seed), schools, results)
    vacancies = gen_social_vacancies(random.Random("social-vacancies:%d" % seed), schools)
    rows = []
    for r in social:
        if r[1] == "2024":
            # 2023: the counts only (the shares of that year were never drawn).
            rows.append([r[0], "2023"] + [""] * (len(r) - 2) + counts[(r[0], 2023)] + [vacancies[(r[0], 2023)]])
        rows.append(r + counts[(r[0], int(r[1]))] + [vacancies[(r[0], int(r[1]))]])
    write_csv(os.path.join(out, "social.csv"), hdr, rows, "utf-8", ";")

    # 8. curators — cp1251, CRLF
    hdr = ["Код курируемой ОО", "Код школы-куратора", "Куратор", "Муниципальный координатор", "Дата назначения",
           "Приказ"]
    rows = [[c["school"], c["curator_school"], c["curator"], c["coordinator"], dmy(c["since"]), c["order"]]
            for c in curators]
    write_csv(os.path.join(out, "curators.csv"), hdr, rows, "cp1251", ";", crlf=True)

    # 9. mentoring
    hdr = ["Наставник", "Наставляемый", "Форма наставничества", "Дата начала", "Дата окончания", "Цель"]
    rows = [[m["mentor"], m["mentee"], m["form"], m["start"], m["end"], m["goal"]] for m in mentoring]
    write_csv(os.path.join(out, "mentoring.csv"), hdr, rows, "utf-8", ";")



# --------------------------------------------------------------------------
# Verification: read every file back the way an importer would
# --------------------------------------------------------------------------
ALIASES = {
    "schools": {"code": ["Код ОО", "Код"], "name": ["Наименование ОО", "Наименование", "Образовательная организация",
                                                   "ОО", "Школа"],
                "municipality": ["Муниципалитет", "Муниципальное образование", "МО", "Район"],
                "kind": ["Тип ОО", "Тип"], "status": ["Статус"], "internship_site": ["Стажировочная площадка"],
                "students": ["Численность обучающихся", "Обучающихся"], "latitude": ["Широта"],
                "longitude": ["Долгота"], "address": ["Адрес"], "head": ["Директор", "Руководитель"]},
    "staff": {"staff_id": ["Табельный номер", "ID педагога", "Идентификатор"],
              "full_name": ["ФИО", "Фамилия Имя Отчество"], "school_code": ["Код ОО"], "position": ["Должность"],
              "subjects": ["Предметы", "Предмет", "Преподаваемые предметы"], "birth_date": ["Дата рождения"],
              "teaching_since": ["Дата начала педагогической деятельности", "Педстаж с"],
              "experience_years": ["Педстаж", "Педагогический стаж (лет)"],
              "category": ["Квалификационная категория", "Категория"], "category_date": ["Дата аттестации"],
              "email": ["E-mail", "Эл. почта"], "phone": ["Телефон"],
              "post_since": ["Дата назначения на должность", "В должности с", "Дата приёма на должность"]},
    "diagnostics": {"staff_id": ["Табельный номер", "ID педагога", "Идентификатор"],
                    "full_name": ["ФИО", "Фамилия Имя Отчество"], "school_code": ["Код ОО"],
                    "date": ["Дата диагностики", "Дата"], "instrument": ["Инструмент", "Диагностика"],
                    "subject_score": ["Предметные компетенции", "Предметные (балл)"],
                    "methodological_score": ["Методические компетенции", "Методические (балл)"],
                    "psych_score": ["Психолого-педагогические компетенции"],
                    "communicative_score": ["Коммуникативные компетенции"],
                    "deficits": ["Дефициты", "Выявленные дефициты", "Затруднения"]},
    "courses": {"code": ["Код программы", "Код"], "title": ["Наименование программы", "Программа", "Название курса"],
                "provider": ["Организатор", "Учреждение ДПО"],
                "hours": ["Объём (часов)", "Часы", "Количество часов"], "format": ["Форма обучения", "Формат"],
                "topics": ["Темы", "Компетенции", "Направленность"], "subjects": ["Предметы"],
                "start": ["Дата начала"], "end": ["Дата окончания"], "seats": ["Количество мест"]},
    "trainings": {"staff_id": ["Табельный номер", "ID педагога", "Идентификатор"],
                  "full_name": ["ФИО", "Фамилия Имя Отчество"], "school_code": ["Код ОО"],
                  "course": ["Код программы", "Наименование программы", "Программа"], "provider": ["Организатор"],
                  "hours": ["Часы", "Объём (часов)"], "start": ["Дата начала"], "end": ["Дата окончания"],
                  "status": ["Статус"], "certificate": ["Номер удостоверения", "Удостоверение"]},
    "results": {"school_code": ["Код ОО"], "year": ["Год"], "assessment": ["Процедура", "Оценочная процедура"],
                "subject": ["Предмет"], "grade": ["Класс"], "participants": ["Участников", "Количество участников"],
                "mean_score": ["Средний балл"], "region_mean": ["Средний балл по региону"],
                "share_fail": ["Доля «2»", "Доля неудовлетворительных"], "share_top": ["Доля «5»"],
                "count_2": ["Получили «2»"], "count_3": ["Получили «3»"], "count_4": ["Получили «4»"],
                "count_5": ["Получили «5»"], "above_70": ["Набрали более 70 баллов"]},
    "social": {"school_code": ["Код ОО"], "year": ["Год"],
               "hardship_share": ["Доля обучающихся из семей в ТЖС"],
               "non_native_share": ["Доля обучающихся, для которых русский язык не родной"],
               "registered_share": ["Доля обучающихся, состоящих на учёте"],
               "higher_ed_parent_share": ["Доля обучающихся, у которых хотя бы один родитель с высшим образованием"],
               "single_parent_share": ["Доля обучающихся из неполных семей"],
               "pupils": ["Обучающихся"], "ovz_pupils": ["Обучающихся с ОВЗ и детей-инвалидов"],
               "ovz_adapted": ["Из них обучаются по адаптированным программам"],
               "repeaters": ["Оставлены на повторное обучение"], "leavers_9": ["Выпускников 9 классов"],
               "certificates_9": ["Получили аттестат об основном общем образовании"],
               "leavers_11": ["Выпускников 11 классов"],
               "certificates_11": ["Получили аттестат о среднем общем образовании"],
               "vacancies": ["Вакансий педагогов"]},
    "curators": {"school_code": ["Код ОО", "Код курируемой ОО"], "curator_school_code": ["Код школы-куратора"],
                 "curator_name": ["Куратор"], "coordinator": ["Муниципальный координатор"],
                 "since": ["Дата назначения"], "order_ref": ["Приказ"]},
    "mentoring": {"mentor": ["Наставник"], "mentor_school_code": ["Код ОО наставника"], "mentee": ["Наставляемый"],
                  "mentee_school_code": ["Код ОО наставляемого"], "form": ["Форма наставничества"],
                  "start": ["Дата начала"], "end": ["Дата окончания"], "goal": ["Цель"]},
}
REQUIRED = {
    "schools": ["code", "name"], "staff": ["full_name", "school_code", "position"],
    "diagnostics": ["date"], "courses": ["title", "provider", "hours"], "trainings": ["course"],
    "results": ["school_code", "year", "assessment", "subject", "mean_score"], "social": ["school_code", "year"],
    "curators": ["school_code", "curator_school_code"], "mentoring": ["mentor", "mentee"],
}
FILES = [
    # file, kind, encoding, delimiter, BOM expected, CRLF expected
    ("schools.csv", "schools", "cp1251", ";", False, True),
    ("staff.csv", "staff", "utf-8", ";", True, False),
    ("courses.csv", "courses", "utf-8", ",", False, False),
    ("trainings.csv", "trainings", "utf-8", "\t", True, False),
    ("diagnostics.csv", "diagnostics", "utf-8", ";", False, False),
    ("diagnostics-2025.csv", "diagnostics", "utf-8", ";", False, False),
    ("results.csv", "results", "utf-8", ";", False, False),
    ("social.csv", "social", "utf-8", ";", False, False),
    ("curators.csv", "curators", "cp1251", ";", False, True),
    ("mentoring.csv", "mentoring", "utf-8", ";", False, False),
]


def norm_header(h):
    h = h.strip().lower().replace("ё", "е")
    h = re.sub(r"\s+", " ", h)
    while h.endswith((":", "*")):
        h = h[:-1].rstrip()
    return h


def parse_date(v):
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", v)
    if m:
        return D(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v)
    if m:
        return D(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    raise ValueError("bad date %r" % v)


def parse_num(v):
    v = v.replace(" ", "").replace("\u00a0", "")
    percent = v.endswith("%")
    if percent:
        v = v[:-1]
    return float(v.replace(",", ".")), percent


def split_list(v):
    return [x.strip() for x in re.split(r"[;,|]", v) if x.strip()]


def verify(out):
    problems = []
    data = {}
    summary = []

    def fail(msg):
        problems.append(msg)

    for fname, kind, enc, delim, bom, crlf in FILES:
        raw = open(os.path.join(out, fname), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf") != bom:
            fail("%s: BOM presence wrong" % fname)
        if crlf and (raw.count(b"\r\n") != raw.count(b"\n") or not raw.count(b"\r\n")):
            fail("%s: expected CRLF line endings" % fname)
        if not crlf and b"\r" in raw:
            fail("%s: unexpected CR" % fname)
        if enc == "cp1251":
            try:
                raw.decode("utf-8")
                fail("%s: decodes as UTF-8, expected Windows-1251" % fname)
            except UnicodeDecodeError:
                pass
        text = raw.decode("utf-8-sig" if enc == "utf-8" else enc)
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
        header, body = rows[0], rows[1:]
        for i, r in enumerate(body):
            if len(r) != len(header):
                fail("%s:%d: %d fields, header has %d" % (fname, i + 2, len(r), len(header)))
        amap = {}
        for key, names in ALIASES[kind].items():
            for n in names + [key]:
                amap[norm_header(n)] = key
        keys = []
        for h in header:
            k = amap.get(norm_header(h))
            if k is None:
                fail("%s: header %r is not an alias of kind %s" % (fname, h, kind))
            keys.append(k)
        # A training file may name a course by both code and title (one key, two headers).
        repeated = {k for k in keys if keys.count(k) > 1}
        if repeated - {"course"}:
            fail("%s: two headers map to the same key" % fname)
        for req in REQUIRED[kind]:
            if req not in keys:
                fail("%s: required column %s missing" % (fname, req))
        recs = [dict(zip(keys, r)) for r in body]
        data[fname] = recs
        summary.append((fname, kind, len(recs), enc + (" with BOM" if bom else ""),
                        {";": "';'", ",": "','", "\t": "TAB"}[delim], "CRLF" if crlf else "LF", header))

    # ---- content checks
    date_keys = {"birth_date", "teaching_since", "category_date", "date", "start", "end", "since", "post_since"}
    num_keys = {"students", "latitude", "longitude", "hours", "seats", "subject_score", "methodological_score",
                "psych_score", "communicative_score", "participants", "mean_score", "region_mean", "share_fail",
                "share_top", "hardship_share", "non_native_share", "registered_share", "higher_ed_parent_share",
                "single_parent_share", "year", "grade"}
    date_forms = set()
    for fname, recs in data.items():
        for i, r in enumerate(recs):
            for k, v in r.items():
                if not v:
                    continue
                try:
                    if k in date_keys:
                        parse_date(v)
                        date_forms.add("ISO" if "-" in v else ("D.M.YYYY" if re.match(r"\d\.|\d\d\.\d\.", v)
                                                               else "DD.MM.YYYY"))
                    elif k in num_keys:
                        parse_num(v)
                except ValueError as e:
                    fail("%s:%d: %s (%s)" % (fname, i + 2, e, k))

    schools = data["schools.csv"]
    codes = [s["code"] for s in schools]
    staff = data["staff.csv"]
    ids = [p["staff_id"] for p in staff]
    staff_by_id = {p["staff_id"]: p for p in staff}
    courses = data["courses.csv"]
    ccodes = [c["code"] for c in courses]
    for what, keys in (("school codes", codes), ("staff ids", ids), ("course codes", ccodes)):
        if len(set(keys)) != len(keys):
            fail("duplicate %s" % what)
    code_set = set(codes)
    id_set = set(ids)
    # schools
    st_count = {}
    for s in schools:
        for x in split_list(s["status"]):
            st_count[x] = st_count.get(x, 0) + 1
            if x not in ("НОР", "ЗПР", "ЗУР", "ШНСУ", "эффективная"):
                fail("unknown status %r" % x)
        if s["latitude"]:
            lat, lon = parse_num(s["latitude"])[0], parse_num(s["longitude"])[0]
            d = math.hypot((lat - CENTER[0]) * 111.2, (lon - CENTER[1]) * 111.2 * math.cos(math.radians(54.7)))
            if d > 40:
                fail("%s is %.1f km from the centre" % (s["code"], d))
        if not (40 <= int(s["students"]) <= 1200):
            fail("%s students %s" % (s["code"], s["students"]))
    no_coords = sum(1 for s in schools if not s["latitude"])
    intern = sum(1 for s in schools if s["internship_site"] == "да")
    # staff
    heads = {s["code"]: s["head"] for s in schools}
    dirs = {}
    for p in staff:
        if p["school_code"] not in code_set:
            fail("staff %s: unknown school" % p["staff_id"])
        if p["position"] == POS_DIR:
            dirs.setdefault(p["school_code"], []).append(p["full_name"])
        age = years_between(parse_date(p["birth_date"]), REF)
        if not 22 <= age <= 68:
            fail("staff %s age %d" % (p["staff_id"], age))
        if parse_date(p["teaching_since"]) < add_years(parse_date(p["birth_date"]), 20):
            fail("staff %s started before 20" % p["staff_id"])
        if (p["category"] != "без категории") != bool(p["category_date"]):
            fail("staff %s category/date mismatch" % p["staff_id"])
        if p["position"] not in TEACHER_POS and p["subjects"]:
            fail("staff %s non-teacher with subjects" % p["staff_id"])
    for c in codes:
        if dirs.get(c) != [heads[c]]:
            fail("school %s: director %r vs head %r" % (c, dirs.get(c), heads[c]))
    per_school = {}
    for p in staff:
        per_school[p["school_code"]] = per_school.get(p["school_code"], 0) + 1
    early = [p for p in staff if parse_date(p["teaching_since"]) > EARLY_FROM]
    cat_dates = [parse_date(p["category_date"]) for p in staff if p["category_date"]]
    before = sum(1 for d in cat_dates if d < ATTEST_RULES)
    emails = [p["email"] for p in staff]
    if len(set(emails)) != len(emails) or any(not re.fullmatch(r"[a-z0-9.]+@svetl-edu\.example", e) for e in emails):
        fail("emails not unique / not ascii")
    if any(not re.fullmatch(r"\+7 9\d\d \d{3}-\d\d-\d\d", p["phone"]) for p in staff):
        fail("bad phone")
    # courses
    topic_cover = set()
    for c in courses:
        for t in split_list(c["topics"]):
            if t not in TOPICS:
                fail("course %s: topic %r outside the vocabulary" % (c["code"], t))
            topic_cover.add(t)
        d1, d2 = parse_date(c["start"]), parse_date(c["end"])
        if not (D(2026, 1, 1) <= d1 <= d2 <= D(2027, 12, 31)):
            fail("course %s dates" % c["code"])
        if not 15 <= int(c["seats"]) <= 60:
            fail("course %s seats" % c["code"])
    missing_topics = [t for t in TOPICS if t not in topic_cover]
    if missing_topics:
        fail("topics without a course: %s" % missing_topics)
    # trainings
    ccode_set = set(ccodes)
    tkeys = set()
    certs = []
    ext_rows = 0
    status_count = {}
    recent = {}
    for i, t in enumerate(data["trainings.csv"]):
        if t["staff_id"] not in id_set:
            fail("trainings:%d unknown staff" % (i + 2))
        key = (t["staff_id"], t["course"], t["start"])
        if key in tkeys:
            fail("trainings:%d duplicate key" % (i + 2))
        tkeys.add(key)
        if t["course"] not in ccode_set:
            ext_rows += 1
            if not (t["provider"] and t["hours"]):
                fail("trainings:%d external course without provider/hours" % (i + 2))
        status_count[t["status"]] = status_count.get(t["status"], 0) + 1
        end = parse_date(t["end"])
        if t["status"] == "завершено":
            if end > DATA_UNTIL:
                fail("trainings:%d completed in the future" % (i + 2))
            if t["certificate"]:
                certs.append(t["certificate"])
                if not re.fullmatch(r"\d{12}", t["certificate"]):
                    fail("trainings:%d certificate %r" % (i + 2, t["certificate"]))
            if RECENT_FROM <= end <= TODAY:
                recent.setdefault(t["staff_id"], []).append(int(t["hours"]))
        elif t["status"] == "обучается" and end <= TODAY:
            fail("trainings:%d studying but already ended" % (i + 2))
    if len(set(certs)) != len(certs):
        fail("duplicate certificates")
    completed_per = {}
    for t in data["trainings.csv"]:
        if t["status"] == "завершено":
            completed_per[t["staff_id"]] = completed_per.get(t["staff_id"], 0) + 1
    if any(v > 4 for v in completed_per.values()):
        fail("someone has more than 4 completed trainings")
    teachers = [p for p in staff if p["position"] in TEACHER_POS]
    no_recent = [p for p in teachers if p["staff_id"] not in recent]
    no_recent16 = [p for p in teachers if max(recent.get(p["staff_id"], [0])) < 16]
    never = [p for p in teachers if p["staff_id"] not in completed_per]
    # diagnostics
    diag_stats = {}
    low_codes = set(s["code"] for s in schools if "НОР" in split_list(s["status"]))
    eff_codes = set(s["code"] for s in schools if "эффективная" in split_list(s["status"]))
    for fname in ("diagnostics.csv", "diagnostics-2025.csv"):
        seen = set()
        subj_low, subj_eff, subj_all, meth_all = [], [], [], []
        for i, d in enumerate(data[fname]):
            p = staff_by_id.get(d["staff_id"])
            if p is None:
                fail("%s:%d unknown staff" % (fname, i + 2))
                continue
            if p["position"] == POS_DIR:
                fail("%s:%d director in diagnostics" % (fname, i + 2))
            if d["staff_id"] in seen:
                fail("%s:%d duplicate person" % (fname, i + 2))
            seen.add(d["staff_id"])
            for t in split_list(d["deficits"]):
                if t not in TOPICS:
                    fail("%s:%d deficit %r outside vocabulary" % (fname, i + 2, t))
            if len(split_list(d["deficits"])) > 4:
                fail("%s:%d more than 4 deficits" % (fname, i + 2))
            s = parse_num(d["subject_score"])[0]
            m = parse_num(d["methodological_score"])[0]
            if not (0 <= s <= 20 and 0 <= m <= 35 and 0 <= parse_num(d["psych_score"])[0] <= 15
                    and 0 <= parse_num(d["communicative_score"])[0] <= 10):
                fail("%s:%d score out of range" % (fname, i + 2))
            subj_all.append(s)
            meth_all.append(m)
            if p["school_code"] in low_codes:
                subj_low.append(s)
            if p["school_code"] in eff_codes:
                subj_eff.append(s)
        avg = lambda xs: sum(xs) / len(xs) if xs else float("nan")
        diag_stats[fname] = (len(data[fname]), avg(subj_all), avg(meth_all), avg(subj_low), avg(subj_eff))
    # results
    rkeys = set()
    region = {}
    rel = {}
    for i, r in enumerate(data["results.csv"]):
        if r["school_code"] not in code_set:
            fail("results:%d unknown school" % (i + 2))
        key = (r["school_code"], r["year"], r["assessment"], r["subject"], r["grade"])
        if key in rkeys:
            fail("results:%d duplicate key" % (i + 2))
        rkeys.add(key)
        rk = key[1:]
        if region.setdefault(rk, r["region_mean"]) != r["region_mean"]:
            fail("results:%d region mean differs" % (i + 2))
        ratio = parse_num(r["mean_score"])[0] / parse_num(r["region_mean"])[0]
        rel.setdefault(r["school_code"], []).append(ratio)
    # social, curators, mentoring
    skeys = set()
    for r in data["social.csv"]:
        if r["school_code"] not in code_set or (r["school_code"], r["year"]) in skeys:
            fail("social: bad or duplicate row %s" % r)
        skeys.add((r["school_code"], r["year"]))
    cur_load = {}
    for r in data["curators.csv"]:
        if r["school_code"] not in code_set or r["curator_school_code"] not in eff_codes:
            fail("curators: bad codes %s" % r)
        if r["curator_name"] != heads[r["curator_school_code"]]:
            fail("curators: curator is not the curator school's head")
        cur_load[r["curator_school_code"]] = cur_load.get(r["curator_school_code"], 0) + 1
    if any(v > 2 for v in cur_load.values()):
        fail("a curator school has more than two schools")
    supported_codes = set(s["code"] for s in schools if set(split_list(s["status"])) & {"НОР", "ЗПР"})
    if set(r["school_code"] for r in data["curators.csv"]) != supported_codes:
        fail("curators: not every НОР/ЗПР school has a curator")
    m_load = {}
    mentees = {}
    forms = {}
    for i, r in enumerate(data["mentoring.csv"]):
        if r["mentor"] not in id_set or r["mentee"] not in id_set:
            fail("mentoring:%d unknown staff" % (i + 2))
            continue
        if r["mentor"] == r["mentee"]:
            fail("mentoring:%d mentor is the mentee" % (i + 2))
        m_load[r["mentor"]] = m_load.get(r["mentor"], 0) + 1
        mentees[r["mentee"]] = mentees.get(r["mentee"], 0) + 1
        forms[r["form"]] = forms.get(r["form"], 0) + 1
        if r["form"] == "педагог – молодой специалист":
            a, b = staff_by_id[r["mentor"]], staff_by_id[r["mentee"]]
            if a["school_code"] != b["school_code"]:
                fail("mentoring:%d early-career mentor from another school" % (i + 2))
            if a["category"] not in ("высшая", "первая") or experience(
                    {"since": parse_date(a["teaching_since"])}) < 10:
                fail("mentoring:%d mentor not qualified" % (i + 2))
    if any(v > 3 for v in m_load.values()):
        fail("a mentor has more than 3 mentees")
    if any(v > 1 for v in mentees.values()):
        fail("a mentee has two mentors")
    unmentored = [p["staff_id"] for p in early if p["staff_id"] not in mentees]
    if unmentored:
        fail("early-career staff without a mentor: %s" % unmentored[:5])

    # ---- print
    print("Files in %s:" % out)
    for fname, kind, n, enc, delim, eol, header in summary:
        print("  %-22s kind %-11s %4d rows  %-16s %-5s %s" % (fname, kind, n, enc, delim, eol))
    print()
    print("Schools: %d; statuses %s; internship sites %d; without coordinates %d"
          % (len(schools), ", ".join("%s %d" % (k, st_count.get(k, 0)) for k in
                                     ("НОР", "ЗПР", "ЗУР", "ШНСУ", "эффективная")), intern, no_coords))
    print("Staff: %d (per school %d..%d); teachers %d; early-career (since > %s) %d = %.1f%% of staff"
          % (len(staff), min(per_school.values()), max(per_school.values()), len(teachers), dmy(EARLY_FROM),
             len(early), 100.0 * len(early) / len(staff)))
    print("  attestation dates: %d before %s, %d on/after" % (before, dmy(ATTEST_RULES), len(cat_dates) - before))
    print("Courses: %d; all %d topics covered: %s" % (len(courses), len(TOPICS), not missing_topics))
    print("Trainings: %d rows (%s); external-course rows %d = %.1f%%"
          % (len(data["trainings.csv"]), ", ".join("%s %d" % kv for kv in sorted(status_count.items())), ext_rows,
             100.0 * ext_rows / len(data["trainings.csv"])))
    print("  teachers with no completed training ended %s..%s: %d of %d = %.1f%% (counting only >=16 h: %.1f%%);"
          " never trained: %d"
          % (dmy(RECENT_FROM), dmy(TODAY), len(no_recent), len(teachers), 100.0 * len(no_recent) / len(teachers),
             100.0 * len(no_recent16) / len(teachers), len(never)))
    for fname, (n, s, m, sl, se) in diag_stats.items():
        print("%s: %d rows; mean subject %.2f, methodological %.2f; subject mean at НОР schools %.2f, at effective %.2f"
              % (fname, n, s, m, sl, se))
    groups = {}
    for s in schools:
        st = split_list(s["status"])
        g = "НОР" if "НОР" in st else "ЗПР" if "ЗПР" in st else "ЗУР" if "ЗУР" in st else \
            "ШНСУ" if "ШНСУ" in st else "эффективная" if "эффективная" in st else "без статуса"
        groups.setdefault(g, []).extend(rel.get(s["code"], []))
    print("Results: %d rows; mean relative score by status: %s" % (
        len(data["results.csv"]), ", ".join("%s %.3f" % (g, sum(v) / len(v)) for g, v in groups.items())))
    print("Social: %d rows; Curators: %d pairings (max per curator school %d); Mentoring: %d pairs (%s), "
          "max mentees per mentor %d"
          % (len(data["social.csv"]), len(data["curators.csv"]), max(cur_load.values()), len(data["mentoring.csv"]),
             ", ".join("%s %d" % kv for kv in sorted(forms.items())), max(m_load.values())))
    print("Date forms seen: %s" % ", ".join(sorted(date_forms)))
    if problems:
        print("\nPROBLEMS (%d):" % len(problems))
        for p in problems[:60]:
            print("  " + p)
        return False
    print("\nAll checks passed.")
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--out", default=os.path.join(os.path.dirname(here), "Seeds", "demo"))
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--no-verify", action="store_true", help="skip reading the files back")
    args = ap.parse_args()
    generate(args.out, args.seed)
    if args.no_verify:
        return 0
    ok = verify(args.out)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
