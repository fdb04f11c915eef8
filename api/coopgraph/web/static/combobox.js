// A searchable list box (WAI-ARIA combobox pattern) for a few hundred items: type to filter, arrows to move,
// Enter to choose, Escape to close. Items: {value, label, hint?, depth?, group?, path?}.
// Without a query the items show in their given order, indented by depth and under their group headers;
// with one, the matches are ranked (code or label first) and show their path.

import { h, clear, normalise } from './dom.js';
import { t } from './i18n.js';

export class Combobox {
  constructor(input, { onChange = () => {} } = {}) {
    this.input = input;
    this.root = input.closest('.combobox');
    this.list = this.root.querySelector('[role="listbox"]');
    this.clearButton = this.root.querySelector('.combobox-clear');
    this.onChange = onChange;
    this.items = [];
    this.byValue = new Map();
    this.value = '';
    this.shown = [];
    this.active = -1;

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', this.list.id);
    input.autocomplete = 'off';
    input.spellcheck = false;

    input.addEventListener('focus', () => {
      input.select();
      this.open('');
    });
    input.addEventListener('click', () => { if (this.list.hidden) this.open(''); });
    input.addEventListener('input', () => this.open(input.value));
    input.addEventListener('keydown', (event) => this.onKey(event));
    input.addEventListener('blur', () => this.commitTyped());
    // Keep the focus in the input while clicking an option, so blur does not close the list first.
    this.list.addEventListener('mousedown', (event) => event.preventDefault());
    this.list.addEventListener('click', (event) => {
      const option = event.target.closest('[role="option"]');
      if (option) this.choose(option.dataset.value);
    });
    if (this.clearButton) {
      this.clearButton.addEventListener('click', () => {
        this.setValue('');
        this.onChange('');
        input.focus();
      });
    }
  }

  setItems(items) {
    this.items = items.map((item) => ({ ...item, key: normalise(`${item.label} ${item.value} ${item.hint || ''}`) }));
    this.byValue = new Map(this.items.map((item) => [item.value, item]));
    if (!this.byValue.has(this.value)) this.value = '';
    this.input.value = this.labelOf(this.value);
    this.updateClear();
    if (!this.list.hidden) this.open(this.input.value === this.labelOf(this.value) ? '' : this.input.value);
  }

  labelOf(value) {
    return this.byValue.get(value)?.label || '';
  }

  has(value) {
    return this.byValue.has(value);
  }

  setValue(value) {
    this.value = this.byValue.has(value) ? value : '';
    this.input.value = this.labelOf(this.value);
    this.updateClear();
  }

  updateClear() {
    if (this.clearButton) this.clearButton.hidden = !this.value;
  }

  choose(value) {
    const changed = value !== this.value;
    this.setValue(value);
    this.close();
    if (changed) this.onChange(this.value);
  }

  // On leaving the field: an exact code or name, or a single match, is chosen; an empty field means "any".
  commitTyped() {
    const typed = normalise(this.input.value.trim());
    this.close();
    if (!typed) {
      if (this.value) this.choose('');
      return;
    }
    if (typed === normalise(this.labelOf(this.value))) {
      this.input.value = this.labelOf(this.value);
      return;
    }
    const exact = this.items.find((item) => normalise(item.value) === typed || normalise(item.label) === typed);
    const matches = exact ? [exact] : this.matching(typed);
    if (matches.length === 1) this.choose(matches[0].value);
    else this.input.value = this.labelOf(this.value);
  }

  matching(query) {
    const words = normalise(query).split(/\s+/).filter(Boolean);
    const found = this.items.filter((item) => words.every((word) => item.key.includes(word)));
    const rank = (item) => {
      const label = normalise(item.label);
      const value = normalise(item.value);
      const whole = words.join(' ');
      if (value === whole || label === whole) return 0;
      if (label.startsWith(whole) || value.startsWith(whole)) return 1;
      if (label.split(/[\s(-]+/).some((part) => part.startsWith(words[0]))) return 2;
      return 3;
    };
    return found
      .map((item, position) => ({ item, position, rank: rank(item) }))
      .sort((a, b) => a.rank - b.rank || a.position - b.position)
      .map((entry) => entry.item);
  }

  open(query) {
    const searching = query.trim() !== '' && query !== this.labelOf(this.value);
    this.shown = searching ? this.matching(query) : this.items;
    this.render(searching);
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    const selected = this.shown.findIndex((item) => item.value === this.value);
    this.highlight(searching ? (this.shown.length ? 0 : -1) : selected);
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
  }

  render(searching) {
    clear(this.list);
    if (!this.shown.length) {
      this.list.append(h('li', { class: 'combobox-empty', role: 'presentation' }, t('noMatches')));
      return;
    }
    let group = null;
    this.shown.forEach((item, index) => {
      if (!searching && item.group && item.group !== group) {
        group = item.group;
        this.list.append(h('li', { class: 'combobox-group', role: 'presentation' }, item.group));
      }
      const hint = searching ? (item.path || item.hint) : item.hint;
      this.list.append(h('li', {
        id: `${this.list.id}-${index}`,
        role: 'option',
        class: `combobox-option depth-${searching ? 0 : Math.min(item.depth || 0, 4)}`,
        'aria-selected': String(item.value === this.value),
        dataset: { value: item.value },
      }, h('span', { class: 'option-label' }, item.label), hint ? h('span', { class: 'option-hint' }, hint) : null));
    });
  }

  highlight(index) {
    const options = this.list.querySelectorAll('[role="option"]');
    options.forEach((option) => option.classList.remove('active'));
    this.active = index;
    if (index < 0 || index >= options.length) {
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    options[index].classList.add('active');
    this.input.setAttribute('aria-activedescendant', options[index].id);
    options[index].scrollIntoView({ block: 'nearest' });
  }

  onKey(event) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (this.list.hidden) this.open('');
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = Math.max(0, Math.min(this.shown.length - 1, this.active + step));
      this.highlight(next);
    } else if (event.key === 'Enter') {
      if (!this.list.hidden && this.active >= 0) {
        event.preventDefault();
        this.choose(this.shown[this.active].value);
      }
    } else if (event.key === 'Escape') {
      if (!this.list.hidden) {
        event.preventDefault();
        this.close();
        this.input.value = this.labelOf(this.value);
      }
    } else if (event.key === 'Tab') {
      this.commitTyped();
    }
  }
}
