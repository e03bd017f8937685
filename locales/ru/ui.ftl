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
       *[other] Логин директора
    }
setup-admin-login-hint = Латинские буквы, цифры, точка или дефис, например: director или a.seitkali.
setup-password = Пароль
setup-submit = Создать организацию
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
