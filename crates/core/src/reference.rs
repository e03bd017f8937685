//! Reference data of Kazakhstan's administrative units, the upper levels of order 503's hierarchy
//! (republic, region, city/district, organisation, O3): the 17 regions and 3 cities of republican
//! significance, and under them every district (аудан/район), city of regional significance and
//! district of Astana, Almaty and Shymkent — 20 regions and 228 units.
//!
//! Source: the KATO classifier (КАТО, классификатор административно-территориальных объектов) of
//! the Bureau of National Statistics as of 2026, i.e. after the 2022 reform that created the Abai,
//! Jetisu and Ulytau regions and the units formed since (Kosshy 2021; Zhanasemey, Makanshy,
//! Markakol, Ulken Naryn, Samar, Sauran, Nura and Turan 2022; Alatau city 2024; Saraishyk 2025).
//! A region's code is `AB0000000`; a unit's is `ABCD00000`, except the districts of the three big
//! cities (`ABCD10000`). A city row stands for its city administration (г.а./қ.ә.), villages
//! included. Names are the usual forms, not KATO's abbreviated ones ("Кокшетау Г.А.").
//!
//! Confidence: the codes were compiled from KATO extracts quoted in public sources, not read from
//! the Bureau's file itself. Least certain: Konaev 191000000 (one source still gives Kapshagay's
//! old 191600000), Birzhan Sal 114500000, and the units formed in 2021–2025 (111600000, 104100000,
//! 104500000, 635500000, 636300000, 191800000, 711510000, 711610000, 791910000). This is reference
//! data, compiled into the binary for now; a later version may load it from a file, so that a KATO
//! update needs no release.

/// A region (облыс/область) or a city of republican significance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub code: &'static str,
    pub name_kk: &'static str,
    pub name_ru: &'static str,
    pub name_en: &'static str,
}

/// A district (аудан/район) or a city of regional significance; in the three cities of
/// republican significance, a city district.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct District {
    pub code: &'static str,
    /// The code of the [`Region`] it belongs to.
    pub region: &'static str,
    pub name_kk: &'static str,
    pub name_ru: &'static str,
    pub name_en: &'static str,
}

const fn r(
    code: &'static str,
    name_kk: &'static str,
    name_ru: &'static str,
    name_en: &'static str,
) -> Region {
    Region {
        code,
        name_kk,
        name_ru,
        name_en,
    }
}

const fn d(
    code: &'static str,
    region: &'static str,
    name_kk: &'static str,
    name_ru: &'static str,
    name_en: &'static str,
) -> District {
    District {
        code,
        region,
        name_kk,
        name_ru,
        name_en,
    }
}

/// The 17 regions and the 3 cities of republican significance, by code.
#[rustfmt::skip]
pub const REGIONS: &[Region] = &[
    r("100000000", "Абай облысы", "Абайская область", "Abai Region"),
    r("110000000", "Ақмола облысы", "Акмолинская область", "Akmola Region"),
    r("150000000", "Ақтөбе облысы", "Актюбинская область", "Aktobe Region"),
    r("190000000", "Алматы облысы", "Алматинская область", "Almaty Region"),
    r("230000000", "Атырау облысы", "Атырауская область", "Atyrau Region"),
    r("270000000", "Батыс Қазақстан облысы", "Западно-Казахстанская область", "West Kazakhstan Region"),
    r("310000000", "Жамбыл облысы", "Жамбылская область", "Zhambyl Region"),
    r("330000000", "Жетісу облысы", "Жетысуская область", "Jetisu Region"),
    r("350000000", "Қарағанды облысы", "Карагандинская область", "Karaganda Region"),
    r("390000000", "Қостанай облысы", "Костанайская область", "Kostanay Region"),
    r("430000000", "Қызылорда облысы", "Кызылординская область", "Kyzylorda Region"),
    r("470000000", "Маңғыстау облысы", "Мангистауская область", "Mangystau Region"),
    r("550000000", "Павлодар облысы", "Павлодарская область", "Pavlodar Region"),
    r("590000000", "Солтүстік Қазақстан облысы", "Северо-Казахстанская область", "North Kazakhstan Region"),
    r("610000000", "Түркістан облысы", "Туркестанская область", "Turkistan Region"),
    r("620000000", "Ұлытау облысы", "Улытауская область", "Ulytau Region"),
    r("630000000", "Шығыс Қазақстан облысы", "Восточно-Казахстанская область", "East Kazakhstan Region"),
    r("710000000", "Астана қаласы", "г. Астана", "Astana"),
    r("750000000", "Алматы қаласы", "г. Алматы", "Almaty"),
    r("790000000", "Шымкент қаласы", "г. Шымкент", "Shymkent"),
];

