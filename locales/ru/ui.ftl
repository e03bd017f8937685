### Dala: тексты веб-интерфейса (русский).
### Этот файл читает интерфейс (@fluent/bundle) при сборке; сообщения об ошибках — в errors.ftl.
### Каждый идентификатор должен быть в файлах kk, ru и en с одними и теми же переменными.

app-name = Dala
app-unreachable = Нет связи с сервером Dala. Проверьте, что главный компьютер школы включён и подключён к сети.
app-failed-title = Не удалось открыть программу
app-retry = Повторить

## Язык

lang-switch = Язык интерфейса
lang-short-kk = ҚАЗ
lang-short-ru = РУС
lang-short-en = ENG
lang-name-kk = Казахский
lang-name-ru = Русский
lang-name-en = Английский

## Оболочка: верхняя панель и меню

shell-logout = Выйти
shell-skip-to-content = Перейти к основному содержимому
nav-label = Главное меню
nav-home = Главная
nav-accounts = Учётные записи
nav-audit = Журнал аудита
nav-login-attempts = Неудачные входы
nav-password = Смена пароля

## Связь и синхронизация

status-checking = Проверка…
status-online = В сети
status-offline = Не в сети
status-no-server = Нет связи с сервером
status-pending = { $count ->
        [one] { $count } изменение не отправлено
        [few] { $count } изменения не отправлены
       *[other] { $count } изменений не отправлено
    }
status-last-sync = Последняя синхронизация: { $time }
status-never-synced = Ещё не синхронизировано

## Виды организаций и роли

org-kind-school = Школа
org-kind-kindergarten = Детский сад
role-director = Директор
role-deputy = Заместитель директора
role-teacher = Учитель
role-methodist = Методист
role-tutor = Тьютор
role-student = Ученик
role-parent = Родитель
role-head = Заведующий
role-educator = Воспитатель

## Формы

form-required = Заполните это поле.
form-passwords-differ = Пароли не совпадают.
form-save = Сохранить
form-cancel = Отмена

## Первая настройка

setup-title = Первая настройка
setup-intro = На этом компьютере ещё нет данных. Зарегистрируйте организацию и создайте учётную запись её руководителя: остальные учётные записи вы создадите потом под ней.
setup-kind = Вид организации
setup-name = Название организации
setup-name-hint = Полное название, как в документах, например: КГУ «Общеобразовательная школа № 2 села Аксу».
setup-admin-login = { $kind ->
        [kindergarten] Логин заведующего
        [snapshot] Ваш логин на этом компьютере
       *[other] Логин директора
    }
setup-admin-login-hint = Латинские буквы, цифры, точка или дефис, например: director или a.seitkali.
setup-password = Пароль
setup-submit = Создать организацию
setup-submit-snapshot = Начать с файла
setup-from = Как начинает работу этот компьютер
setup-from-new = Новая организация
setup-from-snapshot = Новый компьютер организации, данные которой есть в хабе района
setup-snapshot-explain = Районный отдел образования выдаёт файл снимка данных организации (на USB-накопителе) и одноразовый код на бумаге. Компьютер начинает с файла вместо долгой первой синхронизации, а затем синхронизируется с хабом как обычно. Учётные записи не покидают школу: этот компьютер начинает с вашей.
setup-snapshot-file = Файл снимка
setup-snapshot-missing = Выберите файл снимка.
setup-code-missing = Введите код, выданный вместе с файлом.
setup-code-hint = Код, напечатанный вместе с файлом снимка, например ABCD-EFGH-….
setup-hub-hint = Только если связь есть сейчас, например https://hub.aqsu.edu.kz:8443. Без адреса компьютер подключается по коду, а первый отправленный в хаб файл завершает подключение.
recovery-title = Ключ восстановления
recovery-plea = Распечатайте этот ключ прямо сейчас и храните его в сейфе: он показывается только один раз.
recovery-explain = Если забыты все пароли, открыть данные можно только этим ключом. Без него их не восстановит никто, даже разработчики Dala. Не показывайте ключ посторонним.
recovery-print = Распечатать
recovery-printed = Я распечатал(а) ключ и буду хранить его в надёжном месте
recovery-continue = Продолжить

## Вход

login-title = Вход в систему
login-name = Логин
login-password = Пароль
login-submit = Войти
login-back = Назад
login-totp = Код подтверждения
login-totp-prompt = Эта учётная запись защищена двухфакторной аутентификацией. Введите 6-значный код из приложения-аутентификатора.
login-totp-invalid = Код неверный или устарел. Введите новый код из приложения.
login-locked = Слишком много неудачных попыток, вход временно заблокирован. Повторите через { $minutes ->
        [one] { $minutes } минуту
        [few] { $minutes } минуты
       *[other] { $minutes } минут
    }.
