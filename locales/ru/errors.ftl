### Dala: сообщения об ошибках (русский).
### Идентификатор: "error-" + код ошибки, в котором "." и "_" заменены на "-" (auth.invalid_credentials → error-auth-invalid-credentials).
### Этот файл читают и Rust-крейт (dala-i18n), и интерфейс (@fluent/bundle).

error-unknown = Непредвиденная ошибка ({ $code }).

## Вход

error-auth-invalid-credentials = Неверный логин или пароль.
error-auth-recovery-key-invalid = Ключ восстановления недействителен.
error-auth-password-required = Пароль не указан: задайте переменную DALA_PASSWORD или запустите команду в терминале.
error-auth-login-required = Логин не указан: задайте переменную DALA_LOGIN или запустите команду в терминале.

## Хранилище данных

error-store-not-initialised = В папке { $path } нет данных Dala. Сначала выполните «dala init» или «dala demo».
error-store-already-initialised = Папка { $path } не пуста. Выберите пустую папку.
error-store-key-slots-corrupt = Файл ключей в папке { $path } повреждён или не читается.
error-store-corrupt = База данных повреждена: { $detail }
error-store-migration-edited = Миграция { $name } отличается от той, что была применена к этой базе данных. Выпущенную миграцию изменять нельзя.
error-store-newer-schema = Эти данные созданы более новой версией Dala (схема { $version }). Обновите Dala.
error-store-io = Не удаётся прочитать или записать { $path }: { $detail }
error-store-database = Ошибка базы данных: { $detail }
error-store-document-corrupt = Не удаётся прочитать документ { $doc }: { $detail }
error-store-not-found = Не найдено: { $entity ->
        [class] класс
        [academic_year] учебный год
        [account] учётная запись
        [term] четверть
        [person] человек
        [lesson] урок
        [assignment] назначение
        [timetable_lesson] урок расписания
        [group] группа
        [age_group] возрастная группа
        [organisation] организация
        [lan_device] ноутбук
        [activity] организованная деятельность
       *[other] запись
    }.

## Люди

error-person-iin-format = ИИН должен состоять ровно из 12 цифр.
error-person-iin-date = В ИИН указана невозможная дата рождения.
error-person-iin-century = 7-я цифра ИИН (век и пол) должна быть от 1 до 6.
error-person-iin-checksum = Неверная контрольная цифра ИИН: проверьте номер, возможно, в нём опечатка.
error-person-iin-mismatch = ИИН не соответствует дате рождения или полу.
error-person-iin-taken = ИИН { $iin } уже есть у другого человека.
error-person-name-required = Укажите фамилию и имя.
error-person-birth-date-invalid = Такой даты рождения быть не может: { $date }.

## Организация

error-org-bin-invalid = БИН должен состоять из 12 цифр с правильной контрольной цифрой.
error-org-name-required = Укажите название организации.
error-org-unknown-region = Неизвестный код региона: { $code }.
error-org-unknown-district = В этом регионе нет района с кодом { $code }.

## Учебный год, классы, группы

error-year-dates-invalid = Неверные даты учебного года: дата начала года должна быть раньше даты окончания, а четверти — идти одна за другой в пределах года.
error-class-grade-out-of-range = Номер класса должен быть от 0 до 11.
error-class-letter-invalid = Литера класса должна состоять из одной буквы.
error-class-duplicate = Класс { $name } в этом учебном году уже есть.
error-group-age-invalid = Возраст детей в группе должен быть от 1 до 7 лет.
error-group-norm-invalid = Норма мест должна быть от 1 до 40.
error-group-name-required = Укажите название группы.

## Зачисление

error-enrolment-wrong-person = В класс можно зачислить только ученика, а в группу детского сада — только ребёнка.
error-enrolment-outside-year = Дата зачисления выходит за пределы учебного года.
error-enrolment-overlap = На эту дату ученик уже зачислен.

## Учётные записи

error-account-login-invalid = Логин — от 3 до 32 символов: латинские буквы, цифры, точки, дефисы или знаки подчёркивания.
error-account-login-taken = Логин «{ $login }» уже занят.
error-account-password-too-short = Пароль должен быть не короче { $min ->
        [one] { $min } символа
       *[other] { $min } символов
    }.

## Импорт

error-import-file-format = Не удаётся прочитать { $path }: нужен файл .csv или .xlsx.
error-import-missing-column = Нет столбца «{ $column }».
error-import-rejected = Ничего не импортировано: { $count ->
        [one] ошибки в { $count } строке
       *[other] ошибки в { $count } строках
    }.

## Командная строка

error-cli-usage = { $detail }

## Импорт: почему строка не принята

