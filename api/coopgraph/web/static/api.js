// Calling the service and showing its errors: the API answers errors as
// {"error": {"status", "title", "message", "parameter"}}; the pages show the message, never a trace.

import { append, clear, h } from './dom.js';
import { t } from './i18n.js';

export class ServiceProblem extends Error {
  constructor({ status = 0, title = '', message = '', parameter = null } = {}) {
    super(message);
    this.status = status;
    this.title = title;
    this.parameter = parameter;
  }
}

// The error of a failed response, read from its JSON body when it has one.
export async function problemOf(response) {
  try {
    const body = await response.json();
    if (body && body.error && body.error.message) return new ServiceProblem(body.error);
  } catch {
    // not JSON (a proxy's page, say): described by its status below
  }
  return new ServiceProblem({ status: response.status, message: t('errorUnexpected', { status: response.status }) });
}

export async function fetchResponse(url, options = {}) {
  let response;
  try {
    response = await fetch(url, options);
  } catch {
    throw new ServiceProblem({ message: t('errorNetwork') });
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

export async function fetchJson(url, options = {}) {
  const response = await fetchResponse(url, { ...options, headers: { Accept: 'application/json', ...(options.headers || {}) } });
  try {
    return await response.json();
  } catch {
    throw new ServiceProblem({ status: response.status, message: t('errorUnexpected', { status: response.status }) });
  }
}

// Fills a role="alert" box with a problem; anything that is not a ServiceProblem is a bug of the page,
// logged for developers and shown to people as a plain sentence.
export function showProblem(box, problem, titleKey = 'errorTitle') {
  if (!(problem instanceof ServiceProblem)) {
    console.error(problem);
    problem = new ServiceProblem({ message: t('errorUnexpected', { status: '—' }) });
  }
  append(clear(box), [
    h('strong', { class: 'problem-title' }, t(titleKey)),
    h('p', { class: 'problem-message' }, problem.message),
    problem.parameter ? h('p', { class: 'problem-parameter' }, t('errorParameter', { name: problem.parameter })) : null,
  ]);
  box.hidden = false;
}

export function hideProblem(box) {
  clear(box).hidden = true;
}
