### Dala: веб-интерфейстің мәтіндері (қазақша).
### Осы файлды интерфейс (@fluent/bundle) құрастыру кезінде оқиды; қате туралы хабарлар errors.ftl файлында.
### Әр идентификатор kk, ru және en файлдарында бірдей айнымалылармен болуы керек.

app-name = Dala
app-unreachable = Dala серверімен байланыс жоқ. Мектептің негізгі компьютері қосулы және желіге жалғанған екенін тексеріңіз.
app-failed-title = Бағдарламаны ашу мүмкін болмады
app-retry = Қайталау

## Тіл

lang-switch = Интерфейс тілі
lang-short-kk = ҚАЗ
lang-short-ru = РУС
lang-short-en = ENG
lang-name-kk = Қазақ тілі
lang-name-ru = Орыс тілі
lang-name-en = Ағылшын тілі

## Қабық: жоғарғы жолақ пен мәзір

shell-logout = Шығу
shell-skip-to-content = Негізгі мазмұнға өту
nav-label = Негізгі мәзір
nav-home = Басты бет
nav-accounts = Тіркелгілер
nav-audit = Аудит журналы
nav-login-attempts = Сәтсіз кірулер
nav-password = Құпиясөзді өзгерту

## Байланыс және синхрондау күйі

status-checking = Тексерілуде…
status-online = Желіде
status-offline = Желіден тыс
status-no-server = Сервермен байланыс жоқ
status-pending = { $count ->
        [one] { $count } өзгеріс жіберілмеген
       *[other] { $count } өзгеріс жіберілмеген
    }
status-last-sync = Соңғы синхрондау: { $time }
status-never-synced = Әлі синхрондалған жоқ

## Ұйым түрлері мен рөлдер

org-kind-school = Мектеп
org-kind-kindergarten = Балабақша
role-director = Директор
role-deputy = Директордың орынбасары
role-teacher = Мұғалім
role-methodist = Әдіскер
role-tutor = Тьютор
role-student = Оқушы
role-parent = Ата-ана
role-head = Меңгеруші
role-educator = Тәрбиеші

## Формалар

form-required = Бұл өрісті толтырыңыз.
form-passwords-differ = Құпиясөздер сәйкес келмейді.
form-save = Сақтау
form-cancel = Болдырмау

## Алғашқы баптау

setup-title = Алғашқы баптау
setup-intro = Бұл компьютерде әлі деректер жоқ. Ұйымды тіркеп, оның басшысына тіркелгі ашыңыз: қалған тіркелгілерді кейін осы тіркелгімен жасайсыз.
setup-kind = Ұйым түрі
setup-name = Ұйымның атауы
setup-name-hint = Құжаттардағыдай толық атауы, мысалы: «Ақсу ауылының № 2 жалпы білім беретін мектебі» КММ.
setup-admin-login = { $kind ->
        [kindergarten] Меңгерушінің логині
        [snapshot] Осы компьютердегі логиніңіз
       *[other] Директордың логині
    }
setup-admin-login-hint = Латын әріптері, цифрлар, нүкте немесе сызықша, мысалы: director немесе a.seitkali.
setup-password = Құпиясөз
setup-submit = Ұйымды құру
setup-submit-snapshot = Файлдан бастау
setup-from = Компьютер қалай басталады
setup-from-new = Жаңа ұйым
setup-from-snapshot = Аудан хабындағы ұйымның жаңа компьютері
setup-snapshot-explain = Аудандық білім бөлімі ұйым деректерінің көшірме файлын (USB-жинақтауышта) және қағаздағы бір реттік кодты береді. Компьютер ұзақ алғашқы синхрондаудың орнына файлдан басталады, кейін хабпен әдеттегідей синхрондалады. Есептік жазбалар мектептен шықпайды: бұл компьютер сіздің есептік жазбаңызбен басталады.
setup-snapshot-file = Көшірме файлы
setup-snapshot-missing = Көшірме файлын таңдаңыз.
setup-code-missing = Файлмен бірге берілген кодты енгізіңіз.
setup-code-hint = Көшірме файлымен бірге басылған код, мысалы ABCD-EFGH-….
setup-hub-hint = Тек қазір байланыс болса, мысалы https://hub.aqsu.edu.kz:8443. Онсыз компьютер кодпен тіркеледі, ал хабқа жіберілген алғашқы файл тіркеуді аяқтайды.
recovery-title = Қалпына келтіру кілті
recovery-plea = Бұл кілтті дәл қазір басып шығарып, сейфте сақтаңыз: ол тек бір рет көрсетіледі.
recovery-explain = Барлық құпиясөз ұмытылса, деректерді тек осы кілтпен ашуға болады. Кілтсіз оларды ешкім, тіпті Dala әзірлеушілері де қалпына келтіре алмайды. Кілтті бөгде адамға көрсетпеңіз.
recovery-print = Басып шығару
recovery-printed = Кілтті басып шығардым және оны қауіпсіз жерде сақтаймын
recovery-continue = Жалғастыру

## Кіру

login-title = Жүйеге кіру
login-name = Логин
login-password = Құпиясөз
login-submit = Кіру
login-back = Артқа
login-totp = Растау коды
login-totp-prompt = Бұл тіркелгі екі факторлы аутентификациямен қорғалған. Аутентификатор қосымшасындағы 6 таңбалы кодты енгізіңіз.
login-totp-invalid = Код қате немесе оның мерзімі өтіп кеткен. Қосымшадағы жаңа кодты енгізіңіз.
login-locked = Сәтсіз әрекет тым көп болды, сондықтан кіру уақытша бұғатталды. { $minutes ->
        [one] { $minutes } минуттан
       *[other] { $minutes } минуттан
    } кейін қайталап көріңіз.