login-session-ended = Сеанс завершён. Войдите снова.
login-after-setup = Организация создана. Теперь войдите с новым логином и паролем.

## Пароль

password-title = Смена пароля
password-forced-title = Задайте свой пароль
password-forced-intro = Вы вошли с временным паролем. Прежде чем начать работу, замените его паролем, который знаете только вы.
password-current = Текущий пароль
password-current-initial = Временный пароль
password-new = Новый пароль
password-repeat = Повторите пароль
password-hint = Не меньше { $min } символов. Фразу из нескольких слов легко запомнить.
password-same = Новый пароль должен отличаться от текущего.
password-submit = Сохранить пароль
password-done = Пароль изменён.

## Главная

home-greeting = Добро пожаловать, { $name }!
home-overview = { $kind ->
        [kindergarten] Детский сад вкратце
       *[other] Школа вкратце
    }
count-students = { $count ->
        [one] ученик
        [few] ученика
       *[other] учеников
    }
count-children = { $count ->
        [one] ребёнок
        [few] ребёнка
       *[other] детей
    }
count-staff = { $count ->
        [one] сотрудник
        [few] сотрудника
       *[other] сотрудников
    }
count-classes = { $count ->
        [one] класс
        [few] класса
       *[other] классов
    }
count-age-groups = { $count ->
        [one] возрастная группа
        [few] возрастные группы
       *[other] возрастных групп
    }
count-accounts = { $count ->
        [one] учётная запись
        [few] учётные записи
       *[other] учётных записей
    }
home-groups = Возрастные группы
home-groups-empty = Пока не создано ни одной группы.
group-name = Группа
group-norm = Норма мест
group-enrolled = Зачислено
group-free = Свободно
group-occupancy = Заполненность
home-lessons = Уроки на сегодня, { $date }
home-welcome-empty = Скоро здесь появятся дневник и объявления.

## Учётные записи

accounts-title = Учётные записи
accounts-new = Новая учётная запись
accounts-empty = Учётных записей пока нет.
accounts-created = Учётная запись «{ $login }» создана. Временный пароль: { $password }. Передайте его владельцу: при первом входе он задаст свой пароль.
accounts-role-changed = Новая роль учётной записи «{ $login }»: { $role }.
accounts-password-reset = Новый временный пароль для «{ $login }»: { $password }. Передайте его владельцу.
accounts-deleted = Учётная запись «{ $login }» удалена.
account-login = Логин
account-login-hint = Латинские буквы, цифры, точка, дефис или подчёркивание; от 3 до 32 символов.
account-role = Роль
account-lang = Язык
account-state = Состояние
account-actions = Действия
account-initial = Временный пароль
account-totp = Двухфакторная защита
account-you = Это вы
account-initial-password = Временный пароль
account-initial-password-hint = Владелец заменит его своим паролем при первом входе.
account-password-generate = Предложить другой пароль
account-create = Создать учётную запись
account-change-role = Изменить роль
account-reset-password = Сбросить пароль
account-reset-title = Новый пароль для «{ $login }»
account-reset-explain = Старый пароль перестанет действовать. Владелец войдёт с новым временным паролем и заменит его своим.
account-delete = Удалить
account-delete-title = Удаление учётной записи
account-delete-question = Удалить учётную запись «{ $login }»? Этот человек больше не сможет войти в систему. Записи в журнале аудита сохранятся.

## Журнал аудита

audit-title = Журнал аудита
audit-filter-login = Логин
audit-filter-from = Начало периода
audit-filter-to = Конец периода
audit-show = Показать
audit-empty = За этот период записей нет.
audit-seq = №
audit-at = Время
audit-login = Логин
audit-action = Действие
audit-object = Объект
audit-change = Изменение
audit-show-change = Показать изменение
audit-before = До
audit-after = После
audit-none = нет
audit-personal = Персональные данные
audit-personal-hint = Действие затрагивает персональные данные.
audit-action-organisation-set = Изменены данные организации
audit-action-year-add = Добавлен учебный год
audit-action-class-add = Добавлен класс
audit-action-age-group-add = Добавлена возрастная группа
audit-action-person-save = Сохранены данные человека
audit-action-enrolment-add = Зарегистрировано зачисление
audit-action-account-create = Создана учётная запись
audit-action-account-update = Изменена учётная запись
audit-action-account-remove = Удалена учётная запись
audit-action-account-password-set = Задан пароль
audit-action-session-login = Вход в систему
audit-action-session-logout = Выход из системы

## Неудачные входы

