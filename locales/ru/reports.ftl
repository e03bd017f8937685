# The printed reports and sheets (xlsx and PDF) the API writes: titles, column headers, totals; and the
# few other texts it writes itself, such as the names of the documents waiting for the hub.
# The API fills them in the caller's language; the interface's own texts are in ui.ftl.

## A kindergarten group's monthly attendance sheet (R25.5)
sheet-group-title = { $group }: табель посещаемости детей, { $month }
sheet-number = №
sheet-child = Фамилия, имя ребёнка
sheet-present-days = Дней присутствия
sheet-reason-absent = Без причины
sheet-reason-ill = По болезни
sheet-reason-vacation = Отпуск
sheet-reason-excused = По семейным обстоятельствам
sheet-letter-absent = н
sheet-letter-ill = б
sheet-letter-vacation = о
sheet-letter-excused = у
sheet-present-per-day = Присутствовало детей
sheet-absent-per-day = Отсутствовало детей
sheet-legend = Обозначения: { $legend }
sheet-printed = { $org }. Напечатано { $date }.

## A class's attendance and grades reports (R27.5)
sheet-attendance-title = Посещаемость: { $class } класс, { $from } – { $to }
sheet-pupil = Ученик
sheet-lessons = Уроков
sheet-absent = Без причины
sheet-ill = По болезни
sheet-excused = По уважительной причине
sheet-late = Опозданий
sheet-present-percent = Присутствие, %
sheet-total = Итого
sheet-week-chart = Присутствие по неделям, %
sheet-grades-title = Успеваемость: { $class } класс, { $term }-я четверть ({ $from } – { $to })
sheet-grade-count = Оценок «{ $grade }»
sheet-grades-chart = Четвертные оценки по предметам
sheet-grade-series = «{ $grade }»

## Педагогическая нагрузка (тарификация, R27.13)
sheet-load-title = Тарификационный список педагогов, { $year } учебный год
sheet-load-teacher = Фамилия, имя педагога
sheet-load-position = Должность, предмет
sheet-load-weekly = Часов в неделю
sheet-load-yearly = Часов в год
sheet-load-rates = Ставок
sheet-load-duties = Дополнительные обязанности
sheet-load-warnings = Замечания
sheet-load-overload = Перегрузка: { $rates } ст. (предел { $limit })
sheet-load-underload = Недогрузка: { $rates } ст. (предел { $limit })
sheet-load-norm = Норма на ставку: { $hours } ч в неделю
sheet-load-uncovered = Часы, которые никто не ведёт, в неделю
sheet-load-subgroup = { $subject } ({ $group }-я подгруппа)
sheet-position-teacher = Учитель
sheet-position-director = Директор
sheet-position-deputy-director = Заместитель директора
sheet-position-methodist = Методист
sheet-position-tutor = Тьютор
sheet-position-psychologist = Психолог
sheet-position-librarian = Библиотекарь

# The timetable
timetable-weekday-1 = понедельник
timetable-weekday-2 = вторник
timetable-weekday-3 = среда
timetable-weekday-4 = четверг
timetable-weekday-5 = пятница
timetable-weekday-6 = суббота
timetable-weekday-7 = воскресенье
timetable-when = { $day }, { $period }-й урок
sheet-timetable-title = Расписание уроков, { $year } учебный год
sheet-timetable-day = День
sheet-timetable-lesson = Урок

# Организованная деятельность детского сада: план нарушает норму возраста
norm-duration-out-of-range = { $group }, { $day }: «{ $activity }» длится { $actual } мин, а норма возраста { $min }–{ $max } мин.
norm-too-many-per-day = { $group }, { $day }: занятий { $actual }, а норма возраста — не больше { $limit } в день.
norm-too-many-per-week = { $group }: занятий в неделю { $actual }, а норма возраста — не больше { $limit }.
norm-break-too-short = { $group }, { $day }: перерыв перед «{ $activity }» { $actual } мин, а по норме не меньше { $limit } мин.
norm-ends-too-late = { $group }, { $day }: «{ $activity }» заканчивается в { $actual }, а по норме — не позже { $limit }.
norm-no-norm = { $group }: для возраста { $min }–{ $max } лет норм нет.
norm-room-shared = { $group }, { $day }: «{ $room }» в это же время занят группой { $other }.

## The documents waiting for the hub, as the sync screen names them
sync-doc-org = Организация и учебный календарь
sync-doc-people = Контингент и сотрудники
sync-doc-accounts = Учётные записи
sync-doc-roster = Классы и группы, { $year } учебный год
sync-doc-timetable = Расписание и помещения, { $year } учебный год
sync-doc-journal = Журнал { $class } класса, { $term } четверть
sync-doc-register = Табель посещаемости группы «{ $group }», { $month }
