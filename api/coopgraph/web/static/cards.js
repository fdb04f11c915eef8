// One card per legal basis of GET /api/v1/legal-bases, grouped by match kind in the API's order:
// exact, general, residual, domestic.

import { clear, h } from './dom.js';
import { t } from './i18n.js';

const MATCH_KINDS = ['exact', 'general', 'residual', 'domestic'];
const capitalised = (word) => word.charAt(0).toUpperCase() + word.slice(1);
const camel = (slug) => slug.split('-').map(capitalised).join('');
const humanised = (slug) => String(slug || '').replace(/-/g, ' ');

export function renderCards(container, answer, context) {
  clear(container);
  if (!answer.legal_bases.length) {
    container.append(h('p', { class: 'empty' }, t('noResults')));
    return;
  }
  // Domestic-execution entries name their instrument by id; the title is known when that instrument has a card.
  const titles = new Map(answer.legal_bases.map((basis) => [basis.instrument.id, basis.instrument.title]));
  for (const kind of MATCH_KINDS) {
    const bases = answer.legal_bases.filter((basis) => basis.match === kind);
    if (!bases.length) continue;
    container.append(h('section', { class: `match-group match-${kind}`, dataset: { match: kind } },
      h('h2', {}, t(`heading${capitalised(kind)}`), h('span', { class: 'count' }, bases.length)),
      h('div', { class: 'card-list' }, bases.map((basis) => card(basis, answer, { ...context, titles })))));
  }
}

function card(basis, answer, context) {
  const { provision, instrument } = basis;
  const label = provision.label || t('wholeInstrument');
  const kindLabel = context.conceptLabels['instrument-kinds']?.[instrument.kind] || humanised(instrument.kind);
  return h('article', {
    class: `card match-${basis.match}`,
    dataset: { instrument: instrument.id, provision: provision.number || '', match: basis.match },
  },
  h('header', { class: 'card-header' },
    h('div', { class: 'badges' },
      h('span', { class: `badge badge-${basis.match}`, title: t(`help${capitalised(basis.match)}`) },
        t(`match${capitalised(basis.match)}`)),
      basis.match === 'domestic' ? null : h('span', { class: 'badge badge-kind' }, kindLabel),
      basis.rule?.type === 'obligation' ? h('span', { class: 'badge badge-rule' }, t('ruleObligation')) : null),
    h('p', { class: 'instrument-title' }, instrument.title || instrument.id),
    h('h3', { class: 'card-title' },
      h('span', { class: 'provision-label' }, label),
      provision.heading ? h('span', { class: 'provision-heading' }, provision.heading) : null)),
  via(basis, answer),
  h('dl', { class: 'facts' },
    fact(t('inForce'), bindings(basis, context)),
    fact(t('conditions'), chips(basis.conditions)),
    fact(t('notRequired'), chips(basis.conditions_not_required, 'chip-not-required')),
    fact(t('notRefusable'), excludedGrounds(basis.refusal_grounds_excluded)),
    fact(t('reservations'), reservations(basis.reservations, context)),
    fact(t('domesticExecution'), executions(basis.domestic_execution, context))),
  refusals(basis.refusal_grounds),
  sources(basis.sources));
}

function via(basis, answer) {
  if (basis.match === 'exact' || basis.match === 'domestic' || basis.action.id === answer.action.id) return null;
  return h('p', { class: 'via' }, t('via', { action: basis.action.label || basis.action.id }));
}

function fact(term, description) {
  if (!description) return null;
  return h('div', { class: 'fact' }, h('dt', {}, term), h('dd', {}, description));
}

function bindings(basis, context) {
  // Domestic law binds only the state that enacted it: the other party is not listed as "not bound".
  const codes = Object.keys(basis.in_force || {}).filter((code) => basis.match !== 'domestic' || basis.bound_as?.[code]);
  if (!codes.length) return null;
  return h('ul', { class: 'plain' }, codes.map((code) => {
    const since = basis.in_force[code];
    const bound = basis.bound_as?.[code];
    const how = bound ? t(`bound${camel(bound)}`) : t('notBound');
    // A date reckoned from the treaty's own clause is shown as such, never passed off as one read in a source.
    const clause = basis.in_force_reckoned_under?.[code];
    return h('li', { dataset: { party: code } }, h('strong', {}, context.partyName(code)), ': ', how,
      since ? h('span', { class: 'nowrap' }, ` · ${t('since', { date: since })}`) : null,
      clause ? h('span', { class: 'muted reckoned', title: t('reckoned'), dataset: { clause } },
        ` (${t('reckonedShort')})`) : null);
  }));
}

