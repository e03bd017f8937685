### Dala: қате туралы хабарлар (қазақша).
### Идентификатор: "error-" + қате коды, онда "." пен "_" орнына "-" (auth.invalid_credentials → error-auth-invalid-credentials).
### Осы файлды Rust крейті де (dala-i18n), интерфейс те (@fluent/bundle) оқиды.

error-unknown = Күтпеген қате ({ $code }).

## Кіру

error-auth-invalid-credentials = Логин немесе құпиясөз қате.
error-auth-recovery-key-invalid = Қалпына келтіру кілті жарамсыз.
error-auth-password-required = Құпиясөз берілмеген: DALA_PASSWORD айнымалысын орнатыңыз немесе команданы терминалда іске қосыңыз.
error-auth-login-required = Логин берілмеген: DALA_LOGIN айнымалысын орнатыңыз немесе команданы терминалда іске қосыңыз.

## Деректер қоймасы

error-store-not-initialised = { $path } қалтасында Dala деректері жоқ. Алдымен «dala init» немесе «dala demo» командасын іске қосыңыз.
error-store-already-initialised = { $path } қалтасы бос емес. Бос қалтаны таңдаңыз.
error-store-key-slots-corrupt = { $path } қалтасындағы кілт файлы зақымдалған немесе оқылмайды.
error-store-corrupt = Дерекқор зақымдалған: { $detail }
error-store-migration-edited = { $name } миграциясы осы дерекқорға қолданылған нұсқадан өзгеше. Шығарылған миграцияны ешқашан өзгертуге болмайды.
error-store-newer-schema = Бұл деректер Dala бағдарламасының жаңарақ нұсқасында жасалған (схема { $version }). Dala бағдарламасын жаңартыңыз.
error-store-io = Оқу немесе жазу мүмкін емес ({ $path }): { $detail }
error-store-database = Дерекқор қатесі: { $detail }
error-store-document-corrupt = { $doc } құжатын оқу мүмкін емес: { $detail }
error-store-not-found = { $entity ->
        [class] Сынып
        [academic_year] Оқу жылы
        [account] Тіркелгі
        [term] Тоқсан
        [person] Адам
        [lesson] Сабақ
        [assignment] Жүктеме
        [timetable_lesson] Кестедегі сабақ
        [group] Топ
        [age_group] Жас тобы
        [organisation] Ұйым
        [lan_device] Ноутбук
        [activity] Ұйымдастырылған іс-әрекет
       *[other] Жазба
    } табылмады.

## Адамдар

error-person-iin-format = ЖСН дәл 12 цифрдан тұруы керек.
error-person-iin-date = ЖСН-дегі туған күн мүмкін емес.
error-person-iin-century = ЖСН-нің 7-цифры (ғасыр мен жыныс) 1-ден 6-ға дейін болуы керек.
error-person-iin-checksum = ЖСН-нің бақылау цифры дұрыс емес: нөмірді қайта тексеріңіз, қате терілген болуы мүмкін.
error-person-iin-mismatch = ЖСН туған күнге немесе жынысқа сәйкес келмейді.
error-person-iin-taken = ЖСН { $iin } басқа адамға тіркелген.
error-person-name-required = Тегі мен атын көрсетіңіз.
error-person-birth-date-invalid = Мұндай туған күн болуы мүмкін емес: { $date }.

## Ұйым

error-org-bin-invalid = БСН 12 цифрдан тұруы және бақылау цифры дұрыс болуы керек.
error-org-name-required = Ұйымның атауын көрсетіңіз.
error-org-unknown-region = Белгісіз өңір коды: { $code }.
error-org-unknown-district = Бұл өңірде мұндай аудан коды жоқ: { $code }.

## Оқу жылы, сыныптар, топтар

error-year-dates-invalid = Оқу жылының күндері дұрыс емес: жылдың басталу күні аяқталу күнінен бұрын болуы керек, ал тоқсандар жыл ішінде бірінен соң бірі келуі керек.
error-class-grade-out-of-range = Сынып нөмірі 0-ден 11-ге дейін болуы керек.
error-class-letter-invalid = Сыныптың литері бір ғана әріп болуы керек.
error-class-duplicate = { $name } сыныбы осы оқу жылында бұрыннан бар.
error-group-age-invalid = Топтың жас аралығы 1 жастан 7 жасқа дейін болуы керек.
error-group-norm-invalid = Орындар нормасы 1-ден 40-қа дейін болуы керек.
error-group-name-required = Топтың атауын көрсетіңіз.