login-attempts-title = Неудачные входы
login-attempts-intro = Попытки входа с неверным логином, паролем или кодом. Введённый пароль никогда не сохраняется.
login-attempts-empty = Неудачных попыток входа не было.
login-attempts-device = Устройство
login-attempts-reason = Причина
login-attempt-reason-invalid-credentials = Неверный логин или пароль
login-attempt-reason-locked = Во время блокировки входа
login-attempt-reason-totp-invalid = Неверный код подтверждения

## Второй фактор (R5.11)
second-factor-title = Настройте второй фактор входа
second-factor-intro = Директор, заведующий и заместитель входят по паролю и 6-значному коду из приложения-аутентификатора на телефоне. Добавьте этот ключ в приложение (Google Authenticator, Microsoft Authenticator, FreeOTP или другое) и введите код, который оно покажет.
second-factor-link = Открыть в приложении-аутентификаторе на этом устройстве
second-factor-code = Код из приложения
second-factor-submit = Подтвердить

## Journal, register and my journal: navigation
nav-journal = Журнал
nav-my-journal = Дневник
nav-attendance = Табель посещаемости
nav-oversight = Контроль
home-journal-hint = Оценки, посещаемость, темы уроков и домашние задания — в электронном журнале.
home-open-journal = Открыть журнал

## Attendance letters: typed and shown in the grid; the letters of every language are accepted, so no two may share a first letter
attendance-letter-absent = н
attendance-letter-ill = б
attendance-letter-excused = у
attendance-letter-late = оп
attendance-letter-vacation = о
attendance-name-absent = не был
attendance-name-ill = болел
attendance-name-excused = по уважительной причине
attendance-name-late = опоздал
attendance-name-vacation = в отпуске
attendance-name-present = присутствовал

## The register grid, shared by the journal and the kindergarten
register-legend-item = { $letter } — { $name }
register-keys = Enter — вниз, Tab — вправо, Delete — стереть, Ctrl+Z — отменить, Ctrl+Enter — все присутствуют.
register-keys-scores = Цифры — балл.
register-all-present = Все присутствуют
register-all-present-hint = Отметить, что в выбранном столбце присутствуют все (Ctrl+Enter)
register-undo = Отменить
register-undo-hint = Отменить последнее изменение (Ctrl+Z)
register-pending = Ещё не сохранено
register-taken = Отмечено
register-stalled = Нет связи с сервером: изменения ещё не сохранены и будут отправлены, когда связь появится.
register-refused = { $cell }: { $message }
register-conflict = На другом устройстве введено другое значение. Какое верное?
register-conflict-marker = Есть конфликт
register-keep = { $value } (текущее)
register-number = №
register-keys-comment = F2 — комментарий.
register-comment-for = Комментарий: { $cell }
register-comment-keys = Enter — сохранить, Shift+Enter — новая строка, Esc — отмена.
register-comment-shown = Комментарий: { $comment }
register-comment-too-long = Комментарий должен быть не длиннее { $max } символов.

## Journal
journal-class = Класс
journal-subject = Предмет
journal-term = Четверть
journal-term-option = { $number } четверть
journal-no-classes = Вам пока не назначены классы и предметы.
journal-readonly = Только просмотр: этот журнал изменять нельзя.
journal-ungraded = В этом классе оценки не ставятся: отмечается только посещаемость.
journal-no-lessons = В этой четверти ещё нет уроков.
journal-no-students = В этом классе нет учеников.
journal-grid-label = { $class }, { $subject }: оценки и посещаемость
journal-pupil = Ученик
journal-add-lesson = Добавить урок
journal-lesson-label = { $date }, { $period }-й урок, { $kind }
journal-score-range = Балл должен быть от { $min } до { $max }.
journal-year = Год
journal-year-hint = Четвертные и годовые оценки
year-grades-label = { $class }, { $subject }: четвертные и годовые оценки
year-grade = Годовая
year-grade-title = Годовая оценка
grade-fo = ФО %
grade-sor = СОр %
grade-soch = СОч %
grade-total = Итог %
grade-mark = Оценка
grade-fo-title = Формативное оценивание, %
grade-sor-title = Суммативное оценивание за раздел, %
grade-soch-title = Суммативное оценивание за четверть, %
grade-total-title = Итог за четверть, %
grade-mark-title = Четвертная оценка
lesson-kind-ordinary = Урок
lesson-kind-sor = СОр
lesson-kind-soch = СОч
lesson-kind-name-ordinary = Урок (формативное оценивание 1–10)
lesson-kind-name-sor = Суммативное оценивание за раздел (СОр)
lesson-kind-name-soch = Суммативное оценивание за четверть (СОч)
lesson-title = { $date }, { $period }-й урок
lesson-date = Дата
lesson-period = Номер урока
lesson-kind = Вид
lesson-max-score = Максимальный балл
lesson-topic = Тема урока
lesson-homework = Домашнее задание
lesson-add = Добавить
lesson-delete = Удалить урок
lesson-delete-blocked = Урок с оценками или отметками посещаемости удалить нельзя.
lesson-close = Закрыть
lesson-max-required = Укажите максимальный балл (не меньше 1).
lesson-period-invalid = Номер урока — от 1 до 12.
lesson-date-outside = Дата должна быть внутри четверти.

