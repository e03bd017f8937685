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