login-session-ended = Сеанс аяқталды. Қайта кіріңіз.
login-after-setup = Ұйым құрылды. Енді жаңа логин мен құпиясөзбен кіріңіз.

## Құпиясөз

password-title = Құпиясөзді өзгерту
password-forced-title = Өз құпиясөзіңізді орнатыңыз
password-forced-intro = Сіз уақытша құпиясөзбен кірдіңіз. Жұмысты бастамас бұрын оны тек өзіңіз білетін құпиясөзге ауыстырыңыз.
password-current = Қазіргі құпиясөз
password-current-initial = Уақытша құпиясөз
password-new = Жаңа құпиясөз
password-repeat = Құпиясөзді қайталаңыз
password-hint = Кемінде { $min } таңба. Бірнеше сөзден құралған сөйлем оңай есте қалады.
password-same = Жаңа құпиясөз қазіргісінен өзгеше болуы керек.
password-submit = Құпиясөзді сақтау
password-done = Құпиясөз өзгертілді.

## Басты бет

home-greeting = Қош келдіңіз, { $name }!
home-overview = { $kind ->
        [kindergarten] Балабақша туралы қысқаша
       *[other] Мектеп туралы қысқаша
    }
count-students = { $count ->
        [one] оқушы
       *[other] оқушы
    }
count-children = { $count ->
        [one] бала
       *[other] бала
    }
count-staff = { $count ->
        [one] қызметкер
       *[other] қызметкер
    }
count-classes = { $count ->
        [one] сынып
       *[other] сынып
    }
count-age-groups = { $count ->
        [one] жас тобы
       *[other] жас тобы
    }
count-accounts = { $count ->
        [one] тіркелгі
       *[other] тіркелгі
    }
home-groups = Жас топтары
home-groups-empty = Әзірге бірде-бір топ құрылмаған.
group-name = Топ
group-norm = Орын нормасы
group-enrolled = Қабылданғаны
group-free = Бос орын
group-occupancy = Толымдылығы
home-lessons = Бүгінгі сабақтар, { $date }
home-welcome-empty = Жақында мұнда күнделік пен хабарландырулар пайда болады.

## Тіркелгілер

accounts-title = Тіркелгілер
accounts-new = Жаңа тіркелгі
accounts-empty = Әзірге тіркелгі жоқ.
accounts-created = «{ $login }» тіркелгісі құрылды. Уақытша құпиясөз: { $password }. Оны иесіне беріңіз: алғаш кіргенде ол өз құпиясөзін орнатады.
accounts-role-changed = «{ $login }» тіркелгісінің жаңа рөлі: { $role }.
accounts-password-reset = «{ $login }» үшін жаңа уақытша құпиясөз: { $password }. Оны иесіне беріңіз.
accounts-deleted = «{ $login }» тіркелгісі жойылды.
account-login = Логин
account-login-hint = Латын әріптері, цифрлар, нүкте, сызықша немесе астыңғы сызық; 3-тен 32-ге дейін таңба.
account-role = Рөлі
account-lang = Тілі
account-state = Күйі
account-actions = Әрекеттер
account-initial = Уақытша құпиясөз
account-totp = Екі факторлы қорғау
account-you = Бұл сіз
account-initial-password = Уақытша құпиясөз
account-initial-password-hint = Иесі алғаш кіргенде оны өз құпиясөзіне ауыстырады.
account-password-generate = Басқа құпиясөз ұсыну
account-create = Тіркелгіні құру
account-change-role = Рөлін өзгерту
account-reset-password = Құпиясөзді жаңарту
account-reset-title = «{ $login }» үшін жаңа құпиясөз
account-reset-explain = Ескі құпиясөз бұдан былай жарамайды. Иесі жаңа уақытша құпиясөзбен кіріп, оны өз құпиясөзіне ауыстырады.
account-delete = Жою
account-delete-title = Тіркелгіні жою
account-delete-question = «{ $login }» тіркелгісін жою керек пе? Бұл адам жүйеге енді кіре алмайды. Аудит журналындағы жазбалар сақталады.

## Аудит журналы

audit-title = Аудит журналы
audit-filter-login = Логин
audit-filter-from = Кезең басы
audit-filter-to = Кезең соңы
audit-show = Көрсету
audit-empty = Бұл кезеңде жазба жоқ.
audit-seq = №
audit-at = Уақыты
audit-login = Логин
audit-action = Әрекет
audit-object = Нысан
audit-change = Өзгеріс
audit-show-change = Өзгерісті көрсету
audit-before = Бұрын
audit-after = Кейін
audit-none = жоқ
audit-personal = Дербес деректер
audit-personal-hint = Әрекет дербес деректерге қатысты.
audit-action-organisation-set = Ұйым деректері өзгертілді
audit-action-year-add = Оқу жылы қосылды
audit-action-class-add = Сынып қосылды
audit-action-age-group-add = Жас тобы қосылды
audit-action-person-save = Адамның деректері сақталды
audit-action-enrolment-add = Қабылдау тіркелді
audit-action-account-create = Тіркелгі құрылды
audit-action-account-update = Тіркелгі өзгертілді
audit-action-account-remove = Тіркелгі жойылды
audit-action-account-password-set = Құпиясөз орнатылды
audit-action-session-login = Жүйеге кірді
audit-action-session-logout = Жүйеден шықты