## Kindergarten attendance register (R25.5)
attendance-group-places = { $enrolled }/{ $norm }, свободно: { $free }
attendance-month = Месяц
attendance-month-prev = Предыдущий месяц
attendance-month-next = Следующий месяц
attendance-grid-label = { $group }, { $month }: посещаемость
attendance-child = Ребёнок
attendance-present-days = Был
attendance-present-days-title = Дней присутствия (из отмеченных)
attendance-no-children = В группе нет детей.
attendance-no-days = В этом месяце нет рабочих дней.
attendance-readonly = Только просмотр: этот табель изменять нельзя.
download-xlsx = Скачать в Excel
download-pdf = Скачать в PDF

## Oversight (R27.5)
period-from = Начало периода
period-to = Конец периода
period-show = Показать
oversight-unfilled = Незаполненные журналы
oversight-without-topic = Уроки без темы
oversight-late-changes = Оценки, изменённые после дня урока
oversight-absent-streaks = Ученики, отсутствующие три дня подряд и больше
oversight-none = Ничего нет — всё в порядке.
oversight-teacher = Учитель
oversight-changed-at = Когда изменено
oversight-login = Кто изменил
oversight-dates = Дни
oversight-reports = Отчёты по классу
report-attendance = Посещаемость
report-grades = Успеваемость
report-lessons = Уроков
report-present-percent = Присутствие, %
report-week-chart = Посещаемость по неделям, %
report-week-bar = Неделя с { $week }: { $percent } %
report-distribution = Четвертные оценки по предметам
report-grade-count = «{ $grade }» — { $count }
report-no-data = Нет данных.

## My journal: the pupil's and the parent's view (R27.1)
my-journal-marks = Оценки
my-journal-homework = Домашние задания
my-journal-attendance = Посещаемость
my-journal-no-marks = Оценок пока нет.
my-journal-no-homework = Домашних заданий нет.
my-journal-empty = Пока нечего показать.
my-journal-class = { $class } класс
my-journal-subject-marks = { $subject }: оценки

## Days of the week (1 = Monday), as timetables head their columns
weekday-1 = Понедельник
weekday-2 = Вторник
weekday-3 = Среда
weekday-4 = Четверг
weekday-5 = Пятница
weekday-6 = Суббота
weekday-7 = Воскресенье

