// The query page: examples from GET /query/examples, queries sent to /sparql (SPARQL 1.1 Protocol, form POST),
// SELECT results as a table, ASK as a sentence, CONSTRUCT/DESCRIBE as Turtle; downloads; ?query= links.

import { ServiceProblem, fetchJson, fetchResponse, hideProblem, showProblem } from './api.js';
import { append, clear, copyText, h } from './dom.js';
import { currentLanguage, initLanguageSwitch, t } from './i18n.js';

const MAX_TABLE_ROWS = 1000; // more rows make the page slow; the downloads carry them all
const PREFIXES = {
  coop: 'https://w3id.org/coopgraph/ontology#',
  action: 'https://w3id.org/coopgraph/action/',
  instrument: 'https://w3id.org/coopgraph/instrument/',
  state: 'https://w3id.org/coopgraph/state/',
  org: 'https://w3id.org/coopgraph/org/',
  condition: 'https://w3id.org/coopgraph/condition/',
  ground: 'https://w3id.org/coopgraph/ground/',
  scheme: 'https://w3id.org/coopgraph/scheme/',
  cg: 'https://w3id.org/coopgraph/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcterms: 'http://purl.org/dc/terms/',
  eli: 'http://data.europa.eu/eli/ontology#',
  qb: 'http://purl.org/linked-data/cube#',
  prov: 'http://www.w3.org/ns/prov#',
};

const form = document.getElementById('query-form');
const textarea = document.getElementById('query');
const examplesSelect = document.getElementById('examples');
const exampleSummary = document.getElementById('example-summary');
const status = document.getElementById('status');
const problemBox = document.getElementById('problem');
const results = document.getElementById('results');
const resultsMeta = document.getElementById('results-meta');
const resultsBody = document.getElementById('results-body');
const shareInput = document.getElementById('share-url');

let examples = [];

function shortName(iri) {
  for (const [prefix, namespace] of Object.entries(PREFIXES)) {
    if (iri.startsWith(namespace) && iri.length > namespace.length) return `${prefix}:${iri.slice(namespace.length)}`;
  }
  return iri;
}

function termCell(term) {
  if (!term) return h('td', {});
  if (term.type === 'uri') return h('td', {}, h('a', { href: term.value, title: term.value }, shortName(term.value)));
  if (term.type === 'bnode') return h('td', {}, `_:${term.value}`);
  // The language tag is shown (it tells the English from the Ukrainian label); the datatype only on hover.
  const language = term['xml:lang'];
  return h('td', { title: term.datatype ? shortName(term.datatype) : null }, term.value,
    language ? h('span', { class: 'lang' }, `@${language}`) : null);
}

function renderSelect(data, truncatedAt) {
  const variables = data.head.vars || [];
  const rows = data.results.bindings || [];
  const shown = rows.slice(0, MAX_TABLE_ROWS);
  const notes = [];
  if (truncatedAt) notes.push(t('truncated', { limit: truncatedAt }));
  if (rows.length > shown.length) notes.push(t('shownFirst', { shown: shown.length }));
  if (!rows.length) {
    resultsBody.append(h('p', { class: 'empty' }, t('noRows')));
    return { count: 0, notes };
  }
  resultsBody.append(h('div', { class: 'table-wrap' }, h('table', { class: 'results-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'), variables.map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, shown.map((row, index) => h('tr', {},
      h('td', { class: 'row-number' }, index + 1), variables.map((name) => termCell(row[name]))))))));
  return { count: rows.length, notes };
}

function sparqlRequest(query, accept) {
  return fetchResponse('/sparql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: accept },
    body: new URLSearchParams({ query }),
  });
}

function shareUrl(query) {
  const params = new URLSearchParams({ query, lang: currentLanguage() });
  return new URL(`/query?${params}`, window.location.origin).href;
}