error-import-value-missing = Не заполнена ячейка «{ $column }».
error-import-date-invalid = «{ $value }» — не дата: укажите её как 2014-03-08 или 08.03.2014.
error-import-sex-invalid = «{ $value }» — не пол: укажите м или ж.
error-import-class-unknown = В текущем учебном году нет класса «{ $name }».

## API
error-account-last-administrator = Последнего директора или заведующего организации нельзя удалить или перевести на другую роль.
error-auth-unauthenticated = Войдите в систему.
error-auth-forbidden = Ваша роль не позволяет это сделать.
error-auth-locked = Слишком много неудачных попыток. Повторите через { $seconds } с.
error-auth-totp-required = Введите 6-значный код из приложения-аутентификатора.
error-auth-totp-invalid = Код неверен или устарел.
error-auth-setup-done = Эта организация уже настроена.
error-api-bad-request = Неверный запрос: { $detail }
error-api-not-found = Такой страницы или записи нет.
error-auth-second-factor-setup-required = Сначала настройте второй фактор: директор, заведующий и заместитель входят с кодом из приложения-аутентификатора.

## Journal and register
error-journal-subject-unknown = Предмета «{ $code }» нет.
error-assignment-teacher-invalid = Назначить преподавать можно только сотрудника.
error-assignment-duplicate = Этот учитель уже назначен в этот класс по этому предмету.
error-guardian-invalid = Родителем должен быть родитель, ребёнком — обучающийся.
error-journal-lesson-outside-term = Дата урока вне четверти.
error-journal-period-invalid = Номер урока должен быть от 1 до { $max }.
error-journal-period-taken = У класса уже есть урок в это время.
error-journal-max-score-invalid = У СОр и СОч максимальный балл от 1 до 100; у обычного урока его нет.
error-journal-too-many-soch = Класс пишет не больше { $max } СОч в день.
error-journal-soch-last-day = В последний день четверти СОч не проводится.
error-journal-too-many-sor = Не больше { $max } СОр по предмету за четверть.
error-journal-text-too-long = Текст длиннее { $max } символов.
error-journal-not-your-class = Этот класс и предмет вам не назначены.
error-journal-lesson-has-marks = На уроке есть отметки: сначала уберите их.
error-journal-lesson-in-future = Этот урок ещё не прошёл.
error-journal-not-enrolled = Ученик не учился в этом классе в этот день.
error-journal-no-marks-for-grade = Ученикам этого класса отметки не ставятся.
error-journal-absent-with-score = Отсутствовавшему ученику балл не ставится.
error-journal-score-out-of-range = Балл должен быть от { $min } до { $max }.
error-register-day-outside-month = Этот день не относится к месяцу табеля.
error-register-day-in-future = Этот день ещё не наступил.
error-schedule-weekday-invalid = День недели должен быть от 1 до { $max }.
error-schedule-activity-time-invalid = Укажите начало как ЧЧ:ММ в пределах дня и длительность от { $min } до { $max } минут.
error-schedule-activity-unknown = Организованной деятельности «{ $code }» нет.
error-schedule-activity-overlap = У группы уже есть занятие в это время.
error-schedule-room-name-required = Укажите название помещения.
error-schedule-room-unknown = Такого помещения в этом учебном году нет.
error-report-write = Не удалось записать файл отчёта.
error-report-too-large = Отчёт не помещается в электронную таблицу.
error-report-font = Не удалось прочитать шрифт отчёта.
error-timetable-teacher-busy = У учителя { $who } уже есть урок в это время: { $when }.
error-timetable-students-busy = У класса { $who } уже есть урок в это время: { $when }.
error-timetable-room-busy = Помещение «{ $who }» в это время занято: { $when }.
error-timetable-not-available = { $who } в это время недоступен: { $when }.
error-timetable-break = { $when } — перемена.
error-timetable-outside-day = Урок не помещается в учебный день.
error-timetable-unplaced = Урок не поставлен в расписание.
error-timetable-max-hours-daily = У { $who } было бы { $amount } уроков в { $day }, а можно не больше { $max }.
error-timetable-max-gaps = У { $who } было бы { $amount } окон между уроками, а можно не больше { $max }.
error-timetable-gaps = У { $who } { $amount } окон между уроками в { $day }.
error-timetable-min-days = Уроки предмета «{ $subject }» стоят в один день и не спарены.
error-timetable-hard-last = «{ $subject }» — последний урок у { $who } ({ $when }): трудный предмет лучше ставить раньше.
error-timetable-pinned-moved = Закреплённый урок стоит не там, где его закрепили.
error-timetable-preferred-time = Урок стоит не в заданное время.
error-timetable-preferred-room = Урок стоит не в нужном помещении ({ $subject }).
error-timetable-room-capacity = В помещении «{ $who }» { $max } мест, а на уроке { $amount } учеников.
error-timetable-running = Расписание сейчас составляется; дождитесь конца или остановите составление.
error-timetable-fet-malformed = Файл FET не читается (строка { $line }, { $element }): { $detail }.
error-timetable-fet-bad-value = Строка { $line }, { $element }: «{ $value }» — не { $expected }.
error-timetable-fet-unknown-teacher = Строка { $line }, { $element }: учителя «{ $name }» нет.
error-timetable-fet-unknown-subject = Строка { $line }, { $element }: предмета «{ $name }» нет.
error-timetable-fet-unknown-students-set = Строка { $line }, { $element }: группы учащихся «{ $name }» нет.
error-timetable-fet-unknown-room = Строка { $line }, { $element }: помещения «{ $name }» нет.
error-timetable-fet-unknown-time = Строка { $line }, { $element }: дня или часа «{ $name }» нет.
error-timetable-fet-unknown-activity = Строка { $line }, { $element }: занятия { $name } нет.
error-timetable-fet-duplicate = Строка { $line }, { $element }: «{ $name }» описан дважды.
error-load-duty-unknown = Дополнительной обязанности «{ $code }» нет, или для неё нужно указать класс.

