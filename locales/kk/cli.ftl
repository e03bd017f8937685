### Dala: командалық жолдың хабарлары мен сұраулары (қазақша).
### Осы файлды Rust крейті де (dala-i18n), интерфейс те (@fluent/bundle) оқиды.

## Сұраулар

cli-prompt-login = Логин:
cli-prompt-password = Құпиясөз:

## init және demo

cli-init-done = «{ $name }» ұйымы { $path } қалтасында құрылды.
cli-recovery-key-title = Қалпына келтіру кілті — оны басып шығарып, сейфте сақтаңыз. Кілт тек бір рет көрсетіледі:
cli-demo-done = Демонстрациялық { $kind } құрылды: { $students } оқушы, { $staff } қызметкер, { $accounts } тіркелгі.
cli-kind-school = мектеп
cli-kind-kindergarten = балабақша

## check

cli-check-ok = Тексеру сәтті өтті: дерекқордың тұтастығы, { $documents } құжаттың проекцияларымен сәйкестігі, { $entries } аудит жазбасы тексерілді.
cli-check-failed = Тексеру сәтсіз аяқталды: { $count ->
        [one] { $count } мәселе
       *[other] { $count } мәселе
    } табылды.
cli-check-problem = — { $detail }

## export және import

cli-export-done = Экспорт аяқталды: { $path }.
cli-import-done = { $count ->
        [one] { $count } оқушы
       *[other] { $count } оқушы
    } импортталды.
cli-import-row-refused = { $row }-жол: { $reason }

## export: .xlsx кітабының парақ атаулары (31 таңбадан аспайды, [ ] : * ? / \ болмайды)

export-sheet-organisation = Ұйым
export-sheet-academic-years = Оқу жылдары
export-sheet-terms = Тоқсандар
export-sheet-classes = Сыныптар
export-sheet-age-groups = Жас топтары
export-sheet-students = Оқушылар
export-sheet-children = Балалар
export-sheet-staff = Қызметкерлер
export-sheet-enrolments = Қабылдау

cli-serve-listening = Dala { $url } мекенжайында жұмыс істеп тұр — оны браузерде ашыңыз. Тоқтату: Ctrl+C.
cli-serve-no-ui = Интерфейс { $path } ішінде жиналмаған: тек API қолжетімді. Оны ui/ ішінде «npm run build» командасымен жинаңыз.
cli-serve-fingerprint = Сертификаттың саусақ ізі (SHA-256) — браузерлер дәл осыны көрсететінін тексеріңіз: { $fingerprint }

## load export: педагогтердің жүктемесі

cli-load-done = Жүктеме жазылды: { $path }. Педагогтер: { $teachers }; ешкім оқытпайтын сағаттар аптасына: { $uncovered }.
cli-load-problems = Есепке сол күйінде алынбаған тағайындаулар: { $count } (тізімі JSON экспорттағы «problems» ішінде).
cli-timetable-generated = Кесте сақталды: { $lessons } сабақ; бұзылған қатаң ереже: { $hard }; жұмсақ ережелер айыбы { $soft }.
cli-timetable-checked = Бұзылған қатаң ереже: { $hard }; жұмсақ: { $soft }.
cli-timetable-exported = { $path } файлы жазылды ({ $lessons } сабақ).
cli-activities-checked = Бұзылған норма: { $count }.

## sync, bundle: хабпен алмасу

cli-sync-enrolled = Құрылғы хабқа тіркелді. Хаб кілтінің іздері: { $hub } — аудандағы парақпен салыстырыңыз.
cli-sync-enrolled-offline = Код қабылданды (хаб іздері: { $hub }). Тіркеу бірінші бумамен хабта аяқталады: «dala bundle export».
cli-sync-enrolled-lan = Ноутбук мектептің негізгі компьютеріне тіркелді (оның кілтінің іздері: { $hub }). «dala sync now» онымен синхрондайды.
cli-sync-lan-code = Мұғалім ноутбугына арналған бір реттік код келесі жолда; ол бір рет, бір тәулік ішінде жарайды. Ноутбукта: «dala sync enroll --hub https://ОСЫ-КОМПЬЮТЕР:ПОРТ --code КОД», бұл компьютерде «dala serve --lan» жұмыс істеп тұрғанда. Оның сертификатының іздері: { $fingerprint }.
cli-sync-laptops-none = Бұл компьютерге бірде-бір ноутбук тіркелмеген.
cli-sync-laptop-never = әлі синхрондалмаған
cli-sync-laptop-removed = { $device } ноутбугы жойылды: оның келесі синхрондауы қабылданбайды. Жаңа кодпен қайта тіркеуге болады.
cli-sync-done = Синхрондау аяқталды: құжат { $docs }, раунд { $rounds }, жіберілді { $sent } байт, алынды { $received } байт; хаб қабылдамағаны: { $refused }.
cli-bundle-exported = Бума жазылды: { $path } ({ $bytes } байт). Оны аудандық білім бөліміне апарыңыз.
cli-bundle-imported = Хаб жауабы оқылды: жаңартылған құжат { $docs }, хаб растаған құжат { $acknowledged }.