/// Every district and city of regional significance of every region, and the districts of the
/// three cities of republican significance; grouped by region, by code within a region.
#[rustfmt::skip]
pub const DISTRICTS: &[District] = &[
    // Abai Region
    d("101000000", "100000000", "Семей қаласы", "г. Семей", "Semey City"),
    d("101800000", "100000000", "Курчатов қаласы", "г. Курчатов", "Kurchatov City"),
    d("103200000", "100000000", "Абай ауданы", "Абайский район", "Abai District"),
    d("103400000", "100000000", "Ақсуат ауданы", "район Аксуат", "Aksuat District"),
    d("103600000", "100000000", "Аягөз ауданы", "Аягозский район", "Ayagoz District"),
    d("103800000", "100000000", "Бесқарағай ауданы", "Бескарагайский район", "Beskaragai District"),
    d("104000000", "100000000", "Бородулиха ауданы", "Бородулихинский район", "Borodulikha District"),
    d("104100000", "100000000", "Жаңасемей ауданы", "район Жанасемей", "Zhanasemey District"),
    d("104200000", "100000000", "Жарма ауданы", "Жарминский район", "Zharma District"),
    d("104400000", "100000000", "Көкпекті ауданы", "Кокпектинский район", "Kokpekty District"),
    d("104500000", "100000000", "Мақаншы ауданы", "район Маканшы", "Makanshy District"),
    d("104600000", "100000000", "Үржар ауданы", "Урджарский район", "Urzhar District"),
    // Akmola Region
    d("111000000", "110000000", "Көкшетау қаласы", "г. Кокшетау", "Kokshetau City"),
    d("111600000", "110000000", "Қосшы қаласы", "г. Косшы", "Kosshy City"),
    d("111800000", "110000000", "Степногорск қаласы", "г. Степногорск", "Stepnogorsk City"),
    d("113200000", "110000000", "Ақкөл ауданы", "Аккольский район", "Akkol District"),
    d("113400000", "110000000", "Аршалы ауданы", "Аршалынский район", "Arshaly District"),
    d("113600000", "110000000", "Астрахан ауданы", "Астраханский район", "Astrakhan District"),
    d("113800000", "110000000", "Атбасар ауданы", "Атбасарский район", "Atbasar District"),
    d("114000000", "110000000", "Буланды ауданы", "Буландынский район", "Bulandy District"),
    d("114400000", "110000000", "Егіндікөл ауданы", "Егиндыкольский район", "Egindykol District"),
    d("114500000", "110000000", "Біржан сал ауданы", "район Биржан сал", "Birzhan Sal District"),
    d("114600000", "110000000", "Ерейментау ауданы", "Ерейментауский район", "Ereymentau District"),
    d("114800000", "110000000", "Есіл ауданы", "Есильский район", "Esil District"),
    d("115200000", "110000000", "Жақсы ауданы", "Жаксынский район", "Zhaksy District"),
    d("115400000", "110000000", "Жарқайың ауданы", "Жаркаинский район", "Zharkaiyn District"),
    d("115600000", "110000000", "Зеренді ауданы", "Зерендинский район", "Zerendi District"),
    d("116000000", "110000000", "Қорғалжын ауданы", "Коргалжынский район", "Korgalzhyn District"),
    d("116400000", "110000000", "Сандықтау ауданы", "Сандыктауский район", "Sandyktau District"),
    d("116600000", "110000000", "Целиноград ауданы", "Целиноградский район", "Tselinograd District"),
    d("116800000", "110000000", "Шортанды ауданы", "Шортандинский район", "Shortandy District"),
    d("117000000", "110000000", "Бурабай ауданы", "Бурабайский район", "Burabay District"),
    // Aktobe Region
    d("151000000", "150000000", "Ақтөбе қаласы", "г. Актобе", "Aktobe City"),
    d("153200000", "150000000", "Алға ауданы", "Алгинский район", "Alga District"),
    d("153400000", "150000000", "Айтеке би ауданы", "Айтекебийский район", "Aiteke Bi District"),
    d("153600000", "150000000", "Байғанин ауданы", "Байганинский район", "Baiganin District"),
    d("154000000", "150000000", "Қарғалы ауданы", "Каргалинский район", "Kargaly District"),
    d("154200000", "150000000", "Қобда ауданы", "Хобдинский район", "Kobda District"),
    d("154600000", "150000000", "Мәртөк ауданы", "Мартукский район", "Martuk District"),
    d("154800000", "150000000", "Мұғалжар ауданы", "Мугалжарский район", "Mugalzhar District"),
    d("155200000", "150000000", "Ойыл ауданы", "Уилский район", "Oiyl District"),
    d("155600000", "150000000", "Темір ауданы", "Темирский район", "Temir District"),
    d("156000000", "150000000", "Хромтау ауданы", "Хромтауский район", "Khromtau District"),
    d("156400000", "150000000", "Шалқар ауданы", "Шалкарский район", "Shalkar District"),
    d("156800000", "150000000", "Ырғыз ауданы", "Иргизский район", "Irgiz District"),
    // Almaty Region
    d("191000000", "190000000", "Қонаев қаласы", "г. Конаев", "Konaev City"),
    d("191800000", "190000000", "Алатау қаласы", "г. Алатау", "Alatau City"),
    d("193600000", "190000000", "Балқаш ауданы", "Балхашский район", "Balkhash District"),
    d("194000000", "190000000", "Еңбекшіқазақ ауданы", "Енбекшиказахский район", "Enbekshikazakh District"),
    d("194200000", "190000000", "Жамбыл ауданы", "Жамбылский район", "Zhambyl District"),
    d("194400000", "190000000", "Кеген ауданы", "Кегенский район", "Kegen District"),
    d("195200000", "190000000", "Қарасай ауданы", "Карасайский район", "Karasay District"),
    d("195800000", "190000000", "Райымбек ауданы", "Райымбекский район", "Raiymbek District"),
    d("196200000", "190000000", "Талғар ауданы", "Талгарский район", "Talgar District"),
    d("196600000", "190000000", "Ұйғыр ауданы", "Уйгурский район", "Uigur District"),
    d("196800000", "190000000", "Іле ауданы", "Илийский район", "Ile District"),
    // Atyrau Region
    d("231000000", "230000000", "Атырау қаласы", "г. Атырау", "Atyrau City"),
    d("233600000", "230000000", "Жылыой ауданы", "Жылыойский район", "Zhylyoi District"),
    d("234000000", "230000000", "Индер ауданы", "Индерский район", "Inder District"),
    d("234200000", "230000000", "Исатай ауданы", "Исатайский район", "Isatai District"),
    d("234600000", "230000000", "Құрманғазы ауданы", "Курмангазинский район", "Kurmangazy District"),
    d("234800000", "230000000", "Қызылқоға ауданы", "Кзылкогинский район", "Kyzylkoga District"),
    d("235200000", "230000000", "Мақат ауданы", "Макатский район", "Makat District"),
    d("235600000", "230000000", "Махамбет ауданы", "Махамбетский район", "Makhambet District"),
    // West Kazakhstan Region
    d("271000000", "270000000", "Орал қаласы", "г. Уральск", "Oral City"),
    d("273200000", "270000000", "Ақжайық ауданы", "Акжаикский район", "Akzhaik District"),
    d("273600000", "270000000", "Бөрлі ауданы", "Бурлинский район", "Burli District"),
    d("274000000", "270000000", "Жаңақала ауданы", "Жангалинский район", "Zhangala District"),
    d("274200000", "270000000", "Жәнібек ауданы", "Жанибекский район", "Zhanibek District"),
    d("274400000", "270000000", "Бәйтерек ауданы", "район Байтерек", "Baiterek District"),
    d("274800000", "270000000", "Қазталов ауданы", "Казталовский район", "Kaztalov District"),
    d("275000000", "270000000", "Қаратөбе ауданы", "Каратобинский район", "Karatobe District"),
    d("275400000", "270000000", "Бөкей ордасы ауданы", "Бокейординский район", "Bokey Orda District"),
    d("275800000", "270000000", "Сырым ауданы", "Сырымский район", "Syrym District"),
    d("276000000", "270000000", "Тасқала ауданы", "Таскалинский район", "Taskala District"),
    d("276200000", "270000000", "Теректі ауданы", "Теректинский район", "Terekti District"),
    d("276600000", "270000000", "Шыңғырлау ауданы", "Чингирлауский район", "Shyngyrlau District"),
    // Zhambyl Region
    d("311000000", "310000000", "Тараз қаласы", "г. Тараз", "Taraz City"),
    d("313600000", "310000000", "Байзақ ауданы", "Байзакский район", "Baizak District"),
    d("314000000", "310000000", "Жамбыл ауданы", "Жамбылский район", "Zhambyl District"),
    d("314200000", "310000000", "Жуалы ауданы", "Жуалынский район", "Zhualy District"),
    d("314800000", "310000000", "Қордай ауданы", "Кордайский район", "Korday District"),
    d("315000000", "310000000", "Тұрар Рысқұлов ауданы", "район Турара Рыскулова", "Turar Ryskulov District"),
    d("315400000", "310000000", "Меркі ауданы", "Меркенский район", "Merki District"),
    d("315600000", "310000000", "Мойынқұм ауданы", "Мойынкумский район", "Moiynkum District"),
    d("316000000", "310000000", "Сарысу ауданы", "Сарысуский район", "Sarysu District"),
    d("316200000", "310000000", "Талас ауданы", "Таласский район", "Talas District"),
    d("316600000", "310000000", "Шу ауданы", "Шуский район", "Shu District"),
    // Jetisu Region
    d("331000000", "330000000", "Талдықорған қаласы", "г. Талдыкорган", "Taldykorgan City"),
    d("331800000", "330000000", "Текелі қаласы", "г. Текели", "Tekeli City"),
    d("333200000", "330000000", "Ақсу ауданы", "Аксуский район", "Aksu District"),
    d("333400000", "330000000", "Алакөл ауданы", "Алакольский район", "Alakol District"),
    d("333600000", "330000000", "Ескелді ауданы", "Ескельдинский район", "Eskeldi District"),
    d("334000000", "330000000", "Кербұлақ ауданы", "Кербулакский район", "Kerbulak District"),
    d("334200000", "330000000", "Көксу ауданы", "Коксуский район", "Koksu District"),
    d("334400000", "330000000", "Қаратал ауданы", "Каратальский район", "Karatal District"),
    d("334600000", "330000000", "Панфилов ауданы", "Панфиловский район", "Panfilov District"),
    d("334800000", "330000000", "Сарқан ауданы", "Сарканский район", "Sarkan District"),
    // Karaganda Region
    d("351000000", "350000000", "Қарағанды қаласы", "г. Караганда", "Karaganda City"),
    d("351600000", "350000000", "Балқаш қаласы", "г. Балхаш", "Balkhash City"),
    d("352100000", "350000000", "Приозерск қаласы", "г. Приозерск", "Priozersk City"),
    d("352200000", "350000000", "Саран қаласы", "г. Сарань", "Saran City"),
    d("352400000", "350000000", "Теміртау қаласы", "г. Темиртау", "Temirtau City"),
    d("352800000", "350000000", "Шахтинск қаласы", "г. Шахтинск", "Shakhtinsk City"),
    d("353200000", "350000000", "Абай ауданы", "Абайский район", "Abai District"),
    d("353600000", "350000000", "Ақтоғай ауданы", "Актогайский район", "Aktogay District"),
    d("354000000", "350000000", "Бұқар жырау ауданы", "Бухар-Жырауский район", "Bukhar-Zhyrau District"),
    d("354800000", "350000000", "Қарқаралы ауданы", "Каркаралинский район", "Karkaraly District"),
    d("355200000", "350000000", "Нұра ауданы", "Нуринский район", "Nura District"),
    d("355600000", "350000000", "Осакаров ауданы", "Осакаровский район", "Osakarovka District"),
    d("356400000", "350000000", "Шет ауданы", "Шетский район", "Shet District"),
    // Kostanay Region
    d("391000000", "390000000", "Қостанай қаласы", "г. Костанай", "Kostanay City"),
    d("391600000", "390000000", "Арқалық қаласы", "г. Аркалык", "Arkalyk City"),
    d("392000000", "390000000", "Лисаков қаласы", "г. Лисаковск", "Lisakovsk City"),
    d("392400000", "390000000", "Рудный қаласы", "г. Рудный", "Rudny City"),
    d("393200000", "390000000", "Алтынсарин ауданы", "Алтынсаринский район", "Altynsarin District"),
    d("393400000", "390000000", "Амангелді ауданы", "Амангельдинский район", "Amangeldi District"),
    d("393600000", "390000000", "Әулиекөл ауданы", "Аулиекольский район", "Auliekol District"),
    d("394000000", "390000000", "Денисов ауданы", "Денисовский район", "Denisov District"),
    d("394200000", "390000000", "Жангелдин ауданы", "Жангельдинский район", "Zhangeldin District"),
    d("394400000", "390000000", "Жітіқара ауданы", "Житикаринский район", "Zhitikara District"),
    d("394800000", "390000000", "Қамысты ауданы", "Камыстинский район", "Kamysty District"),
    d("395000000", "390000000", "Қарабалық ауданы", "Карабалыкский район", "Karabalyk District"),
    d("395200000", "390000000", "Қарасу ауданы", "Карасуский район", "Karasu District"),
    d("395400000", "390000000", "Қостанай ауданы", "Костанайский район", "Kostanay District"),
    d("395600000", "390000000", "Меңдіқара ауданы", "Мендыкаринский район", "Mendykara District"),
    d("395800000", "390000000", "Наурызым ауданы", "Наурзумский район", "Naurzum District"),
    d("396200000", "390000000", "Сарыкөл ауданы", "Сарыкольский район", "Sarykol District"),
    d("396400000", "390000000", "Бейімбет Майлин ауданы", "район Беимбета Майлина", "Beimbet Mailin District"),
    d("396600000", "390000000", "Ұзынкөл ауданы", "Узункольский район", "Uzunkol District"),
    d("396800000", "390000000", "Федоров ауданы", "Федоровский район", "Fedorov District"),
    // Kyzylorda Region
    d("431000000", "430000000", "Қызылорда қаласы", "г. Кызылорда", "Kyzylorda City"),
    d("431900000", "430000000", "Байқоңыр қаласы", "г. Байконыр", "Baikonyr City"),
    d("433200000", "430000000", "Арал ауданы", "Аральский район", "Aral District"),
    d("433600000", "430000000", "Жалағаш ауданы", "Жалагашский район", "Zhalagash District"),
    d("434000000", "430000000", "Жаңақорған ауданы", "Жанакорганский район", "Zhanakorgan District"),
    d("434400000", "430000000", "Қазалы ауданы", "Казалинский район", "Kazaly District"),
    d("434600000", "430000000", "Қармақшы ауданы", "Кармакшинский район", "Karmakshy District"),
    d("434800000", "430000000", "Сырдария ауданы", "Сырдарьинский район", "Syrdarya District"),
    d("435200000", "430000000", "Шиелі ауданы", "Шиелийский район", "Shieli District"),
    // Mangystau Region
    d("471000000", "470000000", "Ақтау қаласы", "г. Актау", "Aktau City"),
    d("471800000", "470000000", "Жаңаөзен қаласы", "г. Жанаозен", "Zhanaozen City"),
    d("473600000", "470000000", "Бейнеу ауданы", "Бейнеуский район", "Beyneu District"),
    d("474200000", "470000000", "Қарақия ауданы", "Каракиянский район", "Karakiya District"),
    d("474600000", "470000000", "Маңғыстау ауданы", "Мангистауский район", "Mangystau District"),
    d("475000000", "470000000", "Мұнайлы ауданы", "Мунайлинский район", "Munaily District"),
    d("475200000", "470000000", "Түпқараған ауданы", "Тупкараганский район", "Tupkaragan District"),
    // Pavlodar Region
    d("551000000", "550000000", "Павлодар қаласы", "г. Павлодар", "Pavlodar City"),
    d("551600000", "550000000", "Ақсу қаласы", "г. Аксу", "Aksu City"),
    d("552200000", "550000000", "Екібастұз қаласы", "г. Экибастуз", "Ekibastuz City"),
    d("553200000", "550000000", "Ақтоғай ауданы", "Актогайский район", "Aktogay District"),
    d("553600000", "550000000", "Баянауыл ауданы", "Баянаульский район", "Bayanaul District"),
    d("554200000", "550000000", "Железин ауданы", "Железинский район", "Zhelezin District"),
    d("554600000", "550000000", "Ертіс ауданы", "Иртышский район", "Ertis District"),
    d("554800000", "550000000", "Тереңкөл ауданы", "район Теренколь", "Terenkol District"),
    d("555200000", "550000000", "Аққулы ауданы", "район Аккулы", "Akkuly District"),
    d("555600000", "550000000", "Май ауданы", "Майский район", "Mai District"),
    d("556000000", "550000000", "Павлодар ауданы", "Павлодарский район", "Pavlodar District"),
    d("556400000", "550000000", "Успен ауданы", "Успенский район", "Uspen District"),
    d("556800000", "550000000", "Шарбақты ауданы", "Щербактинский район", "Sharbakty District"),
    // North Kazakhstan Region
    d("591000000", "590000000", "Петропавл қаласы", "г. Петропавловск", "Petropavl City"),
    d("593200000", "590000000", "Айыртау ауданы", "Айыртауский район", "Aiyrtau District"),
    d("593400000", "590000000", "Ақжар ауданы", "Акжарский район", "Akzhar District"),
    d("593600000", "590000000", "Мағжан Жұмабаев ауданы", "район Магжана Жумабаева", "Magzhan Zhumabayev District"),
    d("594200000", "590000000", "Есіл ауданы", "Есильский район", "Esil District"),
    d("594600000", "590000000", "Жамбыл ауданы", "Жамбылский район", "Zhambyl District"),
    d("595000000", "590000000", "Қызылжар ауданы", "Кызылжарский район", "Kyzylzhar District"),
    d("595200000", "590000000", "Мамлют ауданы", "Мамлютский район", "Mamlyut District"),
    d("595600000", "590000000", "Шал ақын ауданы", "район Шал акына", "Shal Akyn District"),
    d("595800000", "590000000", "Аққайың ауданы", "Аккайынский район", "Akkaiyn District"),
    d("596000000", "590000000", "Тайынша ауданы", "Тайыншинский район", "Taiynsha District"),
    d("596200000", "590000000", "Тимирязев ауданы", "Тимирязевский район", "Timiryazev District"),
    d("596400000", "590000000", "Уәлиханов ауданы", "Уалихановский район", "Ualikhanov District"),
    d("596600000", "590000000", "Ғабит Мүсірепов атындағы аудан", "район имени Габита Мусрепова", "Gabit Musrepov District"),
    // Turkistan Region
    d("611000000", "610000000", "Түркістан қаласы", "г. Туркестан", "Turkistan City"),
    d("611600000", "610000000", "Арыс қаласы", "г. Арысь", "Arys City"),
    d("612000000", "610000000", "Кентау қаласы", "г. Кентау", "Kentau City"),
    d("613600000", "610000000", "Бәйдібек ауданы", "район Байдибека", "Baidibek District"),
    d("613800000", "610000000", "Жетісай ауданы", "Жетысайский район", "Zhetysai District"),
    d("613900000", "610000000", "Келес ауданы", "Келесский район", "Keles District"),
    d("614000000", "610000000", "Қазығұрт ауданы", "Казыгуртский район", "Kazygurt District"),
    d("614400000", "610000000", "Мақтаарал ауданы", "Мактааральский район", "Maktaaral District"),
    d("614600000", "610000000", "Ордабасы ауданы", "Ордабасынский район", "Ordabasy District"),
    d("614800000", "610000000", "Отырар ауданы", "Отрарский район", "Otyrar District"),
    d("615200000", "610000000", "Сайрам ауданы", "Сайрамский район", "Sairam District"),
    d("615400000", "610000000", "Сарыағаш ауданы", "Сарыагашский район", "Saryagash District"),
    d("615500000", "610000000", "Сауран ауданы", "район Сауран", "Sauran District"),
    d("615600000", "610000000", "Созақ ауданы", "Сузакский район", "Sozak District"),
    d("615800000", "610000000", "Төлеби ауданы", "Толебийский район", "Tole Bi District"),
    d("616000000", "610000000", "Түлкібас ауданы", "Тюлькубасский район", "Tulkibas District"),
    d("616400000", "610000000", "Шардара ауданы", "Шардаринский район", "Shardara District"),
    // Ulytau Region
    d("621000000", "620000000", "Жезқазған қаласы", "г. Жезказган", "Zhezkazgan City"),
    d("621800000", "620000000", "Қаражал қаласы", "г. Каражал", "Karazhal City"),
    d("622000000", "620000000", "Сәтбаев қаласы", "г. Сатпаев", "Satbayev City"),
    d("623600000", "620000000", "Жаңаарқа ауданы", "Жанааркинский район", "Zhanaarka District"),
    d("623800000", "620000000", "Ұлытау ауданы", "Улытауский район", "Ulytau District"),
    // East Kazakhstan Region
    d("631000000", "630000000", "Өскемен қаласы", "г. Усть-Каменогорск", "Oskemen City"),
    d("632400000", "630000000", "Риддер қаласы", "г. Риддер", "Ridder City"),
    d("634000000", "630000000", "Глубокое ауданы", "Глубоковский район", "Glubokoe District"),
    d("634600000", "630000000", "Зайсан ауданы", "Зайсанский район", "Zaysan District"),
    d("634800000", "630000000", "Алтай ауданы", "район Алтай", "Altai District"),
    d("635200000", "630000000", "Күршім ауданы", "Курчумский район", "Kurshim District"),
    d("635400000", "630000000", "Катонқарағай ауданы", "Катон-Карагайский район", "Katon-Karagay District"),
    d("635500000", "630000000", "Марқакөл ауданы", "район Маркаколь", "Markakol District"),
    d("635600000", "630000000", "Самар ауданы", "район Самар", "Samar District"),
    d("635800000", "630000000", "Тарбағатай ауданы", "Тарбагатайский район", "Tarbagatai District"),
    d("636200000", "630000000", "Ұлан ауданы", "Уланский район", "Ulan District"),
    d("636300000", "630000000", "Үлкен Нарын ауданы", "район Улкен Нарын", "Ulken Naryn District"),
    d("636800000", "630000000", "Шемонаиха ауданы", "Шемонаихинский район", "Shemonaikha District"),
    // Astana
    d("711110000", "710000000", "Алматы ауданы", "район Алматы", "Almaty District"),
    d("711210000", "710000000", "Есіл ауданы", "район Есиль", "Esil District"),
    d("711310000", "710000000", "Сарыарқа ауданы", "район Сарыарка", "Saryarka District"),
    d("711410000", "710000000", "Байқоңыр ауданы", "район Байконыр", "Baikonyr District"),
    d("711510000", "710000000", "Нұра ауданы", "район Нура", "Nura District"),
    d("711610000", "710000000", "Сарайшық ауданы", "район Сарайшык", "Saraishyk District"),
    // Almaty
    d("751110000", "750000000", "Алмалы ауданы", "Алмалинский район", "Almaly District"),
    d("751210000", "750000000", "Алатау ауданы", "Алатауский район", "Alatau District"),
    d("751310000", "750000000", "Әуезов ауданы", "Ауэзовский район", "Auezov District"),
    d("751410000", "750000000", "Бостандық ауданы", "Бостандыкский район", "Bostandyk District"),
    d("751510000", "750000000", "Жетісу ауданы", "Жетысуский район", "Zhetysu District"),
    d("751710000", "750000000", "Медеу ауданы", "Медеуский район", "Medeu District"),
    d("751810000", "750000000", "Наурызбай ауданы", "Наурызбайский район", "Nauryzbay District"),
    d("751910000", "750000000", "Түрксіб ауданы", "Турксибский район", "Turksib District"),
    // Shymkent
    d("791110000", "790000000", "Абай ауданы", "Абайский район", "Abai District"),
    d("791310000", "790000000", "Әл-Фараби ауданы", "Аль-Фарабийский район", "Al-Farabi District"),
    d("791510000", "790000000", "Еңбекші ауданы", "Енбекшинский район", "Enbekshi District"),
    d("791710000", "790000000", "Қаратау ауданы", "Каратауский район", "Karatau District"),
    d("791910000", "790000000", "Тұран ауданы", "район Туран", "Turan District"),
];