## Сәтсіз кірулер

login-attempts-title = Сәтсіз кірулер
login-attempts-intro = Қате логинмен, құпиясөзбен немесе кодпен жасалған кіру әрекеттері. Терілген құпиясөз ешқашан сақталмайды.
login-attempts-empty = Сәтсіз кіру әрекеттері болған жоқ.
login-attempts-device = Құрылғы
login-attempts-reason = Себебі
login-attempt-reason-invalid-credentials = Логин немесе құпиясөз қате
login-attempt-reason-locked = Кіру бұғатталған кезде
login-attempt-reason-totp-invalid = Растау коды қате

## Екінші фактор (R5.11)
second-factor-title = Кірудің екінші факторын баптаңыз
second-factor-intro = Директор, меңгеруші және орынбасар құпиясөзбен және телефондағы аутентификатор қолданбасының 6 таңбалы кодымен кіреді. Осы кілтті қолданбаға қосыңыз (Google Authenticator, Microsoft Authenticator, FreeOTP немесе басқасы), содан кейін ол көрсеткен кодты енгізіңіз.
second-factor-link = Осы құрылғыдағы аутентификатор қолданбасында ашу
second-factor-code = Қолданбадағы код
second-factor-submit = Растау

## Journal, register and my journal: navigation
nav-journal = Журнал
nav-my-journal = Күнделік
nav-attendance = Қатысу табелі
nav-oversight = Бақылау
home-journal-hint = Бағалар, қатысу, сабақ тақырыптары мен үй тапсырмалары — электрондық журналда.
home-open-journal = Журналды ашу

## Attendance letters: typed and shown in the grid; the letters of every language are accepted, so no two may share a first letter
attendance-letter-absent = ж
attendance-letter-ill = а
attendance-letter-excused = с
attendance-letter-late = к
attendance-letter-vacation = д
attendance-name-absent = жоқ
attendance-name-ill = ауырды
attendance-name-excused = себепті
attendance-name-late = кешікті
attendance-name-vacation = демалыста
attendance-name-present = қатысты

## The register grid, shared by the journal and the kindergarten
register-legend-item = { $letter } — { $name }
register-keys = Enter — төмен, Tab — оңға, Delete — өшіру, Ctrl+Z — болдырмау, Ctrl+Enter — барлығы қатысты.
register-keys-scores = Сан — балл.
register-all-present = Барлығы қатысты
register-all-present-hint = Таңдалған бағанда барлығы қатысты деп белгілеу (Ctrl+Enter)
register-undo = Болдырмау
register-undo-hint = Соңғы өзгерісті болдырмау (Ctrl+Z)
register-pending = Әлі сақталған жоқ
register-taken = Белгіленді
register-stalled = Сервермен байланыс жоқ: өзгерістер әлі сақталмады, байланыс болғанда жіберіледі.
register-refused = { $cell }: { $message }
register-conflict = Басқа құрылғыда басқа мән енгізілген. Қайсысы дұрыс?
register-conflict-marker = Қайшылық бар
register-keep = { $value } (осы)
register-number = №
register-keys-comment = F2 — түсініктеме.
register-comment-for = Түсініктеме: { $cell }
register-comment-keys = Enter — сақтау, Shift+Enter — жаңа жол, Esc — болдырмау.
register-comment-shown = Түсініктеме: { $comment }
register-comment-too-long = Түсініктеме { $max } таңбадан аспауы керек.

## Journal
journal-class = Сынып
journal-subject = Пән
journal-term = Тоқсан
journal-term-option = { $number }-тоқсан
journal-no-classes = Сізге әлі сынып пен пән бекітілмеген.
journal-readonly = Тек қарау: бұл журналды өзгерте алмайсыз.
journal-ungraded = Бұл сыныпта баға қойылмайды: тек қатысу белгіленеді.
journal-no-lessons = Бұл тоқсанда әлі сабақ жоқ.
journal-no-students = Бұл сыныпта оқушы жоқ.
journal-grid-label = { $class }, { $subject }: бағалар мен қатысу
journal-pupil = Оқушы
journal-add-lesson = Сабақ қосу
journal-lesson-label = { $date }, { $period }-сабақ, { $kind }
journal-score-range = Балл { $min }…{ $max } аралығында болуы керек.
journal-year = Жыл
journal-year-hint = Тоқсандық және жылдық бағалар
year-grades-label = { $class }, { $subject }: тоқсандық және жылдық бағалар
year-grade = Жылдық
year-grade-title = Жылдық баға
grade-fo = ҚБ %
grade-sor = БЖБ %
grade-soch = ТЖБ %
grade-total = Жиыны %
grade-mark = Баға
grade-fo-title = Қалыптастырушы бағалау, %
grade-sor-title = Бөлім бойынша жиынтық бағалау, %
grade-soch-title = Тоқсан бойынша жиынтық бағалау, %
grade-total-title = Тоқсандық нәтиже, %
grade-mark-title = Тоқсандық баға
lesson-kind-ordinary = Сабақ
lesson-kind-sor = БЖБ
lesson-kind-soch = ТЖБ
lesson-kind-name-ordinary = Сабақ (қалыптастырушы бағалау 1–10)
lesson-kind-name-sor = Бөлім бойынша жиынтық бағалау (БЖБ)
lesson-kind-name-soch = Тоқсан бойынша жиынтық бағалау (ТЖБ)
lesson-title = { $date }, { $period }-сабақ
lesson-date = Күні
lesson-period = Сабақ реті
lesson-kind = Түрі
lesson-max-score = Ең жоғары балл
lesson-topic = Сабақ тақырыбы
lesson-homework = Үй тапсырмасы
lesson-add = Қосу
lesson-delete = Сабақты жою
lesson-delete-blocked = Бағасы немесе қатысу белгісі бар сабақты жоюға болмайды.
lesson-close = Жабу
lesson-max-required = Ең жоғары балды көрсетіңіз (1-ден бастап).
lesson-period-invalid = Сабақ реті 1…12 аралығында болуы керек.
lesson-date-outside = Күні тоқсан ішінде болуы керек.

