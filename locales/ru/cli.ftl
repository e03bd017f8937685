### Dala: вывод и запросы командной строки (русский).
### Этот файл читают и Rust-крейт (dala-i18n), и интерфейс (@fluent/bundle).

## Запросы

cli-prompt-login = Логин:
cli-prompt-password = Пароль:

## init и demo

cli-init-done = Организация «{ $name }» создана в папке { $path }.
cli-recovery-key-title = Ключ восстановления — распечатайте его и храните в сейфе. Он показывается только один раз:
cli-demo-done = Созданы демонстрационные данные ({ $kind }): учеников — { $students }, сотрудников — { $staff }, учётных записей — { $accounts }.
cli-kind-school = школа
cli-kind-kindergarten = детский сад

## check

cli-check-ok = Проверка пройдена: целостность базы данных в порядке; документов сверено с проекциями: { $documents }; записей журнала аудита: { $entries }.
cli-check-failed = Проверка не пройдена: { $count ->
        [one] найдена { $count } проблема
        [few] найдено { $count } проблемы
       *[other] найдено { $count } проблем
    }.
cli-check-problem = — { $detail }

## export и import

cli-export-done = Экспорт выполнен: { $path }.
cli-import-done = { $count ->
        [one] Импортирован { $count } ученик
        [few] Импортировано { $count } ученика
       *[other] Импортировано { $count } учеников
    }.
cli-import-row-refused = Строка { $row }: { $reason }

## export: названия листов книги .xlsx (не длиннее 31 символа, без [ ] : * ? / \)

export-sheet-organisation = Организация
export-sheet-academic-years = Учебные годы
export-sheet-terms = Четверти
export-sheet-classes = Классы
export-sheet-age-groups = Возрастные группы
export-sheet-students = Ученики
export-sheet-children = Дети
export-sheet-staff = Сотрудники
export-sheet-enrolments = Зачисления

cli-serve-listening = Dala доступна по адресу { $url } — откройте его в браузере. Остановить: Ctrl+C.
cli-serve-no-ui = Интерфейс не собран в { $path }: доступен только API. Соберите его командой «npm run build» в ui/.
cli-serve-fingerprint = Отпечаток сертификата (SHA-256) — проверьте, что браузеры показывают тот же: { $fingerprint }

## load export: педагогическая нагрузка

cli-load-done = Нагрузка записана: { $path }. Педагогов: { $teachers }; часов, которые никто не ведёт, в неделю: { $uncovered }.
cli-load-problems = Назначений, учтённых не так, как заданы: { $count } (список — в «problems» JSON-экспорта).
cli-timetable-generated = Расписание сохранено: уроков { $lessons }; нарушено жёстких правил: { $hard }; штраф мягких правил { $soft }.
cli-timetable-checked = Нарушено жёстких правил: { $hard }; мягких: { $soft }.
cli-timetable-exported = Записан файл { $path } (уроков: { $lessons }).
cli-activities-checked = Нарушено норм: { $count }.

## sync, bundle: обмен с хабом

cli-sync-enrolled = Устройство зарегистрировано на хабе. Отпечаток ключа хаба: { $hub } — сверьте с листом из района.
cli-sync-enrolled-offline = Код принят (отпечаток хаба: { $hub }). Регистрация завершится на хабе с первым пакетом: «dala bundle export».
cli-sync-enrolled-lan = Ноутбук зарегистрирован на главном компьютере школы (отпечаток его ключа: { $hub }). «dala sync now» синхронизирует с ним.
cli-sync-lan-code = Одноразовый код для ноутбука учителя — на следующей строке; он действует один раз, в течение суток. На ноутбуке: «dala sync enroll --hub https://ЭТОТ-КОМПЬЮТЕР:ПОРТ --code КОД», пока на этом компьютере работает «dala serve --lan». Отпечаток его сертификата: { $fingerprint }.
cli-sync-laptops-none = К этому компьютеру не подключён ни один ноутбук.
cli-sync-laptop-never = ещё не синхронизировался
cli-sync-laptop-removed = Ноутбук { $device } удалён: его следующая синхронизация будет отклонена. Новый код подключит его снова.
cli-sync-done = Синхронизация завершена: документов { $docs }, раундов { $rounds }, отправлено { $sent } байт, получено { $received } байт; отклонено хабом: { $refused }.
cli-bundle-exported = Пакет записан: { $path } ({ $bytes } байт). Отвезите его в районный отдел образования.
cli-bundle-imported = Ответ хаба прочитан: обновлено документов { $docs }, подтверждено хабом { $acknowledged }.
