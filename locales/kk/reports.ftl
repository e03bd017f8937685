# The printed reports and sheets (xlsx and PDF) the API writes: titles, column headers, totals.
# The API fills them in the caller's language; the interface's own texts are in ui.ftl.

## A kindergarten group's monthly attendance sheet (R25.5)
sheet-group-title = { $group }: балалардың қатысу табелі, { $month }
sheet-number = №
sheet-child = Баланың тегі, аты
sheet-present-days = Келген күндері
sheet-reason-absent = Себепсіз
sheet-reason-ill = Ауырып
sheet-reason-vacation = Демалыста
sheet-reason-excused = Отбасылық себеппен
sheet-letter-absent = ж
sheet-letter-ill = а
sheet-letter-vacation = д
sheet-letter-excused = с
sheet-present-per-day = Келген балалар
sheet-absent-per-day = Келмеген балалар
sheet-legend = Белгілер: { $legend }
sheet-printed = { $org }. Басып шығарылған күні: { $date }.

## A class's attendance and grades reports (R27.5)
sheet-attendance-title = Сабаққа қатысу: { $class } сынып, { $from } – { $to }
sheet-pupil = Оқушы
sheet-lessons = Сабақ саны
sheet-absent = Себепсіз
sheet-ill = Ауырып
sheet-excused = Дәлелді себеппен
sheet-late = Кешігу
sheet-present-percent = Қатысу, %
sheet-total = Барлығы
sheet-week-chart = Апта бойынша қатысу, %
sheet-grades-title = Үлгерім: { $class } сынып, { $term }-тоқсан ({ $from } – { $to })
sheet-grade-count = «{ $grade }» бағалары
sheet-grades-chart = Пәндер бойынша тоқсандық бағалар
sheet-grade-series = «{ $grade }»

## Педагогтердің жүктемесі (тарификация, R27.13)
sheet-load-title = Педагогтердің тарификациялық тізімі, { $year } оқу жылы
sheet-load-teacher = Педагогтің тегі, аты
sheet-load-position = Лауазымы, пәні
sheet-load-weekly = Аптасына сағат
sheet-load-yearly = Жылына сағат
sheet-load-rates = Мөлшерлеме
sheet-load-warnings = Ескертулер
sheet-load-overload = Артық жүктеме: { $rates } мөлшерлеме (шегі { $limit })
sheet-load-underload = Жүктеме аз: { $rates } мөлшерлеме (шегі { $limit })
sheet-load-norm = Бір мөлшерлемеге норма: аптасына { $hours } сағат
sheet-load-uncovered = Ешкім оқытпайтын сағаттар, аптасына
sheet-load-subgroup = { $subject } ({ $group }-топ)
sheet-position-teacher = Мұғалім
sheet-position-director = Директор
sheet-position-deputy-director = Директордың орынбасары
sheet-position-methodist = Әдіскер
sheet-position-tutor = Тьютор
sheet-position-psychologist = Психолог
sheet-position-librarian = Кітапханашы