## Kindergarten attendance register (R25.5)
attendance-group-places = { $enrolled }/{ $norm }, бос орын: { $free }
attendance-month = Ай
attendance-month-prev = Алдыңғы ай
attendance-month-next = Келесі ай
attendance-grid-label = { $group }, { $month }: қатысу
attendance-child = Бала
attendance-present-days = Келді
attendance-present-days-title = Келген күндер саны (белгіленген күндер ішінде)
attendance-no-children = Бұл топта бала жоқ.
attendance-no-days = Бұл айда жұмыс күні жоқ.
attendance-readonly = Тек қарау: бұл табельді өзгерте алмайсыз.
download-xlsx = Excel түрінде жүктеу
download-pdf = PDF түрінде жүктеу

## Oversight (R27.5)
period-from = Кезең басы
period-to = Кезең соңы
period-show = Көрсету
oversight-unfilled = Толтырылмаған журналдар
oversight-without-topic = Тақырыбы жазылмаған сабақтар
oversight-late-changes = Сабақ күнінен кейін өзгертілген бағалар
oversight-absent-streaks = Қатарынан үш күн не одан көп келмеген оқушылар
oversight-none = Ешкім де, ештеңе де жоқ — бәрі тәртіпте.
oversight-teacher = Мұғалім
oversight-changed-at = Өзгертілген уақыты
oversight-login = Кім өзгертті
oversight-dates = Күндері
oversight-reports = Сынып бойынша есептер
report-attendance = Қатысу
report-grades = Үлгерім
report-lessons = Сабақ саны
report-present-percent = Қатысу, %
report-week-chart = Апта бойынша қатысу, %
report-week-bar = { $week } аптасы: { $percent } %
report-distribution = Пәндер бойынша тоқсандық бағалар
report-grade-count = «{ $grade }» — { $count }
report-no-data = Деректер жоқ.

## My journal: the pupil's and the parent's view (R27.1)
my-journal-marks = Бағалар
my-journal-homework = Үй тапсырмалары
my-journal-attendance = Қатысу
my-journal-no-marks = Бағалар әлі жоқ.
my-journal-no-homework = Үй тапсырмасы жоқ.
my-journal-empty = Көрсететін мәлімет әлі жоқ.
my-journal-class = { $class } сынып
my-journal-subject-marks = { $subject }: бағалар

## Days of the week (1 = Monday), as timetables head their columns
weekday-1 = Дүйсенбі
weekday-2 = Сейсенбі
weekday-3 = Сәрсенбі
weekday-4 = Бейсенбі
weekday-5 = Жұма
weekday-6 = Сенбі
weekday-7 = Жексенбі