## Қабылдау

error-enrolment-wrong-person = Сыныпқа тек оқушыны, ал балабақша тобына тек баланы қабылдауға болады.
error-enrolment-outside-year = Қабылдау күні оқу жылының шегінен тыс.
error-enrolment-overlap = Бұл күні оқушы бұрыннан қабылданған.

## Тіркелгілер

error-account-login-invalid = Логин 3-тен 32-ге дейін таңбадан тұруы керек: латын әріптері, цифрлар, нүкте, сызықша немесе астыңғы сызық.
error-account-login-taken = «{ $login }» логині бұрыннан тіркелген.
error-account-password-too-short = Құпиясөз кемінде { $min } таңбадан тұруы керек.

## Импорт

error-import-file-format = { $path } файлын оқу мүмкін емес: .csv немесе .xlsx файлы керек.
error-import-missing-column = «{ $column }» бағаны жоқ.
error-import-rejected = Ештеңе импортталмады: { $count ->
        [one] { $count } жолда
       *[other] { $count } жолда
    } қате бар.

## Командалық жол

error-cli-usage = { $detail }

## Импорт: жол неге қабылданбады

error-import-value-missing = «{ $column }» ұяшығы толтырылмаған.
error-import-date-invalid = «{ $value }» — күн емес: 2014-03-08 немесе 08.03.2014 түрінде жазыңыз.
error-import-sex-invalid = «{ $value }» — жынысы дұрыс жазылмаған: ер немесе әйел (м немесе ж) деп жазыңыз.
error-import-class-unknown = Ағымдағы оқу жылында «{ $name }» сыныбы жоқ.

## API
error-account-last-administrator = Ұйымның соңғы директорын немесе меңгерушісін жоюға не басқа рөлге ауыстыруға болмайды.
error-auth-unauthenticated = Жүйеге кіріңіз.
error-auth-forbidden = Сіздің рөліңіз бұған рұқсат бермейді.
error-auth-locked = Сәтсіз әрекеттер тым көп. { $seconds } секундтан кейін қайталаңыз.
error-auth-totp-required = Аутентификатор қолданбасындағы 6 таңбалы кодты енгізіңіз.
error-auth-totp-invalid = Код қате немесе мерзімі өтіп кеткен.
error-auth-setup-done = Бұл ұйым бұрыннан бапталған.
error-api-bad-request = Сұрау дұрыс емес: { $detail }
error-api-not-found = Мұндай бет немесе жазба жоқ.
error-auth-second-factor-setup-required = Алдымен екінші факторды баптаңыз: директор, меңгеруші және орынбасар аутентификатор қолданбасындағы кодпен кіреді.