## Timetable (R27.11)
nav-timetable = Расписание
tt-year = { $year } учебный год
tt-view = Вид
tt-by-class = По классам
tt-by-teacher = По учителям
tt-by-room = По кабинетам
tt-entity-class = Класс
tt-entity-teacher = Учитель
tt-entity-room = Кабинет
tt-period = Урок
tt-grid-label = Расписание: { $name }
tt-cell-label = { $day }, { $period }-й урок
tt-subgroup = { $n } гр.
tt-subgroup-title = { $n }-я подгруппа
tt-pinned = Закреплён
tt-pin = Закрепить
tt-unpin = Открепить
tt-pin-hint = Оставить выбранный урок на месте при новом составлении расписания (P)
tt-readonly = Только просмотр: вы не можете менять расписание.
tt-empty = Расписание пусто: ещё нет классов, учителей или кабинетов.
tt-keys = Стрелки — перемещение. Пробел или Enter — взять урок; стрелки — выбрать клетку; Enter — поставить; Esc — вернуть на место. P — закрепить. Урок можно и перетащить мышью.
tt-keys-readonly = Стрелки — перемещение по расписанию.
tt-carrying = { $lesson } → { $day }, { $period }-й урок:
tt-drop-origin = урок сейчас здесь.
tt-drop-checking = проверка…
tt-drop-ok = сюда можно.
tt-drop-soft = можно, но: { $messages }
tt-drop-hard = Нельзя: { $messages }
tt-moved = Перенесено: { $lesson }, { $day }, { $period }-й урок. Урок закреплён.
tt-violations = Нарушенные правила
tt-violation-hard = Нарушение
tt-violation-soft = Пожелание
tt-violation-counts = Нарушений: { $hard }. Пожеланий: { $soft }.
tt-soft-score = Штраф за пожелания: { $score }
tt-soft-score-hint = Вес невыполненных пожеланий: чем меньше, тем лучше.
tt-violations-none = Ни одно правило не нарушено.
tt-violation-show = Показать
tt-unplaced = Не размещены
tt-unplaced-none = Все уроки учебного плана размещены.
tt-unplaced-none-here = Все уроки этого вида размещены.
tt-unplaced-hint = Перетащите урок в сетку или возьмите его пробелом и выберите клетку стрелками.
tt-unplaced-count = × { $count }
tt-no-teacher = без учителя
tt-generate = Составить
tt-generate-title = Составить расписание
tt-generate-explain = Программа заново составит расписание по учебному плану. Закреплённые уроки останутся на местах. Её можно остановить в любой момент — лучшее найденное расписание сохранится.
tt-generate-seconds = Сколько секунд искать
tt-generate-seconds-invalid = Укажите целое число секунд от 1 до { $max }.
tt-generate-start = Начать
tt-generating = Составляется расписание…
tt-phase-construct = расстановка уроков
tt-phase-repair = устранение накладок
tt-phase-improve = улучшение
tt-progress = { $seconds } с, шагов: { $steps }; нарушений: { $hard }; штраф за пожелания: { $soft }
tt-stop = Остановить
tt-generated = Расписание составлено. Нарушений: { $hard }. Штраф за пожелания: { $soft }.
tt-generated-stopped = Остановлено: сохранено лучшее найденное расписание. Нарушений: { $hard }. Штраф за пожелания: { $soft }.
tt-generate-not-saved = Найденное расписание не удалось сохранить ({ $code }). Попробуйте составить ещё раз.
tt-day-off = День без уроков
tt-day-off-for = { $day }: день без уроков
tt-day-off-hint = У учителя в этот день нет уроков; генератор оставляет его свободным.
tt-cell-label-day-off = { $day } (день без уроков), { $period }-й урок
tt-day-off-set = { $teacher }: { $day } теперь день без уроков.
tt-day-off-cleared = { $teacher }: { $day } снова рабочий день.

## Teaching load (R27.13)
nav-load = Нагрузка
load-tariff = Тарификационный список:
load-year = { $year } учебный год.
load-counted-on = Ученики посчитаны на { $date }.
load-norm = Ставка — { $hours } ч преподавания в неделю.
load-empty = Нагрузки пока нет: нет учебного года или ни одному учителю не назначены класс и предмет.
load-teacher = Учитель
load-subjects = Предметы
load-weekly = Часов в неделю
load-yearly = Часов в год
load-rates = Ставок
load-warnings = Замечания
load-overload = Перегрузка: { $rates } ст. (предел { $limit })
load-underload = Недогрузка: { $rates } ст. (предел { $limit })
load-total = { $count ->
        [one] Итого, { $count } педагог
        [few] Итого, { $count } педагога
        [many] Итого, { $count } педагогов
       *[other] Итого, { $count } педагога
    }
load-uncovered = Часы, которые никто не ведёт
load-uncovered-none = У каждого часа учебного плана есть учитель.
load-uncovered-total = Всего часов в неделю
load-class = Класс
load-subject = Предмет
load-subgroup = Подгруппа
load-whole-class = весь класс
load-subgroup-n = { $group }-я подгруппа
load-problems = Назначения, которые нужно проверить
load-problem-unknown-class = { $teacher }: назначение ({ $subject }) указывает класс, которого нет в этом учебном году.
load-problem-no-plan-hours = { $class }, { $subject } ({ $teacher }): в учебном плане этой параллели нет часов по предмету, засчитано 0 часов.
load-problem-not-split = { $class }, { $subject } ({ $teacher }): класс не делится на подгруппы по этому предмету.
load-problem-group-out-of-range = { $class }, { $subject } ({ $teacher }): в классе нет такой подгруппы.
load-problem-over-assigned = { $class }, { $subject }: назначено { $assigned } ч в неделю, а по плану { $planned }.
load-problem-other = { $class }, { $subject }: { $kind }
load-position-teacher = Учитель
load-position-director = Директор
load-position-deputy-director = Заместитель директора
load-position-methodist = Методист
load-position-tutor = Тьютор
load-position-psychologist = Психолог
load-position-librarian = Библиотекарь
load-duties = Дополнительные обязанности
load-duty-pay = +{ $percent } %
load-duty-add = Добавить
load-duty-add-label = Добавить дополнительную обязанность: { $teacher }
load-duty-remove = Убрать
load-duty-remove-label = Убрать: { $duty } — { $teacher }
load-duty-kind = Обязанность
load-duty-class-none = — выберите класс —
load-duty-choose-kind = Выберите обязанность.
load-duty-choose-class = Для этой обязанности выберите класс.
load-duty-held = У учителя уже есть эта обязанность.
load-assignment = { $what } — { $hours } ч
load-assignment-own = { $what } — { $hours } ч (по плану { $plan })
load-assignment-what = { $class } — { $subject }
load-assignment-what-subgroup = { $class }, { $group }-я подгруппа — { $subject }
load-assignment-hours-label = Часов в неделю: { $what } — { $teacher }
load-assignment-hours-unit = ч/нед.
load-assignment-plan = по плану { $hours }
load-assignment-hours-invalid = Укажите часы числом или оставьте поле пустым — тогда часы по учебному плану.
load-assignment-remove = Снять
load-assignment-remove-label = Снять назначение: { $what } — { $teacher }
load-assign = Назначить
load-assign-label = Назначить учителя: { $what }
load-assign-teacher-label = Учитель: { $what }
load-assign-choose = — выберите учителя —
load-assign-choose-teacher = Выберите учителя.