## Timetable (R27.11)
nav-timetable = Сабақ кестесі
tt-year = { $year } оқу жылы
tt-view = Көрініс
tt-by-class = Сынып бойынша
tt-by-teacher = Мұғалім бойынша
tt-by-room = Кабинет бойынша
tt-entity-class = Сынып
tt-entity-teacher = Мұғалім
tt-entity-room = Кабинет
tt-period = Сабақ
tt-grid-label = Сабақ кестесі: { $name }
tt-cell-label = { $day }, { $period }-сабақ
tt-subgroup = { $n }-топ
tt-subgroup-title = { $n }-топша
tt-pinned = Бекітілген
tt-pin = Бекіту
tt-unpin = Бекітуді алу
tt-pin-hint = Кесте қайта құрастырылғанда таңдалған сабақ орнында қалады (P)
tt-readonly = Тек қарау: сабақ кестесін өзгерте алмайсыз.
tt-empty = Сабақ кестесі бос: әлі сынып, мұғалім немесе кабинет жоқ.
tt-keys = Көрсеткілер — жылжу. Бос орын (Space) немесе Enter — сабақты алу; көрсеткілер — ұяшықты таңдау; Enter — қою; Esc — орнына қайтару. P — бекіту. Сабақты тінтуірмен де сүйреуге болады.
tt-keys-readonly = Көрсеткілер — кесте бойынша жылжу.
tt-carrying = { $lesson } → { $day }, { $period }-сабақ:
tt-drop-origin = сабақ қазір осында.
tt-drop-checking = тексерілуде…
tt-drop-ok = мұнда қоюға болады.
tt-drop-soft = болады, бірақ: { $messages }
tt-drop-hard = Болмайды: { $messages }
tt-moved = Ауыстырылды: { $lesson }, { $day }, { $period }-сабақ. Сабақ бекітілді.
tt-violations = Бұзылған ережелер
tt-violation-hard = Бұзушылық
tt-violation-soft = Тілек
tt-violation-counts = Бұзушылық: { $hard }. Тілек: { $soft }.
tt-soft-score = Тілектер айыппұлы: { $score }
tt-soft-score-hint = Орындалмаған тілектердің салмағы: неғұрлым аз болса, соғұрлым жақсы.
tt-violations-none = Бірде-бір ереже бұзылмаған.
tt-violation-show = Көрсету
tt-unplaced = Орналастырылмаған
tt-unplaced-none = Оқу жоспарының барлық сабағы орналастырылған.
tt-unplaced-none-here = Бұл көріністің барлық сабағы орналастырылған.
tt-unplaced-hint = Сабақты кестеге сүйреңіз немесе бос орын пернесімен алып, ұяшығын көрсеткілермен таңдаңыз.
tt-unplaced-count = × { $count }
tt-no-teacher = мұғалімсіз
tt-generate = Құрастыру
tt-generate-title = Сабақ кестесін құрастыру
tt-generate-explain = Бағдарлама оқу жоспары бойынша кестені қайта құрастырады. Бекітілген сабақтар орнында қалады. Оны кез келген уақытта тоқтатуға болады — табылған ең жақсы кесте сақталады.
tt-generate-seconds = Іздеу уақыты, секунд
tt-generate-seconds-invalid = Секунд саны 1…{ $max } аралығындағы бүтін сан болуы керек.
tt-generate-start = Бастау
tt-generating = Сабақ кестесі құрастырылуда…
tt-phase-construct = сабақтарды орналастыру
tt-phase-repair = қабаттасуларды жою
tt-phase-improve = жақсарту
tt-progress = { $seconds } с, қадам: { $steps }; бұзушылық: { $hard }; тілектер айыппұлы: { $soft }
tt-stop = Тоқтату
tt-generated = Сабақ кестесі құрастырылды. Бұзушылық: { $hard }. Тілектер айыппұлы: { $soft }.
tt-generated-stopped = Тоқтатылды: табылған ең жақсы кесте сақталды. Бұзушылық: { $hard }. Тілектер айыппұлы: { $soft }.
tt-generate-not-saved = Табылған кестені сақтау мүмкін болмады ({ $code }). Қайта құрастырып көріңіз.
tt-day-off = Сабақсыз күн
tt-day-off-for = { $day }: сабақсыз күн
tt-day-off-hint = Мұғалімнің бұл күні сабағы жоқ; құрастырушы бұл күнге сабақ қоймайды.
tt-cell-label-day-off = { $day } (сабақсыз күн), { $period }-сабақ
tt-day-off-set = { $teacher }: { $day } енді сабақсыз күн.
tt-day-off-cleared = { $teacher }: { $day } қайтадан жұмыс күні.

## Teaching load (R27.13)
nav-load = Оқу жүктемесі
load-tariff = Тарификациялық тізім:
load-year = { $year } оқу жылы.
load-counted-on = Оқушылар саны { $date } күнгі жағдай бойынша.
load-norm = Бір мөлшерлеме — аптасына { $hours } сағат сабақ.
load-empty = Жүктеме әлі жоқ: оқу жылы жоқ немесе бірде-бір мұғалімге сынып пен пән бекітілмеген.
load-teacher = Мұғалім
load-subjects = Пәндер
load-weekly = Аптасына сағат
load-yearly = Жылына сағат
load-rates = Мөлшерлеме
load-warnings = Ескертулер
load-overload = Артық жүктеме: { $rates } мөлшерлеме (шегі { $limit })
load-underload = Жүктеме аз: { $rates } мөлшерлеме (шегі { $limit })
load-total = { $count ->
        [one] Барлығы, { $count } педагог
       *[other] Барлығы, { $count } педагог
    }
load-uncovered = Ешкім оқытпайтын сағаттар
load-uncovered-none = Оқу жоспарының әр сағатының мұғалімі бар.
load-uncovered-total = Барлығы, аптасына сағат
load-class = Сынып
load-subject = Пән
load-subgroup = Топша
load-whole-class = бүкіл сынып
load-subgroup-n = { $group }-топ
load-problems = Тексеру керек бекітулер
load-problem-unknown-class = { $teacher }: бекітуде ({ $subject }) осы оқу жылында жоқ сынып көрсетілген.
load-problem-no-plan-hours = { $class }, { $subject } ({ $teacher }): осы параллельдің оқу жоспарында бұл пәнге сағат жоқ, 0 сағат есептелді.
load-problem-not-split = { $class }, { $subject } ({ $teacher }): сынып бұл пән бойынша топтарға бөлінбейді.
load-problem-group-out-of-range = { $class }, { $subject } ({ $teacher }): сыныпта мұндай топ жоқ.
load-problem-over-assigned = { $class }, { $subject }: аптасына { $assigned } сағат бекітілген, ал жоспарда { $planned } сағат.
load-problem-other = { $class }, { $subject }: { $kind }
load-position-teacher = Мұғалім
load-position-director = Директор
load-position-deputy-director = Директордың орынбасары
load-position-methodist = Әдіскер
load-position-tutor = Тьютор
load-position-psychologist = Психолог
load-position-librarian = Кітапханашы
load-duties = Қосымша міндеттер
load-duty-pay = +{ $percent } %
load-duty-add = Қосу
load-duty-add-label = Қосу: қосымша міндет — { $teacher }
load-duty-remove = Алып тастау
load-duty-remove-label = Алып тастау: { $duty } — { $teacher }
load-duty-kind = Міндет
load-duty-class-none = — сыныпты таңдаңыз —
load-duty-choose-kind = Міндетті таңдаңыз.
load-duty-choose-class = Бұл міндет үшін сыныпты таңдаңыз.
load-duty-held = Мұғалімде бұл міндет бар.
load-assignment = { $what } — { $hours } сағ.
load-assignment-own = { $what } — { $hours } сағ. (жоспарда { $plan })
load-assignment-what = { $class } — { $subject }
load-assignment-what-subgroup = { $class }, { $group }-топ — { $subject }
load-assignment-hours-label = Аптасына сағат: { $what } — { $teacher }
load-assignment-hours-unit = сағ./апта
load-assignment-plan = жоспарда { $hours }
load-assignment-hours-invalid = Сағатты санмен жазыңыз немесе оқу жоспарындағы сағат үшін бос қалдырыңыз.
load-assignment-remove = Алып тастау
load-assignment-remove-label = Тағайындауды алып тастау: { $what } — { $teacher }
load-assign = Тағайындау
load-assign-label = Мұғалім тағайындау: { $what }
load-assign-teacher-label = Мұғалім: { $what }
load-assign-choose = — мұғалімді таңдаңыз —
load-assign-choose-teacher = Мұғалімді таңдаңыз.

