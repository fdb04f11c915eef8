// The pages' own words in English and Ukrainian. Labels of actions, parties and instruments come from the API.
// A value that is an object is chosen by plural category (Intl.PluralRules: one, few, many, other).

export const LANGUAGES = ['en', 'uk'];

export const STRINGS = {
  en: {
    brand: 'Cooperation Graph',
    navLabel: 'Pages',
    navLegalBases: 'Legal bases',
    navQuery: 'SPARQL query',
    navOntology: 'Ontology',
    navApi: 'API',
    languageLabel: 'Language',
    pageTitleLegalBases: 'Legal bases — Cooperation Graph',
    pageTitleQuery: 'SPARQL query — Cooperation Graph',
    noscript: 'This page needs JavaScript. The same answers are available from the JSON API at /api/v1/legal-bases.',
    footer: 'Every fact cites its source. Data under CC BY 4.0. This is a research tool, not legal advice.',

    title: 'Which legal basis permits this action?',
    lead: 'Choose a procedural action, the requesting and the requested party and a date. Each card is a provision that permits or requires the action between them on that day, with its conditions, reservations and sources.',
    actionLabel: 'Action',
    actionPlaceholder: 'Search actions, e.g. preservation',
    actionHint: 'Grouped by the taxonomy: a general action covers the more specific ones under it.',
    requestingLabel: 'Requesting party',
    requestedLabel: 'Requested party',
    partyPlaceholder: 'Any party — name or code',
    swap: 'Swap the parties',
    dateLabel: 'Date',
    submit: 'Find legal bases',
    clear: 'Clear',
    noMatches: 'Nothing matches',
    groupBodies: 'International bodies and authorities',
    groupStates: 'States',
    chooseAction: 'Choose an action from the list first.',
    loading: 'Looking up…',
    loadingLists: 'Loading the lists…',
    basesCount: { one: '{count} legal basis', other: '{count} legal bases' },
    summaryFor: 'for “{action}”',
    anyParty: 'any party',
    noResults: 'No instrument in the graph permits this action between these parties on this date. Try a broader action, another date, or leave a party empty.',
    shareLabel: 'Link to this view',
    copy: 'Copy link',
    copied: 'Copied',
    copyByHand: 'Press Ctrl+C to copy',
    apiJson: 'Same answer as JSON',

    matchExact: 'exact',
    matchGeneral: 'general',
    matchResidual: 'residual',
    matchDomestic: 'domestic',
    headingExact: 'Provisions that name this action',
    headingGeneral: 'Provisions that cover it through a broader action',
    headingResidual: 'Catch-all clauses (any other assistance not prohibited by law)',
    headingDomestic: 'Domestic law of a party',
    helpExact: 'The provision names this action.',
    helpGeneral: 'The provision names a broader action that includes this one.',
    helpResidual: 'A catch-all clause: any other assistance not prohibited by law.',
    helpDomestic: 'Domestic law that governs one side of the request.',
    ruleObligation: 'obligation',
    rulePermission: 'permission',
    wholeInstrument: 'The instrument as a whole',
    via: 'Names “{action}”, which includes the action asked about.',
    inForce: 'Binding',
    since: 'since {date}',
    reckoned: 'reckoned under the treaty’s entry-into-force clause from the deposit date; no source read states it',
    reckonedShort: 'reckoned',
    boundParty: 'party',
    boundRoleHolder: 'holds the role',
    boundEnactingState: 'its own law',
    boundAcceptanceOfJurisdiction: 'accepted jurisdiction',
    notBound: 'not bound',
    conditions: 'Conditions',
    notRequired: 'Not required',
    notRefusable: 'May not be refused on',
    refusalGrounds: { one: '{count} ground for refusal', other: '{count} grounds for refusal' },
    mandatory: 'mandatory',
    optional: 'optional',
    reservations: 'Reservations and declarations',
    validFrom: 'from {date}',
    validUntil: 'until {date}',
    domesticExecution: 'Domestic execution',
    sources: 'Sources',

    errorTitle: 'The question could not be answered',
    errorNetwork: 'The service did not answer. Check the connection and try again.',
    errorUnexpected: 'The service answered in an unexpected way (HTTP {status}).',
    errorParameter: 'Check: {name}',

    queryTitle: 'Ask the graph in SPARQL',
    queryLead: 'Start from an example or write your own query. The results appear as a table; download them as CSV or JSON, or share a link that runs the query again.',
    examplesLabel: 'Example queries',
    examplesChoose: 'Choose an example…',
    queryLabel: 'Query',
    run: 'Run',
    runHint: 'Ctrl+Enter runs the query.',
    downloadCsv: 'Download CSV',
    downloadJson: 'Download JSON',
    rowsCount: { one: '{count} row', other: '{count} rows' },
    elapsed: 'in {ms} ms',
    truncated: 'The endpoint stopped at {limit} rows.',
    shownFirst: 'The table shows the first {shown}; the downloads have them all.',
    askTrue: 'Yes: the pattern matches (ASK is true).',
    askFalse: 'No: the pattern does not match (ASK is false).',
    graphResult: 'The query returned a graph (Turtle):',
    emptyQuery: 'Write a query first.',
    running: 'Running…',
    noRows: 'The query returned no rows.',
    queryErrorTitle: 'The query could not be run',
  },
  uk: {
    brand: 'Граф співробітництва',
    navLabel: 'Сторінки',
    navLegalBases: 'Правові підстави',
    navQuery: 'Запит SPARQL',
    navOntology: 'Онтологія',
    navApi: 'API',
    languageLabel: 'Мова',
    pageTitleLegalBases: 'Правові підстави — Граф співробітництва',
    pageTitleQuery: 'Запит SPARQL — Граф співробітництва',
    noscript: 'Для цієї сторінки потрібен JavaScript. Ті самі відповіді надає JSON API: /api/v1/legal-bases.',
    footer: 'Кожен факт має посилання на джерело. Дані — CC BY 4.0. Це дослідницький інструмент, а не юридична консультація.',

    title: 'Яка правова підстава дозволяє цю дію?',
    lead: 'Оберіть процесуальну дію, запитуючу та запитувану сторону і дату. Кожна картка — положення, яке дозволяє або вимагає цю дію між ними на цей день, з умовами, застереженнями та джерелами.',
    actionLabel: 'Дія',
    actionPlaceholder: 'Пошук дії, напр. збереження',
    actionHint: 'Згруповано за таксономією: загальна дія охоплює конкретніші дії під нею.',
    requestingLabel: 'Запитуюча сторона',
    requestedLabel: 'Запитувана сторона',
    partyPlaceholder: 'Будь-яка сторона — назва або код',
    swap: 'Поміняти сторони місцями',
    dateLabel: 'Дата',
    submit: 'Знайти правові підстави',
    clear: 'Очистити',
    noMatches: 'Нічого не знайдено',
    groupBodies: 'Міжнародні органи та установи',
    groupStates: 'Держави',
    chooseAction: 'Спершу оберіть дію зі списку.',
    loading: 'Пошук…',
    loadingLists: 'Завантаження списків…',
    basesCount: {
      one: '{count} правова підстава', few: '{count} правові підстави', many: '{count} правових підстав',
      other: '{count} правової підстави',
    },
    summaryFor: 'для дії «{action}»',
    anyParty: 'будь-яка сторона',
    noResults: 'Жоден інструмент у графі не дозволяє цю дію між цими сторонами на цю дату. Спробуйте загальнішу дію, іншу дату або залиште сторону порожньою.',
    shareLabel: 'Посилання на цей вигляд',
    copy: 'Копіювати посилання',
    copied: 'Скопійовано',
    copyByHand: 'Натисніть Ctrl+C, щоб скопіювати',
    apiJson: 'Та сама відповідь у JSON',

    matchExact: 'пряма',
    matchGeneral: 'загальна',
    matchResidual: 'залишкова',
    matchDomestic: 'національне право',
    headingExact: 'Положення, що прямо називають цю дію',
    headingGeneral: 'Положення, що охоплюють її через ширшу дію',
    headingResidual: 'Загальні положення (будь-яка інша допомога, не заборонена законом)',
    headingDomestic: 'Національне право сторони',
    helpExact: 'Положення прямо називає цю дію.',
    helpGeneral: 'Положення називає ширшу дію, яка охоплює цю.',
    helpResidual: 'Загальне положення: будь-яка інша допомога, не заборонена законом.',
    helpDomestic: 'Національне право, що регулює одну сторону запиту.',
    ruleObligation: "обов'язок",
    rulePermission: 'дозвіл',
    wholeInstrument: 'Інструмент у цілому',
    via: 'Називає дію «{action}», яка охоплює обрану.',
    inForce: "Обов'язковість",
    since: 'з {date}',
    reckoned: 'обчислено за положенням договору про набрання чинності від дати здачі документа; жодне прочитане джерело її не називає',
    reckonedShort: 'обчислено',
    boundParty: 'сторона',
    boundRoleHolder: 'виконує роль',
    boundEnactingState: 'власне право',
    boundAcceptanceOfJurisdiction: 'визнала юрисдикцію',
    notBound: "не зобов'язана",
    conditions: 'Умови',
    notRequired: 'Не вимагається',
    notRefusable: 'Не можна відмовити з підстави',
    refusalGrounds: {
      one: '{count} підстава для відмови', few: '{count} підстави для відмови',
      many: '{count} підстав для відмови', other: '{count} підстави для відмови',
    },
    mandatory: "обов'язкова",
    optional: 'факультативна',
    reservations: 'Застереження та заяви',
    validFrom: 'з {date}',
    validUntil: 'до {date}',
    domesticExecution: 'Виконання на національному рівні',
    sources: 'Джерела',

    errorTitle: 'Не вдалося отримати відповідь',
    errorNetwork: "Сервіс не відповів. Перевірте з'єднання і спробуйте ще раз.",
    errorUnexpected: 'Сервіс відповів неочікувано (HTTP {status}).',
    errorParameter: 'Перевірте: {name}',

    queryTitle: 'Запит до графа мовою SPARQL',
    queryLead: 'Почніть із прикладу або напишіть власний запит. Результати з’являться в таблиці; їх можна завантажити як CSV чи JSON або поділитися посиланням, що повторить запит.',
    examplesLabel: 'Приклади запитів',
    examplesChoose: 'Оберіть приклад…',
    queryLabel: 'Запит',
    run: 'Виконати',
    runHint: 'Ctrl+Enter виконує запит.',
    downloadCsv: 'Завантажити CSV',
    downloadJson: 'Завантажити JSON',
    rowsCount: { one: '{count} рядок', few: '{count} рядки', many: '{count} рядків', other: '{count} рядка' },
    elapsed: 'за {ms} мс',
    truncated: 'Сервер зупинився на {limit} рядках.',
    shownFirst: 'У таблиці перші {shown}; у завантажених файлах — усі.',
    askTrue: 'Так: шаблон знайдено (ASK істинний).',
    askFalse: 'Ні: шаблон не знайдено (ASK хибний).',
    graphResult: 'Запит повернув граф (Turtle):',
    emptyQuery: 'Спершу напишіть запит.',
    running: 'Виконується…',
    noRows: 'Запит не повернув жодного рядка.',
    queryErrorTitle: 'Запит не вдалося виконати',
  },
};