## Journal and register
error-journal-subject-unknown = «{ $code }» деген пән жоқ.
error-assignment-teacher-invalid = Сабақ беруге тек қызметкер тағайындалады.
error-assignment-duplicate = Бұл мұғалім бұл сыныпқа бұл пәннен тағайындалған.
error-guardian-invalid = Ата-ана ретінде ата-ананы, бала ретінде оқушыны көрсетіңіз.
error-journal-lesson-outside-term = Сабақтың күні тоқсаннан тыс.
error-journal-period-invalid = Сабақтың реті 1-ден { $max }-ге дейін болуы керек.
error-journal-period-taken = Бұл сыныпта осы уақытта басқа сабақ бар.
error-journal-max-score-invalid = БЖБ мен ТЖБ-ның ең жоғары балы 1-ден 100-ге дейін; қарапайым сабақта ол болмайды.
error-journal-too-many-soch = Сынып бір күнде { $max } ТЖБ-дан артық жазбайды.
error-journal-soch-last-day = Тоқсанның соңғы күні ТЖБ өткізілмейді.
error-journal-too-many-sor = Бір пәннен тоқсанына { $max } БЖБ-дан артық болмайды.
error-journal-text-too-long = Мәтін { $max } таңбадан ұзын.
error-journal-not-your-class = Бұл сынып пен пән сізге тағайындалмаған.
error-journal-lesson-has-marks = Сабақта бағалар бар: алдымен оларды өшіріңіз.
error-journal-lesson-in-future = Бұл сабақ әлі өткен жоқ.
error-journal-not-enrolled = Оқушы сол күні бұл сыныпта оқымаған.
error-journal-no-marks-for-grade = Бұл сыныптың оқушыларына баға қойылмайды.
error-journal-absent-with-score = Сабаққа келмеген оқушыға балл қойылмайды.
error-journal-score-out-of-range = Балл { $min }-ден { $max }-ге дейін болуы керек.
error-register-day-outside-month = Бұл күн табельдің айына жатпайды.
error-register-day-in-future = Бұл күн әлі келген жоқ.
error-schedule-weekday-invalid = Апта күні 1-ден { $max }-ге дейін болуы керек.
error-schedule-activity-time-invalid = Басталуын күн ішінде СС:ММ түрінде, ұзақтығын { $min }–{ $max } минут етіп көрсетіңіз.
error-schedule-activity-unknown = «{ $code }» ұйымдастырылған іс-әрекеті жоқ.
error-schedule-activity-overlap = Топтың бұл уақытта басқа сабағы бар.
error-schedule-room-name-required = Бөлменің атауын көрсетіңіз.
error-schedule-room-unknown = Бұл оқу жылында мұндай бөлме жоқ.
error-report-write = Есеп файлын жазу мүмкін болмады.
error-report-too-large = Есеп электрондық кестеге сыймайды.
error-report-font = Есептің қарпі оқылмады.
error-timetable-teacher-busy = { $who } мұғалімнің бұл уақытта сабағы бар: { $when }.
error-timetable-students-busy = { $who } сыныбының бұл уақытта сабағы бар: { $when }.
error-timetable-room-busy = «{ $who }» бөлмесі бұл уақытта бос емес: { $when }.
error-timetable-not-available = { $who } бұл уақытта бос емес: { $when }.
error-timetable-break = { $when } — үзіліс.
error-timetable-outside-day = Сабақ оқу күніне сыймайды.
error-timetable-unplaced = Сабақ кестеге қойылмаған.
error-timetable-max-hours-daily = { $who }: { $day } күні { $amount } сабақ болар еді, ал ең көбі { $max } болуы керек.
error-timetable-max-gaps = { $who }: сабақ арасында { $amount } бос сағат болар еді, ал ең көбі { $max }.
error-timetable-gaps = { $who }: { $day } күні сабақ арасында { $amount } бос сағат.
error-timetable-min-days = «{ $subject }» сабақтары бір күнде, бірақ қатар емес.
error-timetable-hard-last = «{ $subject }» — { $who } үшін соңғы сабақ ({ $when }): күрделі пәнді ертерек қойған жөн.
error-timetable-pinned-moved = Бекітілген сабақ бекітілген орнында емес.
error-timetable-preferred-time = Сабақ белгіленген уақытта емес.
error-timetable-preferred-room = Сабақ қажетті бөлмеде емес ({ $subject }).
error-timetable-room-capacity = «{ $who }» бөлмесінде { $max } орын, ал сабақта { $amount } оқушы.
error-timetable-running = Кесте қазір құрылып жатыр; аяқталуын күтіңіз немесе тоқтатыңыз.
error-timetable-fet-malformed = FET файлы оқылмайды ({ $line }-жол, { $element }): { $detail }.
error-timetable-fet-bad-value = { $line }-жол, { $element }: «{ $value }» — { $expected } емес.
error-timetable-fet-unknown-teacher = { $line }-жол, { $element }: «{ $name }» мұғалімі жоқ.
error-timetable-fet-unknown-subject = { $line }-жол, { $element }: «{ $name }» пәні жоқ.
error-timetable-fet-unknown-students-set = { $line }-жол, { $element }: «{ $name }» оқушылар тобы жоқ.
error-timetable-fet-unknown-room = { $line }-жол, { $element }: «{ $name }» бөлмесі жоқ.
error-timetable-fet-unknown-time = { $line }-жол, { $element }: «{ $name }» күні не сағаты жоқ.
error-timetable-fet-unknown-activity = { $line }-жол, { $element }: { $name } сабағы жоқ.
error-timetable-fet-duplicate = { $line }-жол, { $element }: «{ $name }» екі рет сипатталған.
error-load-duty-unknown = «{ $code }» қосымша міндеті жоқ немесе оған сынып көрсету керек.