## The school's curriculum (R27.6–R27.7)
nav-curriculum = Оқу жоспары
curriculum-year = { $year } оқу жылы.
curriculum-source = Үлгілік оқу жоспары: { $source }; { $date } бастап қолданылады.
curriculum-confidence = Деректердің сенімділігі: { $confidence }
curriculum-readonly = Тек қарау: оқу жоспарын өзгерте алмайсыз.
curriculum-settings = Сыныптарды топтарға бөлу
curriculum-min-pupils = Оқушылар саны { $min } және одан көп болса, сынып топтарға бөлінеді (шағын жинақты мектепте — { $small } және одан көп).
curriculum-small-school = Шағын жинақты мектеп
curriculum-local-splits = Оқыту қазақ тілінде жүретін сыныптарда орыс тілі жергілікті атқарушы органның шешімімен топтарға бөлініп оқытылады
curriculum-empty = Оқу жоспары жоқ.
curriculum-legend = Белгілер:
curriculum-mark-changed = мектеп өзгерткен сағат
curriculum-mark-variative = В
curriculum-mark-splits = Т
curriculum-mark-over = апталық ең жоғары жүктемеден асқан
curriculum-variative = вариативтік бөлім
curriculum-invariant = инварианттық бөлім
curriculum-splits = топтарға бөлініп оқытылады
curriculum-subject = Пән
curriculum-grades = Сыныптар
curriculum-grade = { $grade }-сынып
curriculum-total = Апталық жүктеме
curriculum-total-of = { $total } / { $max }
curriculum-total-label = { $grade }-сынып: аптасына { $total } сағат, ең жоғары жүктеме — { $max }
curriculum-total-over = { $grade }-сынып: аптасына { $total } сағат — ең жоғары жүктемеден ({ $max }) асып кетті
curriculum-cell-label = { $subject }, { $grade }-сынып: аптасына { $hours } сағат
curriculum-cell-label-none = { $subject }, { $grade }-сынып: оқытылмайды
curriculum-standard-hours = үлгілік жоспарда: { $hours } сағат
curriculum-edit-title = { $subject }, { $grade }-сынып
curriculum-hours = Аптасына сағат
curriculum-hours-hint = Бүтін не жарты сабақ, 0-ден 10-ға дейін; 0 — пән бұл сыныпта оқытылмайды.
curriculum-hours-needed = Сағат санын жазыңыз.
curriculum-part = Жоспар бөлімі
curriculum-split = Топтарға бөлу
curriculum-split-rules = нормативтер бойынша
curriculum-split-yes = топтарға бөлінеді
curriculum-split-no = бүкіл сынып
curriculum-save = Сақтау
curriculum-reset = Үлгілік жоспарға қайтару
curriculum-add = Пән қосу:
curriculum-add-label = Пән қосу: { $plan }
curriculum-add-grade = Сынып
curriculum-add-choose = — пәнді таңдаңыз —
curriculum-add-choose-subject = Қосылатын пәнді таңдаңыз.
curriculum-add-open = Қосу

## Kindergarten organised activities (R25.3–R25.4)
nav-activities = Ұйымдастырылған іс-әрекет
act-readonly = Тек қарау: ұйымдастырылған іс-әрекетті өзгерте алмайсыз.
act-age = Жасы: { $from }–{ $to }
act-places = Нормативтік орын: { $norm }, қабылданған: { $enrolled }, бос орын: { $free }
act-norm = Осы жасқа арналған норма: бір іс-әрекет { $min }–{ $max } мин; күніне { $per_day }, аптасына { $per_week } реттен аспайды; арасындағы үзіліс кемінде { $break } мин.
act-norm-none = Бұл жасқа норма жазылмаған.
act-violations-count = { $count ->
        [one] Норма бұзылды: { $count }
       *[other] Норма бұзылды: { $count }
    }
