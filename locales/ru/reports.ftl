# The printed reports and sheets (xlsx and PDF) the API writes: titles, column headers, totals.
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