## Мониторинг

error-sync-freeze-too-long = Әкімшілік деректерді жаңартуды { $max } жұмыс күнінен артық тоқтатуға болмайды.

## Хабпен синхрондау

error-sync-malformed = Синхрондау деректері немесе файл оқылмайды: ол бүлінген немесе Dala файлы емес. { $detail }
error-sync-signature = Қолтаңба сәйкес келмейді: деректер өзгертілген немесе басқа кілтпен қол қойылған.
error-sync-code-invalid = Тіркеу коды жарамсыз, бұрын қолданылған немесе мерзімі өткен (ноутбук коды бір тәулік жарамды). Оны тіркеу парағымен салыстырыңыз немесе жаңасын сұраңыз.
error-sync-not-enrolled = Бұл компьютер әлі хабқа тіркелмеген.
error-sync-unknown-device = Хаб бұл компьютерді танымайды: оны жаңа кодпен қайта тіркеңіз.
error-sync-wrong-org = Деректер басқа ұйымға тиесілі.
error-sync-wrong-hub = Файл немесе жауап бұл компьютер тіркелген хабтан емес, басқа хабтан келген.
error-sync-out-of-scope = Хаб бұл ұйым жібере алмайтын құжатты қабылдамады. { $doc }
error-sync-frozen = Фиксацияға байланысты әкімшілік деректерді жаңарту { $until } күніне дейін тоқтатылған; өзгерістер кезекте сақталып, одан кейін жіберіледі.
error-sync-offline = Хабпен байланыс жоқ: интернет қосылымын және хаб мекенжайын тексеріңіз. { $detail }
error-sync-refused = Хаб сұрауды қабылдамады. { $detail }
error-sync-too-many-rounds = Синхрондау аяқталмады: хаб өзгерістерді жіберуін тоқтатпады. Кейінірек қайталап көріңіз.
error-sync-nothing-to-send = Жіберетін ештеңе жоқ: барлық өзгеріс хабқа жеткен.
error-sync-running = Хабпен синхрондау жүріп жатыр; сәлден кейін қайталап көріңіз.
error-sync-no-link = Бұл компьютер хаб мекенжайынсыз, қағаздағы код арқылы тіркелген: оның өзгерістерін USB флешкадағы файлмен жіберіңіз.
error-sync-main-locked = Мектептің негізгі компьютері құлыпталған: ноутбуктер онымен синхрондалуы үшін оған біреу жүйеге кіруі керек.
error-sync-not-director = Мектеп деректерін тек директор (балабақшада — меңгеруші) өз құпиясөзімен растайды.
error-sync-director-unknown = Растау хабқа осы ұйымның директорының кілті ретінде белгісіз кілтпен қол қойылған. Директор ауысқан болса, аудандық білім бөлімінен жаңасын тіркеуді сұраңыз.
error-sync-snapshot-code = Көшірме файлы басқа қосылу кодына жасалған. Аудан осы файлмен бірге берген кодты енгізіңіз.
error-sync-lan-laptop = Бұл ноутбук мектептің негізгі компьютерімен синхрондалады. Бума файлдары мен директордың растауы хабқа негізгі компьютерден жіберіледі.
error-curriculum-grade-unknown = { $grade }-сыныптың өзгертетін оқу жоспары жоқ.
error-curriculum-hours-invalid = Сағаттар аптасына бүтін не жарты сабақпен, { $max } сағатқа дейін беріледі.
error-assignment-subgroup-invalid = Сынып 1-ші не 2-ші топқа бөлінеді.

## The hub's reports for districts, regions and the republic
error-hub-unauthenticated = Есептер үшін аудан, облыс немесе республика есептік жазбасының токені қажет (Authorization: Bearer …); жойылған есептік жазбаның токені енді жарамайды.
error-hub-unknown-report = «{ $report }» есебі жоқ: organisations, contingent немесе attendance.
error-hub-unknown-format = «{ $format }» пішімі жоқ: json немесе xlsx.