## The school's curriculum (R27.6–R27.7)
nav-curriculum = Учебный план
curriculum-year = { $year } учебный год.
curriculum-source = Типовой учебный план: { $source }; действует с { $date }.
curriculum-confidence = Достоверность данных: { $confidence }
curriculum-readonly = Только просмотр: вы не можете менять учебный план.
curriculum-settings = Деление классов на подгруппы
curriculum-min-pupils = Класс делится на подгруппы при наполняемости { $min } и более учащихся (в малокомплектной школе — { $small } и более).
curriculum-small-school = Малокомплектная школа
curriculum-local-splits = В классах с казахским языком обучения русский язык изучается в подгруппах по решению местного исполнительного органа
curriculum-empty = Учебного плана нет.
curriculum-legend = Обозначения:
curriculum-mark-changed = часы, изменённые школой
curriculum-mark-variative = В
curriculum-mark-splits = П
curriculum-mark-over = превышена максимальная недельная нагрузка
curriculum-variative = вариативная часть
curriculum-invariant = инвариантная часть
curriculum-splits = изучается в подгруппах
curriculum-subject = Предмет
curriculum-grades = Классы
curriculum-grade = { $grade } класс
curriculum-total = Недельная нагрузка
curriculum-total-of = { $total } / { $max }
curriculum-total-label = { $grade } класс: { $total } ч в неделю, максимальная нагрузка — { $max }
curriculum-total-over = { $grade } класс: { $total } ч в неделю — больше максимальной нагрузки ({ $max })
curriculum-cell-label = { $subject }, { $grade } класс: { $hours } ч в неделю
curriculum-cell-label-none = { $subject }, { $grade } класс: не изучается
curriculum-standard-hours = в типовом плане: { $hours } ч
curriculum-edit-title = { $subject }, { $grade } класс
curriculum-hours = Часов в неделю
curriculum-hours-hint = Целые или половинные уроки, от 0 до 10; 0 — предмет в этом классе не изучается.
curriculum-hours-needed = Укажите количество часов.
curriculum-part = Часть плана
curriculum-split = Деление на подгруппы
curriculum-split-rules = по нормативам
curriculum-split-yes = в подгруппах
curriculum-split-no = весь класс
curriculum-save = Сохранить
curriculum-reset = Вернуть как в типовом плане
curriculum-add = Добавить предмет:
curriculum-add-label = Добавить предмет: { $plan }
curriculum-add-grade = Класс
curriculum-add-choose = — выберите предмет —
curriculum-add-choose-subject = Выберите предмет, который нужно добавить.
curriculum-add-open = Добавить

## Kindergarten organised activities (R25.3–R25.4)
nav-activities = Организованная деятельность
act-readonly = Только просмотр: вы не можете менять организованную деятельность.
act-age = Возраст: { $from }–{ $to }
act-places = Мест по норме: { $norm }, зачислено: { $enrolled }, свободно: { $free }
act-norm = Норма для этого возраста: одно занятие { $min }–{ $max } мин; не больше { $per_day } в день и { $per_week } в неделю; перерыв между занятиями не меньше { $break } мин.
act-norm-none = Для этого возраста норма не записана.
act-violations-count = { $count ->
        [one] { $count } нарушение нормы
        [few] { $count } нарушения нормы
        [many] { $count } нарушений нормы
       *[other] { $count } нарушения нормы
    }