const STORAGE_KEY = 'coopgraph-lang';
let current = initialLanguage();

function initialLanguage() {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (LANGUAGES.includes(fromUrl)) return fromUrl;
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (LANGUAGES.includes(stored)) return stored;
  } catch {
    // storage can be disabled; the browser's language decides then
  }
  return (navigator.language || '').toLowerCase().startsWith('uk') ? 'uk' : 'en';
}

export function currentLanguage() {
  return current;
}

export function t(key, values = {}) {
  let text = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  if (typeof text === 'object') {
    const category = new Intl.PluralRules(current).select(Number(values.count ?? 0));
    text = text[category] ?? text.other;
  }
  return text.replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? ''));
}

export function setLanguage(language) {
  if (!LANGUAGES.includes(language)) return;
  current = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not remembered, still applied
  }
  translatePage();
}

// Elements say which string they show: data-i18n (text), data-i18n-placeholder, data-i18n-title,
// data-i18n-aria-label; <body data-title-key> names the document title.
export function translatePage(root = document) {
  document.documentElement.lang = current;
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-placeholder]')) {
    element.placeholder = t(element.dataset.i18nPlaceholder);
  }
  for (const element of root.querySelectorAll('[data-i18n-title]')) element.title = t(element.dataset.i18nTitle);
  for (const element of root.querySelectorAll('[data-i18n-aria-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
  }
  if (document.body.dataset.titleKey) document.title = t(document.body.dataset.titleKey);
  for (const button of document.querySelectorAll('.lang-switch [data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === current));
  }
}

export function initLanguageSwitch(onChange) {
  for (const button of document.querySelectorAll('.lang-switch [data-lang]')) {
    button.addEventListener('click', () => {
      if (button.dataset.lang === current) return;
      setLanguage(button.dataset.lang);
      onChange(current);
    });
  }
  translatePage();
}