act-violations-none = Апта өз жасының нормаларына сай.
act-week-label = { $group }: аптадағы ұйымдастырылған іс-әрекет
act-day-total = { $count ->
        [one] { $count } іс-әрекет, { $minutes } мин
       *[other] { $count } іс-әрекет, { $minutes } мин
    }
act-minutes-short = { $minutes } мин
act-breaks-norm = Норманы бұзады
act-add = Іс-әрекет қосу
act-add-day = Іс-әрекет қосу: { $day }
act-new-title = Жаңа іс-әрекет
act-edit-title = Іс-әрекетті өзгерту
act-day = Күн
act-starts = Басталуы
act-minutes = Минут
act-activity = Іс-әрекет
act-educator = Тәрбиеші
act-room = Бөлме
act-not-set = — көрсетілмеген —
act-starts-invalid = Басталу уақытын сағат пен минутпен көрсетіңіз, мысалы 09:00.
act-minutes-invalid = Ұзақтығы { $min }…{ $max } аралығындағы бүтін минут болуы керек.
act-delete = Жою
act-delete-question = Бұл іс-әрекетті аптадан жою керек пе? Растау үшін «Иә, жою» батырмасын басыңыз.
act-delete-confirm = Иә, жою
act-copy = Бұл аптаны көшіру…
act-copy-title = { $group } тобының аптасын көшіру
act-copy-explain = Белгіленген топтардың аптасы осы аптаның көшірмесімен ауыстырылады: олардың өз іс-әрекеттері жойылады.
act-copy-to = Қай топтарға
act-copy-none-chosen = Кемінде бір топты белгілеңіз.
act-copy-confirm = Апталарын ауыстыру
act-copied = { $count ->
        [one] Апта { $count } топқа көшірілді.
       *[other] Апта { $count } топқа көшірілді.
    }
act-template = Үлгілік аптаны { $from }–{ $to } жастағы барлық топқа қолдану
act-template-title = { $from }–{ $to } жасқа арналған үлгілік апта
act-template-explain = Осы жастың үлгілік аптасы мына топтардың аптасын ауыстырады: { $groups }. Олардың өз іс-әрекеттері жойылады.
act-template-confirm = Үлгілік аптаны қолдану
act-template-applied = { $count ->
        [one] Үлгілік апта { $count } топқа қолданылды.
       *[other] Үлгілік апта { $count } топқа қолданылды.
    }