## Мониторинг

error-sync-freeze-too-long = Актуализацию административных данных можно приостановить не больше чем на { $max ->
        [one] { $max } рабочий день
        [few] { $max } рабочих дня
       *[other] { $max } рабочих дней
    }.

## Синхронизация с хабом

error-sync-malformed = Данные синхронизации или файл не читаются: они повреждены или это не файл Dala. { $detail }
error-sync-signature = Подпись не совпадает: данные изменены или подписаны другим ключом.
error-sync-code-invalid = Код регистрации недействителен, уже использован или просрочен (код для ноутбука действует сутки). Сверьте его с листом регистрации или попросите новый.
error-sync-not-enrolled = Этот компьютер ещё не зарегистрирован на хабе.
error-sync-unknown-device = Хаб не знает этот компьютер: зарегистрируйте его заново с новым кодом.
error-sync-wrong-org = Данные принадлежат другой организации.
error-sync-wrong-hub = Файл или ответ пришёл не от того хаба, на котором зарегистрирован этот компьютер.
error-sync-out-of-scope = Хаб не принял документ, который эта организация не может передавать. { $doc }
error-sync-frozen = Административные данные заморожены на время фиксации до { $until }; изменения ждут в очереди и будут отправлены после неё.
error-sync-offline = Не удаётся связаться с хабом: проверьте подключение к интернету и адрес хаба. { $detail }
error-sync-refused = Хаб отклонил запрос. { $detail }
error-sync-too-many-rounds = Синхронизация не завершилась: хаб продолжал присылать изменения. Повторите позже.
error-sync-nothing-to-send = Отправлять нечего: все изменения уже дошли до хаба.
error-sync-running = Идёт синхронизация с хабом; повторите чуть позже.
error-sync-no-link = Этот компьютер зарегистрирован по коду на бумаге, без адреса хаба: передавайте его изменения файлом на USB-флешке.
error-sync-main-locked = Главный компьютер школы заблокирован: чтобы ноутбуки могли с ним синхронизироваться, на нём должен кто-нибудь войти в систему.
error-sync-not-director = Подтверждает данные школы только директор (в детском саду — заведующий) своим паролем.
error-sync-director-unknown = Подтверждение подписано ключом, которого хаб не знает как ключ директора этой организации. Если директор сменился, попросите районный отдел образования зарегистрировать нового.
error-sync-snapshot-code = Файл снимка сделан для другого кода подключения. Введите код, выданный районом вместе с этим файлом.
error-sync-lan-laptop = Этот ноутбук синхронизируется с основным компьютером школы. Файлы пакетов и подтверждение директора отправляются в хаб с основного компьютера.
error-curriculum-grade-unknown = Для { $grade } класса нет учебного плана, который можно изменить.
error-curriculum-hours-invalid = Часы указываются целыми или половинными уроками в неделю, не больше { $max }.
error-assignment-subgroup-invalid = Класс делится на подгруппу 1 или 2.

## The hub's reports for districts, regions and the republic
error-hub-unauthenticated = Для отчётов нужен токен учётной записи района, области или республики (Authorization: Bearer …); токен удалённой учётной записи больше не действует.
error-hub-unknown-report = Отчёта «{ $report }» нет: organisations, contingent или attendance.
error-hub-unknown-format = Формата «{ $format }» нет: json или xlsx.
