# The printed reports and sheets (xlsx and PDF) the API writes: titles, column headers, totals; and the
# few other texts it writes itself, such as the names of the documents waiting for the hub.
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
sheet-load-duties = Қосымша міндеттер
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

# The timetable
timetable-weekday-1 = дүйсенбі
timetable-weekday-2 = сейсенбі
timetable-weekday-3 = сәрсенбі
timetable-weekday-4 = бейсенбі
timetable-weekday-5 = жұма
timetable-weekday-6 = сенбі
timetable-weekday-7 = жексенбі
timetable-when = { $day }, { $period }-сабақ
sheet-timetable-title = Сабақ кестесі, { $year } оқу жылы
sheet-timetable-day = Күн
sheet-timetable-lesson = Сабақ

# Балабақшаның ұйымдастырылған іс-әрекеті: жоспар жас нормасын бұзады
norm-duration-out-of-range = { $group }, { $day }: «{ $activity }» { $actual } мин созылады, ал жас нормасы { $min }–{ $max } мин.
norm-too-many-per-day = { $group }, { $day }: { $actual } сабақ, ал жас нормасы күніне { $limit }-ден аспайды.
norm-too-many-per-week = { $group }: аптасына { $actual } сабақ, ал жас нормасы { $limit }-ден аспайды.
norm-break-too-short = { $group }, { $day }: «{ $activity }» алдындағы үзіліс { $actual } мин, ал норма бойынша кемінде { $limit } мин.
norm-ends-too-late = { $group }, { $day }: «{ $activity }» { $actual }-де аяқталады, ал норма бойынша { $limit }-ден кешікпеуі керек.
norm-no-norm = { $group }: { $min }–{ $max } жасқа норма жоқ.
norm-room-shared = { $group }, { $day }: «{ $room }» осы уақытта { $other } тобында.

## The documents waiting for the hub, as the sync screen names them
sync-doc-org = Ұйым және оқу күнтізбесі
sync-doc-people = Контингент және қызметкерлер
sync-doc-accounts = Тіркелгілер
sync-doc-roster = Сыныптар мен топтар, { $year } оқу жылы
sync-doc-timetable = Кесте және бөлмелер, { $year } оқу жылы
sync-doc-journal = { $class } сыныбының журналы, { $term }-тоқсан
sync-doc-register = «{ $group }» тобының қатысу табелі, { $month }