## Sync with the hub: enrolment, the last sync, USB bundles, the waiting queue, the fixation, the school network
nav-sync = Синхрондау
sync-readonly = Тек қарау үшін: синхрондауды бастау, компьютерді тіркеу және USB файлдарымен жұмыс — директордың немесе меңгерушінің ісі.
sync-enrolment = Хабқа тіркелу
sync-enrolled-hub = Бұл компьютер { $url } хабына тіркелген.
sync-enrolled-lan = Бұл ноутбук мектептің негізгі компьютерімен { $url } синхрондалады; оның өзгерістерін хабқа негізгі компьютер жеткізеді.
sync-enrolled-offline = Бұл компьютер желісіз, қағаздағы код арқылы тіркелген. Оның өзгерістері хабқа USB флешкадағы файлмен жеткізіледі; тіркелу хабқа алғашқы файл жеткенде аяқталады.
sync-not-enrolled = Бұл компьютер әлі хабқа тіркелмеген: өзгерістер осында сақталады, бірақ ешқайда жіберілмейді.
sync-not-enrolled-ask = Оны директор немесе меңгеруші хаб берген бір реттік кодпен тіркейді.
sync-fingerprint = Хаб кілтінің цифрлық ізі
sync-fingerprint-lan = Негізгі компьютер кілтінің цифрлық ізі
sync-fingerprint-hint = Ол тіркеу парағында басылған іспен бірдей болуы керек.
sync-enrol-title = Компьютерді тіркеу
sync-hub-url = Хабтың мекенжайы
sync-hub-url-hint = Мектепте интернет болмаса, бос қалдырыңыз: компьютер қағаздағы кодпен тіркеледі, ал деректер хабқа USB флешкамен жеткізіледі.
sync-hub-url-invalid = Мекенжай http:// немесе https:// деп басталуы керек.
sync-code = Бір реттік код
sync-code-hint = Хаб берген тіркеу парағынан алынады; тек бір рет жарайды.
sync-enrol = Тіркеу
sync-enrolling = Тіркелуде…
sync-enrolled-done = Компьютер тіркелді.
sync-last = Соңғы синхрондау
sync-never = Әлі синхрондалған жоқ.
sync-last-at = { $time }, { $via }
sync-via-hub = хаб арқылы, интернетпен
sync-via-bundle = USB флешкадағы файлмен
sync-via-lan = мектептің жергілікті желісі арқылы
sync-ok = Сәтті өтті
sync-failed = Сәтсіз аяқталды
sync-failed-unknown = Себебі көрсетілмеген.
sync-figures = Жіберілді: { $sent }, алынды: { $received }, алмасу айналымы: { $rounds }
sync-size-b = { $size } Б
sync-size-kb = { $size } КБ
sync-size-mb = { $size } МБ
sync-now = Қазір синхрондау
sync-running = Синхрондалуда…
sync-phase-connecting = Хабқа қосылуда
sync-phase-manifest = Екі жақтағы деректер салыстырылуда
sync-phase-rounds = Өзгерістер алмасуда
sync-phase-done = Аяқталуда
sync-progress = { $percent } %
sync-finished-ok = Синхрондау аяқталды.
sync-finished-failed = Синхрондау сәтсіз аяқталды: { $reason }
sync-bundles = Интернетсіз: USB флешкадағы файл
sync-bundles-explain = Өзгерістерді флешкаға файл етіп шығарыңыз, оны интернеті бар компьютерге немесе хабқа апарыңыз, содан кейін хабтың жауап файлын осында жүктеңіз.
sync-export = USB-ге файл шығару
sync-exporting = Файл дайындалуда…
sync-exported = { $file } файлы сақталды. Оны хабқа жеткізіп, хабтың жауабын осында жүктеңіз.
sync-nothing-to-send = Жіберетін ештеңе жоқ: барлық өзгеріс хабқа жеткен.
sync-import = Хабтың жауабын жүктеу
sync-importing = Жүктелуде…
sync-imported = Хабтың жауабы жүктелді. Жаңартылған құжаттар: { $docs }. Хаб алғанын растағандары: { $acknowledged }.
sync-already-imported = Бұл жауап бұрын жүктелген; ештеңе өзгерген жоқ.
sync-queue = Жіберуді күтіп тұрғандар
sync-queue-rule = Әр өзгеріс хабқа 5 жұмыс күні ішінде жетуі керек. Жол 3-жұмыс күнінен бастап сары түске, 5-күннен кейін қызыл түске боялады.
sync-queue-empty = Жіберуді күтіп тұрған ештеңе жоқ.
sync-queue-doc = Құжат
sync-queue-changes = Өзгерістер
sync-queue-oldest = Ең ерте өзгеріс
sync-queue-age = Күтуде, жұмыс күні
sync-queue-delivery = Жеткізу
sync-delivery-on-time = Мерзімінде
sync-delivery-warning = Тезірек жіберу керек
sync-delivery-overdue = Мерзімі өтті
sync-fixation-announced = Фиксация күні — { $date }: сол күннен бастап әкімшілік деректерді (контингент, қызметкерлер, ұйым) жаңарту { $until } күніне дейін тоқтатылады. Осы аралықта енгізілген өзгерістер кезекте сақталып, одан кейін жіберіледі.
sync-fixation-frozen = Фиксация күні — { $date }: әкімшілік деректерді (контингент, қызметкерлер, ұйым) жаңарту { $until } күніне дейін тоқтатылған. Өзгерістеріңіз кезекте сақталады және одан кейін жіберіледі.
sync-conflicts-title = Қайшылықтар
sync-conflicts = Шешім күтіп тұрған қайшылықтар: { $count }.
sync-conflicts-none = Шешім күтіп тұрған қайшылық жоқ.
sync-conflicts-explain = Қайшылық — бір жазбаның екі компьютерде әртүрлі өзгертілуі; біреуі таңдалғанша екі мән де сақталады.
sync-conflicts-choose = Дұрыс мәні:
sync-conflicts-open = Журналды ашу
sync-conflicts-comment = түсініктеме
sync-conflicts-not-yours = Олардың ешқайсысы сіз жүргізетін журналда немесе табельде емес: оны мұғалімі, директордың орынбасары немесе директор шешеді.
sync-lan = Мектептің жергілікті желісі
sync-lan-serving = Бұл компьютер мектеп желісіне қызмет етеді: басқа компьютерлер онымен синхрондалады.
sync-lan-not-serving = Бұл компьютер мектеп желісіне қызмет етпейді.
sync-lan-none = Мектептің басқа компьютерлері онымен әлі синхрондалған жоқ.
sync-lan-device = Компьютер
sync-lan-last = Соңғы синхрондау
sync-lan-never = әлі болмаған
sync-lan-remove = Жою
sync-lan-remove-ask = Бұл ноутбукты жою керек пе? Ол енді осы компьютермен синхрондалмайды; қайта синхрондалу үшін оған жаңа код керек.
sync-lan-remove-yes = Иә, жою
sync-lan-remove-no = Бас тарту
sync-lan-code-issue = Мұғалім ноутбугына арналған код
sync-lan-code-issuing = Код жасалып жатыр…
sync-lan-code-once = Код бір рет қана, бір тәулік ішінде жарайды және тек қазір көрсетіледі. Мұғалімнің ноутбугында «Синхрондау» бетін ашып, осы компьютердің мекенжайы мен кодты енгізіңіз.
sync-lan-code-address = Осы компьютердің мекенжайы: { $url }
sync-lan-code-no-address = Осы компьютердің мекенжайы — «dala serve --lan» командасы көрсеткен мекенжай.
sync-lan-code-fingerprint = Осы компьютер сертификатының цифрлық ізі: { $fingerprint }
sync-confirm-title = Директор растаған апталық жіберу
sync-confirm-explain = Директор мектеп деректерін министрлік үшін өз құпиясөзімен растайды: хаб алатын деректерге қол қойылады, ал хаб кім растағанын жазып алады. Тек директор (балабақшада — меңгеруші) раста алады.
sync-confirm-password = Директордың құпиясөзі
sync-confirm-now = Синхрондау және растау
sync-confirm-export = USB үшін расталған файлды шығару
sync-confirm-started = Синхрондау басталды; растау оның соңында жіберіледі.
sync-confirm-exported = Расталған { $file } файлы сақталды. Оны хабқа апарыңыз, содан кейін хабтың жауабын осында жүктеңіз.