act-violations-none = Неделя соответствует нормам своего возраста.
act-week-label = { $group }: организованная деятельность на неделю
act-day-total = { $count ->
        [one] { $count } занятие, { $minutes } мин
        [few] { $count } занятия, { $minutes } мин
        [many] { $count } занятий, { $minutes } мин
       *[other] { $count } занятия, { $minutes } мин
    }
act-minutes-short = { $minutes } мин
act-breaks-norm = Нарушает норму
act-add = Добавить занятие
act-add-day = Добавить занятие: { $day }
act-new-title = Новое занятие
act-edit-title = Изменить занятие
act-day = День
act-starts = Начало
act-minutes = Минут
act-activity = Занятие
act-educator = Воспитатель
act-room = Помещение
act-not-set = — не указано —
act-starts-invalid = Укажите начало в часах и минутах, например 09:00.
act-minutes-invalid = Укажите длительность целым числом минут от { $min } до { $max }.
act-delete = Удалить
act-delete-question = Удалить это занятие из недели? Нажмите «Да, удалить», чтобы подтвердить.
act-delete-confirm = Да, удалить
act-copy = Скопировать неделю в…
act-copy-title = Копирование недели группы { $group }
act-copy-explain = Недели отмеченных групп будут заменены копией этой недели: их собственные занятия удалятся.
act-copy-to = В группы
act-copy-none-chosen = Отметьте хотя бы одну группу.
act-copy-confirm = Заменить их недели
act-copied = { $count ->
        [one] Неделя скопирована в { $count } группу.
        [few] Неделя скопирована в { $count } группы.
        [many] Неделя скопирована в { $count } групп.
       *[other] Неделя скопирована в { $count } группы.
    }
act-template = Применить типовую неделю ко всем группам возраста { $from }–{ $to }
act-template-title = Типовая неделя для возраста { $from }–{ $to }
act-template-explain = Типовая неделя этого возраста заменит недели групп: { $groups }. Их собственные занятия удалятся.
act-template-confirm = Применить типовую неделю
act-template-applied = { $count ->
        [one] Типовая неделя применена к { $count } группе.
       *[other] Типовая неделя применена к { $count } группам.
    }