/// The region or city of republican significance with this KATO code.
pub fn region(code: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.code == code)
}

/// The district, city of regional significance or city district with this KATO code.
pub fn district(code: &str) -> Option<&'static District> {
    DISTRICTS.iter().find(|d| d.code == code)
}

/// The districts and cities of regional significance of a region (or the districts of a city of
/// republican significance), by its code; empty for an unknown code.
pub fn districts_of(region: &str) -> impl Iterator<Item = &'static District> {
    DISTRICTS.iter().filter(move |d| d.region == region)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const CITIES: [&str; 3] = ["710000000", "750000000", "790000000"];

    fn is_code(code: &str) -> bool {
        code.len() == 9 && code.bytes().all(|b| b.is_ascii_digit())
    }

    #[test]
    fn there_are_17_regions_and_3_cities() {
        assert_eq!(REGIONS.len(), 20);
        assert!(CITIES.iter().all(|c| region(c).is_some()));
        assert_eq!(DISTRICTS.len(), 228);
    }

    #[test]
    fn codes_are_unique_nine_digit_kato_codes() {
        let mut seen = HashSet::new();
        for code in REGIONS
            .iter()
            .map(|r| r.code)
            .chain(DISTRICTS.iter().map(|d| d.code))
        {
            assert!(is_code(code), "{code} is not 9 digits");
            assert!(seen.insert(code), "{code} is used twice");
        }
        for r in REGIONS {
            assert!(
                r.code.ends_with("0000000"),
                "{} is not a region code",
                r.code
            );
        }
    }

    #[test]
    fn every_district_is_in_an_existing_region_with_its_prefix() {
        for d in DISTRICTS {
            let r =
                region(d.region).unwrap_or_else(|| panic!("{}: no region {}", d.code, d.region));
            assert_eq!(
                d.code[..2],
                r.code[..2],
                "{} is not under {}",
                d.code,
                r.code
            );
            assert_ne!(d.code, r.code);
        }
    }

    #[test]
    fn every_region_has_its_districts() {
        for r in REGIONS {
            let n = districts_of(r.code).count();
            let min = if CITIES.contains(&r.code) { 3 } else { 4 };
            assert!(n >= min, "{} has only {n} districts", r.name_en);
        }
        assert_eq!(districts_of("710000000").count(), 6);
        assert_eq!(districts_of("750000000").count(), 8);
        assert_eq!(districts_of("790000000").count(), 5);
        assert_eq!(districts_of("999999999").count(), 0);
    }

    #[test]
    fn every_name_is_filled_in_and_trimmed() {
        let names = REGIONS
            .iter()
            .flat_map(|r| [r.name_kk, r.name_ru, r.name_en])
            .chain(
                DISTRICTS
                    .iter()
                    .flat_map(|d| [d.name_kk, d.name_ru, d.name_en]),
            );
        for name in names {
            assert!(!name.trim().is_empty());
            assert_eq!(name, name.trim(), "{name:?} has stray spaces");
        }
    }

    #[test]
    fn kazakh_names_are_kazakh_and_russian_names_russian() {
        let kazakh = |s: &str| s.chars().any(|c| "әғқңөұүһі".contains(c));
        // Every Kazakh district name says what it is; every Russian one does.
        for d in DISTRICTS {
            assert!(
                d.name_kk.contains("аудан") || d.name_kk.ends_with("қаласы"),
                "{}",
                d.name_kk
            );
            assert!(
                d.name_ru.contains("район") || d.name_ru.starts_with("г. "),
                "{}",
                d.name_ru
            );
        }
        assert!(kazakh(region("110000000").unwrap().name_kk));
        assert!(REGIONS.iter().all(|r| !kazakh(r.name_ru)));
    }

    #[test]
    fn lookups_find_known_units() {
        let akmola = region("110000000").unwrap();
        assert_eq!(akmola.name_kk, "Ақмола облысы");
        assert_eq!(akmola.name_ru, "Акмолинская область");
        assert_eq!(region("100000000").unwrap().name_en, "Abai Region");
        assert_eq!(region("330000000").unwrap().name_ru, "Жетысуская область");
        assert_eq!(region("620000000").unwrap().name_kk, "Ұлытау облысы");
        assert!(
            region("510000000").is_none(),
            "South Kazakhstan is Turkistan since 2018"
        );
        assert!(region("").is_none());

        let kokshetau = district("111000000").unwrap();
        assert_eq!(kokshetau.region, "110000000");
        assert_eq!(kokshetau.name_ru, "г. Кокшетау");
        assert_eq!(district("751410000").unwrap().name_kk, "Бостандық ауданы");
        assert!(district("110000000").is_none());
        assert!(districts_of("110000000").any(|d| d.name_en == "Burabay District"));
    }

    #[test]
    fn the_2022_reform_moved_units_to_the_new_regions() {
        assert_eq!(district("101000000").unwrap().name_en, "Semey City");
        assert_eq!(district("331000000").unwrap().name_en, "Taldykorgan City");
        assert_eq!(district("621000000").unwrap().name_en, "Zhezkazgan City");
        assert!(districts_of("630000000").all(|d| d.name_en != "Semey City"));
    }
}
