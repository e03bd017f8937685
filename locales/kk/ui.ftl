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
       *[other] Директордың логині
    }
setup-admin-login-hint = Латын әріптері, цифрлар, нүкте немесе сызықша, мысалы: director немесе a.seitkali.
setup-password = Құпиясөз
setup-submit = Ұйымды құру
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
home-lessons-empty = Бүгін сабақ жоқ.
home-lessons-empty-hint = Сабақ кестесі мен электрондық журнал қосылғанда, бүгінгі сабақтарыңыз осында көрінеді.
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