## Sync with the hub: enrolment, the last sync, USB bundles, the waiting queue, the fixation, the school network
nav-sync = Синхронизация
sync-readonly = Только просмотр: синхронизацию запускает, компьютер регистрирует и файлы для USB готовит директор или заведующий.
sync-enrolment = Регистрация на хабе
sync-enrolled-hub = Этот компьютер зарегистрирован на хабе { $url }.
sync-enrolled-lan = Этот ноутбук синхронизируется с главным компьютером школы { $url }; главный компьютер передаёт его изменения на хаб.
sync-enrolled-offline = Этот компьютер зарегистрирован без сети, по коду на бумаге. Его изменения доставляются на хаб файлом на USB-флешке; регистрация завершится, когда на хаб придёт первый файл.
sync-not-enrolled = Этот компьютер ещё не зарегистрирован на хабе: изменения хранятся здесь и никуда не отправляются.
sync-not-enrolled-ask = Зарегистрировать его может директор или заведующий — одноразовым кодом от хаба.
sync-fingerprint = Отпечаток ключа хаба
sync-fingerprint-lan = Отпечаток ключа главного компьютера
sync-fingerprint-hint = Он должен совпадать с отпечатком, напечатанным на листе регистрации.
sync-enrol-title = Регистрация компьютера
sync-hub-url = Адрес хаба
sync-hub-url-hint = Оставьте пустым, если в школе нет интернета: компьютер зарегистрируется по коду на бумаге, а данные будут доставляться на хаб на USB-флешке.
sync-hub-url-invalid = Адрес должен начинаться с http:// или https://.
sync-code = Одноразовый код
sync-code-hint = С листа регистрации, выданного хабом; действует только один раз.
sync-enrol = Зарегистрировать
sync-enrolling = Регистрация…
sync-enrolled-done = Компьютер зарегистрирован.
sync-last = Последняя синхронизация
sync-never = Синхронизации ещё не было.
sync-last-at = { $time }, { $via }
sync-via-hub = через хаб по интернету
sync-via-bundle = файлом на USB-флешке
sync-via-lan = по локальной сети школы
sync-ok = Успешно
sync-failed = Не удалась
sync-failed-unknown = Причина не указана.
sync-figures = Отправлено: { $sent }, получено: { $received }, циклов обмена: { $rounds }
sync-size-b = { $size } Б
sync-size-kb = { $size } КБ
sync-size-mb = { $size } МБ
sync-now = Синхронизировать сейчас
sync-running = Идёт синхронизация…
sync-phase-connecting = Подключение к хабу
sync-phase-manifest = Сравнение данных обеих сторон
sync-phase-rounds = Обмен изменениями
sync-phase-done = Завершение
sync-progress = { $percent } %
sync-finished-ok = Синхронизация завершена.
sync-finished-failed = Синхронизация не удалась: { $reason }
sync-bundles = Без интернета: файл на USB-флешке
sync-bundles-explain = Выгрузите изменения в файл на флешку, отнесите его к компьютеру с интернетом или на хаб, затем загрузите здесь файл ответа хаба.
sync-export = Выгрузить файл для USB
sync-exporting = Файл готовится…
sync-exported = Файл { $file } сохранён. Доставьте его на хаб, затем загрузите здесь ответ хаба.
sync-nothing-to-send = Отправлять нечего: все изменения уже дошли до хаба.
sync-import = Загрузить ответ хаба
sync-importing = Загрузка…
sync-imported = Ответ хаба загружен. Обновлено документов: { $docs }. Подтверждено хабом: { $acknowledged }.
sync-already-imported = Этот ответ уже загружался; ничего не изменилось.
sync-queue = Ожидают отправки
sync-queue-rule = Каждое изменение должно дойти до хаба в течение 5 рабочих дней. С 3-го рабочего дня строка желтеет, после 5-го — краснеет.
sync-queue-empty = Отправки ничего не ожидает.
sync-queue-doc = Документ
sync-queue-changes = Изменений
sync-queue-oldest = Самое раннее изменение
sync-queue-age = Ждёт, рабочих дней
sync-queue-delivery = Доставка
sync-delivery-on-time = В срок
sync-delivery-warning = Отправить скорее
sync-delivery-overdue = Просрочено
sync-fixation-announced = Фиксация — { $date }: с этого дня актуализация административных данных (контингент, кадры, организация) приостанавливается до { $until }. Изменения, внесённые в это время, останутся в очереди и уйдут после.
sync-fixation-frozen = Фиксация — { $date }: актуализация административных данных (контингент, кадры, организация) приостановлена до { $until }. Ваши изменения остаются в очереди и уйдут после.
sync-conflicts-title = Конфликты
sync-conflicts = Конфликтов, ожидающих решения: { $count }.
sync-conflicts-none = Конфликтов, ожидающих решения, нет.
sync-conflicts-explain = Конфликт — одна и та же запись, по-разному изменённая на двух компьютерах; оба значения хранятся, пока не будет выбрано одно.
sync-conflicts-choose = Верное значение:
sync-conflicts-open = Открыть журнал
sync-conflicts-comment = комментарий
sync-conflicts-not-yours = Ни один из них не относится к журналу или табелю, который ведёте вы: решает его учитель, заместитель директора или директор.
sync-lan = Локальная сеть школы
sync-lan-serving = Этот компьютер обслуживает сеть школы: остальные компьютеры синхронизируются с ним.
sync-lan-not-serving = Этот компьютер не обслуживает сеть школы.
sync-lan-none = Другие компьютеры школы с ним ещё не синхронизировались.
sync-lan-device = Компьютер
sync-lan-last = Последняя синхронизация
sync-lan-never = ещё не было
sync-lan-remove = Удалить
sync-lan-remove-ask = Удалить этот ноутбук? Он больше не будет синхронизироваться с этим компьютером; чтобы снова синхронизироваться, ему нужен новый код.
sync-lan-remove-yes = Да, удалить
sync-lan-remove-no = Отмена
sync-lan-code-issue = Код для ноутбука учителя
sync-lan-code-issuing = Создаём код…
sync-lan-code-once = Код действует один раз, в течение суток, и показывается только сейчас. На ноутбуке учителя откройте «Синхронизацию» и введите адрес этого компьютера и код.
sync-lan-code-address = Адрес этого компьютера: { $url }
sync-lan-code-no-address = Адрес этого компьютера — тот, что показала команда «dala serve --lan».
sync-lan-code-fingerprint = Отпечаток сертификата этого компьютера: { $fingerprint }
sync-confirm-title = Еженедельная передача, подтверждённая директором
sync-confirm-explain = Директор подтверждает данные школы для министерства своим паролем: им подписывается то, что получает хаб, а хаб записывает, кто подтвердил. Подтвердить может только директор (в детском саду — заведующий).
sync-confirm-password = Пароль директора
sync-confirm-now = Синхронизировать и подтвердить
sync-confirm-export = Выгрузить подтверждённый файл для USB
sync-confirm-started = Синхронизация началась; подтверждение будет отправлено в её конце.
sync-confirm-exported = Подтверждённый файл { $file } сохранён. Отвезите его на хаб, затем загрузите здесь ответ хаба.