function chips(concepts, extraClass = '') {
  if (!concepts || !concepts.length) return null;
  return h('ul', { class: 'chips' }, concepts.map((concept) =>
    h('li', { class: `chip ${extraClass}`, dataset: { id: concept.id } }, concept.label || humanised(concept.id))));
}

// Grounds the treaty forbids to invoke, each with the provision that says so (UNTOC 16(15): not solely fiscal).
function excludedGrounds(grounds) {
  if (!grounds || !grounds.length) return null;
  return h('ul', { class: 'chips' }, grounds.map((ground) =>
    h('li', { class: 'chip chip-not-required chip-excluded-ground', dataset: { id: ground.id, provision: ground.provision || '' } },
      ground.label || humanised(ground.id),
      ground.provision ? h('span', { class: 'muted' }, ` · ${ground.provision}`) : null)));
}

function reservations(statements, context) {
  if (!statements || !statements.length) return null;
  return h('ul', { class: 'statements' }, statements.map((statement) => {
    const effect = context.conceptLabels['statement-effects']?.[statement.effect] || humanised(statement.effect);
    const dates = [statement.valid_from ? t('validFrom', { date: statement.valid_from }) : '',
      statement.valid_until ? t('validUntil', { date: statement.valid_until }) : ''].filter(Boolean).join(' ');
    return h('li', {},
      h('div', { class: 'statement-head' }, h('strong', {}, context.partyName(statement.party)),
        h('span', { class: 'badge badge-effect' }, effect), dates ? h('span', { class: 'muted' }, dates) : null),
      statement.summary ? h('p', { class: 'statement-summary' }, statement.summary) : null);
  }));
}

function executions(entries, context) {
  if (!entries || !entries.length) return null;
  return h('ul', { class: 'plain' }, entries.map((entry) => {
    const who = context.conceptLabels.authorisations?.[entry.authorisation] || humanised(entry.authorisation);
    return h('li', {},
      h('strong', {}, entry.label || entry.provision), ' ',
      h('span', { class: 'muted' }, context.titles.get(entry.instrument) || entry.instrument),
      who ? h('span', { class: 'authorisation' }, ` — ${who}`) : null);
  }));
}

function refusals(grounds) {
  if (!grounds || !grounds.length) return null;
  return h('details', { class: 'refusals' },
    h('summary', {}, t('refusalGrounds', { count: grounds.length })),
    h('ul', { class: 'plain' }, grounds.map((ground) => h('li', {},
      ground.label || humanised(ground.id),
      ground.provision ? h('span', { class: 'muted' }, ` · ${ground.provision}`) : null,
      h('span', { class: ground.mandatory ? 'badge badge-mandatory' : 'muted' },
        ` ${t(ground.mandatory ? 'mandatory' : 'optional')}`)))));
}

function sources(urls) {
  if (!urls || !urls.length) return null;
  return h('footer', { class: 'sources' }, h('span', { class: 'sources-label' }, `${t('sources')}:`),
    h('ul', {}, urls.map((url) => h('li', {}, h('a', { href: url, rel: 'noopener noreferrer', target: '_blank', title: url },
      hostOf(url))))));
}

// "zakon.rada.gov.ua › 2824-15": the site, and the last part of the path to tell two pages of one site apart.
function hostOf(url) {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname.replace(/^www\./, '');
    let last = parsed.pathname.split('/').filter(Boolean).pop() || '';
    try {
      last = decodeURIComponent(last);
    } catch {
      // a malformed escape: shown as written
    }
    const tail = last.length > 28 ? `${last.slice(0, 27)}…` : last;
    return tail ? `${host} › ${tail}` : host;
  } catch {
    return url.length > 60 ? `${url.slice(0, 59)}…` : url;
  }
}
