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
home-lessons-empty = Сегодня уроков нет.
home-lessons-empty-hint = Когда появятся расписание и электронный журнал, здесь будут ваши уроки на сегодня.
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