async function run({ pushHistory }) {
  const query = textarea.value;
  if (!query.trim()) {
    showProblem(problemBox, new ServiceProblem({ message: t('emptyQuery') }), 'queryErrorTitle');
    return;
  }
  const link = shareUrl(query);
  shareInput.value = link;
  if (pushHistory && link !== window.location.href) window.history.pushState({ query }, '', link);
  hideProblem(problemBox);
  status.textContent = t('running');
  form.setAttribute('aria-busy', 'true');
  const started = performance.now();
  try {
    const response = await sparqlRequest(query, 'application/sparql-results+json, text/turtle;q=0.9');
    const type = response.headers.get('content-type') || '';
    const truncatedAt = response.headers.get('Coopgraph-Truncated') ? response.headers.get('Coopgraph-Row-Limit') : null;
    const elapsed = Math.round(performance.now() - started);
    clear(resultsBody);
    const meta = [];
    if (type.includes('json')) {
      const data = await response.json();
      if (typeof data.boolean === 'boolean') {
        resultsBody.append(h('p', { class: 'ask-result' }, t(data.boolean ? 'askTrue' : 'askFalse')));
      } else {
        const { count, notes } = renderSelect(data, truncatedAt);
        meta.push(t('rowsCount', { count }), ...notes);
      }
    } else {
      resultsBody.append(h('p', {}, t('graphResult')), h('pre', { class: 'graph-result' }, await response.text()));
    }
    resultsMeta.textContent = [...meta, t('elapsed', { ms: elapsed })].join(' · ');
    results.hidden = false;
  } catch (problem) {
    results.hidden = true;
    showProblem(problemBox, problem, 'queryErrorTitle');
  } finally {
    status.textContent = '';
    form.removeAttribute('aria-busy');
  }
}

async function download(accept, extension) {
  const query = textarea.value;
  if (!query.trim()) {
    showProblem(problemBox, new ServiceProblem({ message: t('emptyQuery') }), 'queryErrorTitle');
    return;
  }
  hideProblem(problemBox);
  try {
    const response = await sparqlRequest(query, accept);
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: `coopgraph-results.${extension}` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (problem) {
    showProblem(problemBox, problem, 'queryErrorTitle');
  }
}

function showExample(id) {
  const example = examples.find((candidate) => candidate.id === id);
  examplesSelect.value = example ? example.id : '';
  exampleSummary.textContent = example ? example.summary : '';
  return example;
}

function fillExamples() {
  const chosen = examplesSelect.value;
  append(clear(examplesSelect), [h('option', { value: '' }, t('examplesChoose')),
    examples.map((example) => h('option', { value: example.id }, example.summary))]);
  examplesSelect.value = chosen;
}

async function restoreFromUrl() {
  const params = new URLSearchParams(window.location.search);
  const query = params.get('query');
  if (query) {
    textarea.value = query;
    showExample(examples.find((example) => example.query === query)?.id || '');
    await run({ pushHistory: false });
  } else {
    const example = showExample(params.get('example') || examples[0]?.id || '');
    if (example) textarea.value = example.query;
    results.hidden = true;
  }
}

async function start() {
  initLanguageSwitch(() => {
    fillExamples();
    if (textarea.value.trim()) shareInput.value = shareUrl(textarea.value);
    const params = new URLSearchParams(window.location.search);
    params.set('lang', currentLanguage());
    window.history.replaceState(window.history.state, '', `/query?${params}`);
    if (!results.hidden) run({ pushHistory: false });
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run({ pushHistory: true });
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run({ pushHistory: true });
    }
  });
  examplesSelect.addEventListener('change', () => {
    const example = showExample(examplesSelect.value);
    if (example) textarea.value = example.query;
  });
  document.getElementById('download-csv').addEventListener('click', () => download('text/csv', 'csv'));
  document.getElementById('download-json').addEventListener('click',
    () => download('application/sparql-results+json, application/ld+json;q=0.9', 'json'));
  document.getElementById('copy-link').addEventListener('click', async (event) => {
    const button = event.currentTarget;
    if (!shareInput.value) shareInput.value = shareUrl(textarea.value);
    const copied = await copyText(shareInput.value, shareInput);
    button.textContent = t(copied ? 'copied' : 'copyByHand');
    setTimeout(() => { button.textContent = t('copy'); }, 2000);
  });
  window.addEventListener('popstate', () => restoreFromUrl());
  try {
    examples = (await fetchJson('/query/examples')).examples;
  } catch (problem) {
    showProblem(problemBox, problem);
  }
  fillExamples();
  await restoreFromUrl();
  document.body.dataset.ready = 'true';
}

start();
