// The legal-bases page: the form, the shareable URL (?action=&requesting=&requested=&date=&lang=) and the
// cards. Everything shown comes from GET /api/v1/actions, /api/v1/parties and /api/v1/legal-bases.

import { ServiceProblem, fetchJson, hideProblem, showProblem } from './api.js';
import { Combobox } from './combobox.js';
import { append, clear, copyText, h } from './dom.js';
import { currentLanguage, initLanguageSwitch, t, translatePage } from './i18n.js';
import { renderCards } from './cards.js';

const form = document.getElementById('search');
const dateInput = document.getElementById('date-input');
const status = document.getElementById('status');
const problemBox = document.getElementById('problem');
const results = document.getElementById('results');
const summary = document.getElementById('results-summary');
const cards = document.getElementById('cards');
const shareInput = document.getElementById('share-url');
const apiLink = document.getElementById('api-link');

const actionBox = new Combobox(document.getElementById('action-input'));
const requestingBox = new Combobox(document.getElementById('requesting-input'));
const requestedBox = new Combobox(document.getElementById('requested-input'));

const page = { parties: new Map(), conceptLabels: {}, lastAnswer: null, listsLanguage: null };

function today() {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 10);
}

// Actions in taxonomy order (depth first), each once, with the path of broader labels for search results.
function actionItems(tree) {
  const items = [];
  const seen = new Set();
  const walk = (node, depth, path) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    items.push({ value: node.id, label: node.label || node.id, depth, path: path.join(' › ') });
    for (const child of node.narrower || []) walk(child, depth + 1, [...path, node.label || node.id]);
  };
  tree.forEach((top) => walk(top, 0, []));
  return items;
}

function partyItems(parties) {
  const collator = new Intl.Collator(currentLanguage());
  const byName = (a, b) => collator.compare(a.label || a.code, b.label || b.code);
  const bodies = parties.filter((p) => p.kind !== 'state').sort(byName);
  const states = parties.filter((p) => p.kind === 'state').sort(byName);
  return [
    ...bodies.map((p) => ({ value: p.code, label: p.label || p.code, hint: p.code, group: t('groupBodies') })),
    ...states.map((p) => ({ value: p.code, label: p.label || p.code, hint: p.code, group: t('groupStates') })),
  ];
}

async function loadLists(language) {
  status.textContent = t('loadingLists');
  const [actions, parties, labels] = await Promise.all([
    fetchJson(`/api/v1/actions?lang=${language}`),
    fetchJson(`/api/v1/parties?lang=${language}`),
    fetchJson(`/ui/concept-labels?lang=${language}`),
  ]);
  actionBox.setItems(actionItems(actions.tree));
  const items = partyItems(parties.parties);
  requestingBox.setItems(items);
  requestedBox.setItems(items);
  page.parties = new Map(parties.parties.map((p) => [p.code, p.label || p.code]));
  page.conceptLabels = labels.labels || {};
  page.listsLanguage = language;
  status.textContent = '';
}

function formQuery() {
  return {
    action: actionBox.value,
    requesting: requestingBox.value,
    requested: requestedBox.value,
    date: dateInput.value,
  };
}

function queryString(query, withLanguage = true) {
  const params = new URLSearchParams();
  for (const name of ['action', 'requesting', 'requested', 'date']) if (query[name]) params.set(name, query[name]);
  if (withLanguage) params.set('lang', currentLanguage());
  return params.toString();
}

function fillForm(params) {
  actionBox.setValue(params.get('action') || '');
  requestingBox.setValue(params.get('requesting') || '');
  requestedBox.setValue(params.get('requested') || '');
  dateInput.value = params.get('date') || dateInput.value || today();
}

function partyName(code) {
  const name = page.parties.get(code);
  return name && name !== code ? `${name} (${code})` : code;
}

// "11 legal bases for “…”" and, below it, "Ukraine (UKR) → Poland (POL) · 2025-06-01".
function describe(answer) {
  const requesting = answer.requesting ? partyName(answer.requesting) : t('anyParty');
  const requested = answer.requested ? partyName(answer.requested) : t('anyParty');
  return [
    h('span', { class: 'results-count' },
      `${t('basesCount', { count: answer.legal_bases.length })} ${t('summaryFor', { action: answer.action.label })}`),
    h('span', { class: 'results-route' }, `${requesting} → ${requested} · ${answer.date}`),
  ];
}

function render(answer) {
  append(clear(summary), describe(answer));
  renderCards(cards, answer, { partyName, conceptLabels: page.conceptLabels });
  results.hidden = false;
}

async function search(query, { pushHistory }) {
  if (!query.action) {
    results.hidden = true;
    showProblem(problemBox, new ServiceProblem({ message: t('chooseAction'), parameter: t('actionLabel') }));
    document.getElementById('action-input').focus();
    return;
  }
  const url = `/?${queryString(query)}`;
  if (pushHistory && url !== `${window.location.pathname}${window.location.search}`) {
    window.history.pushState(query, '', url);
  }
  shareInput.value = new URL(url, window.location.origin).href;
  const apiUrl = `/api/v1/legal-bases?${queryString(query)}`;
  apiLink.href = apiUrl;
  hideProblem(problemBox);
  status.textContent = t('loading');
  form.setAttribute('aria-busy', 'true');
  try {
    page.lastAnswer = await fetchJson(apiUrl);
    render(page.lastAnswer);
  } catch (problem) {
    results.hidden = true;
    showProblem(problemBox, problem);
  } finally {
    status.textContent = '';
    form.removeAttribute('aria-busy');
  }
}

async function restoreFromUrl() {
  const params = new URLSearchParams(window.location.search);
  fillForm(params);
  // The URL's own values, so an id the lists do not know gets the API's explanation rather than an empty form.
  const query = Object.fromEntries(['action', 'requesting', 'requested', 'date'].map((name) => [name, params.get(name) || '']));
  if (query.action) await search(query, { pushHistory: false });
  else results.hidden = true;
}

async function changeLanguage(language) {
  try {
    await loadLists(language);
  } catch (problem) {
    showProblem(problemBox, problem);
    return;
  }
  if (!results.hidden && actionBox.value) {
    await search(formQuery(), { pushHistory: false });
    window.history.replaceState(formQuery(), '', `/?${queryString(formQuery())}`);
  } else {
    const params = new URLSearchParams(window.location.search);
    params.set('lang', language);
    window.history.replaceState(window.history.state, '', `/?${params}`);
  }
}

async function start() {
  initLanguageSwitch(changeLanguage);
  dateInput.value = today();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search(formQuery(), { pushHistory: true });
  });
  document.getElementById('swap-parties').addEventListener('click', () => {
    const requesting = requestingBox.value;
    requestingBox.setValue(requestedBox.value);
    requestedBox.setValue(requesting);
  });
  document.getElementById('copy-link').addEventListener('click', async (event) => {
    const button = event.currentTarget;
    const copied = await copyText(shareInput.value, shareInput);
    button.textContent = t(copied ? 'copied' : 'copyByHand');
    setTimeout(() => { button.textContent = t('copy'); }, 2000);
  });
  window.addEventListener('popstate', () => restoreFromUrl());
  try {
    await loadLists(currentLanguage());
  } catch (problem) {
    status.textContent = '';
    showProblem(problemBox, problem);
    return;
  }
  await restoreFromUrl();
  translatePage();
  document.body.dataset.ready = 'true';
}

start();
