import { useEffect, useRef, useState } from 'preact/hooks';
import type { FacetCount, Highlight, SearchHit, SearchResponse } from '../../../shared/stages/archive-api';
import type { ArchiveClient, Params } from '../api';
import { segments } from '../highlight';
import { articleHref, FILTERS, navigate, type Filter } from '../router';
import {
  announce,
  ErrorNotice,
  formatDate,
  formatMonth,
  Loading,
  Pager,
  plural,
  useLoad,
  ViewHeading,
} from './common';

export const PAGE_SIZE = 10;

const FILTER_LABELS: Record<Filter, string> = {
  entity: 'Name',
  place: 'Place',
  country: 'Country',
  topic: 'Topic',
  section: 'Section',
  source: 'Source',
  language: 'Language',
  status: 'Status',
  duplicateOf: 'Copies of',
  since: 'From',
  until: 'To',
};

/** The filters the form offers (duplicateOf arrives from an article's "list its copies" link). */
const FORM_FIELDS: Array<{ key: Filter; label: string; hint?: string }> = [
  { key: 'entity', label: 'Person, organization or place', hint: 'as named, e.g. Taro Kono' },
  { key: 'place', label: 'Place' },
  { key: 'country', label: 'Country', hint: 'ISO code, e.g. JP' },
  { key: 'topic', label: 'Topic', hint: 'IPTC code or label' },
  { key: 'section', label: 'Section' },
  { key: 'source', label: 'Source folder' },
  { key: 'language', label: 'Language', hint: 'ISO 639-1, e.g. en' },
  { key: 'since', label: 'From date', hint: 'YYYY, YYYY-MM or YYYY-MM-DD' },
  { key: 'until', label: 'To date', hint: 'YYYY, YYYY-MM or YYYY-MM-DD' },
];

type FacetGroup = keyof SearchResponse['facets'];
const FACET_GROUPS: Array<{ group: FacetGroup; title: string; filter: Filter | 'month' }> = [
  { group: 'entities', title: 'Names', filter: 'entity' },
  { group: 'places', title: 'Places', filter: 'place' },
  { group: 'topics', title: 'Topics', filter: 'topic' },
  { group: 'sections', title: 'Sections', filter: 'section' },
  { group: 'sources', title: 'Sources', filter: 'source' },
  { group: 'months', title: 'Months', filter: 'month' },
];

/** Topic labels seen in facets, so a chip can say "politics" rather than "medtop:11000000". */
const topicLabels = new Map<string, string>();

/** The last search shown, for the article view's "Back to results" and to refocus the opened result. */
export const lastSearch: { href: string; openedId?: string } = { href: '#/' };

export function Marked({ text, ranges }: { text: string; ranges?: Highlight[] }) {
  return <>{segments(text, ranges).map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}

function chipValue(key: Filter, value: string): string {
  if (key === 'topic') return topicLabels.get(value) ?? value;
  return value;
}

export function SearchView(props: { client: ArchiveClient; params: Params; cursors: string[] }) {
  const { client, params, cursors } = props;
  const routeKey = JSON.stringify([params, cursors]);
  const [fields, setFields] = useState<Params>(params);
  const queryRef = useRef<HTMLInputElement>(null);
  const resultsHeadingRef = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);
  useEffect(() => setFields(params), [JSON.stringify(params)]);
  useEffect(() => {
    lastSearch.href = location.hash || '#/';
  }, [routeKey]);

  const [load, retry] = useLoad(
    (signal) =>
      client.search({ ...params, limit: String(PAGE_SIZE), cursor: cursors[cursors.length - 1] }, signal),
    routeKey,
  );

  useEffect(() => {
    if (load.state === 'ok') {
      const { total, complete } = load.data;
      announce(
        total === 0
          ? 'No articles match.'
          : `${complete ? '' : 'At least '}${plural(total, 'article')} match. Page ${cursors.length + 1}.`,
      );
      for (const topic of load.data.facets.topics) if (topic.label) topicLabels.set(topic.value, topic.label);
      if (focusResults.current) {
        focusResults.current = false;
        resultsHeadingRef.current?.focus();
      }
      // Back from an article: put focus on the result that was opened.
      if (lastSearch.openedId) {
        const link = document.querySelector<HTMLAnchorElement>(
          `a[data-article-id="${CSS.escape(lastSearch.openedId)}"]`,
        );
        lastSearch.openedId = undefined;
        link?.focus();
      }
    } else if (load.state === 'error') announce('The search failed.');
  }, [load]);

  const go = (next: Params, options: { focusResults?: boolean } = {}) => {
    focusResults.current = options.focusResults ?? false;
    navigate({ name: 'search', params: next, cursors: [] });
  };
  const submit = (event: Event) => {
    event.preventDefault();
    const next: Params = {};
    for (const [key, value] of Object.entries(fields)) if (value?.trim()) next[key] = value.trim();
    if (JSON.stringify(next) === JSON.stringify(params) && cursors.length === 0) retry();
    else go(next);
  };
  const setField = (key: string, value: string) => setFields((f) => ({ ...f, [key]: value }));
  const addFilter = (filter: Filter | 'month', value: string) => {
    if (filter === 'month') go({ ...params, since: value, until: value }, { focusResults: true });
    else go({ ...params, [filter]: value }, { focusResults: true });
  };
  const removeFilter = (key: Filter) => {
    const next = { ...params };
    delete next[key];
    go(next, { focusResults: true });
  };
  const active = FILTERS.filter((key) => params[key]);
  const refusedParameter =
    load.state === 'error' && 'parameter' in load.error ? load.error.parameter : undefined;

  return (
    <div class="search-view">
      <ViewHeading focus={false}>Search the archive</ViewHeading>
      <form role="search" class="search-form" onSubmit={submit} aria-label="Articles">
        <div class="search-row">
          <label for="q" class="search-label">
            Words
          </label>
          <input
            id="q"
            ref={queryRef}
            type="search"
            name="q"
            value={fields.q ?? ''}
            onInput={(e) => setField('q', e.currentTarget.value)}
            placeholder="Words in headlines, leads, names… (press / to focus)"
            autocomplete="off"
            aria-invalid={refusedParameter === 'q' ? 'true' : undefined}
          />
          <button type="submit" class="button button-primary">
            Search
          </button>
        </div>
        <fieldset class="filters">
          <legend>Filters</legend>
          {FORM_FIELDS.map(({ key, label, hint }) => (
            <div class="field" key={key}>
              <label for={`f-${key}`}>{label}</label>
              <input
                id={`f-${key}`}
                name={key}
                type="text"
                value={fields[key] ?? ''}
                onInput={(e) => setField(key, e.currentTarget.value)}
                aria-describedby={hint ? `f-${key}-hint` : undefined}
                aria-invalid={refusedParameter === key ? 'true' : undefined}
                autocomplete="off"
              />
              {hint ? (
                <span class="hint" id={`f-${key}-hint`}>
                  {hint}
                </span>
              ) : null}
            </div>
          ))}
          <div class="field">
            <label for="f-status">Status</label>
            <select
              id="f-status"
              name="status"
              value={fields.status ?? ''}
              onChange={(e) => setField('status', e.currentTarget.value)}
            >
              <option value="">Indexed (default)</option>
              <option value="rejected">Rejected</option>
              <option value="deleted">Deleted</option>
            </select>
          </div>
          <div class="field field-submit">
            <button type="submit" class="button">
              Apply filters
            </button>
          </div>
        </fieldset>
      </form>

      {active.length > 0 ? (
        <div class="chips" role="group" aria-label="Active filters">
          <span class="chips-label">Filtered by</span>
          <ul>
            {active.map((key) => (
              <li key={key}>
                <button
                  type="button"
                  class="chip"
                  onClick={() => removeFilter(key)}
                  aria-label={`Remove filter ${FILTER_LABELS[key]}: ${chipValue(key, params[key]!)}`}
                >
                  <span>
                    {FILTER_LABELS[key]}: {chipValue(key, params[key]!)}
                  </span>
                  <span aria-hidden="true" class="chip-x">
                    ×
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div class="results-layout">
        <section class="results" aria-labelledby="results-heading">
          <h2 id="results-heading" tabIndex={-1} ref={resultsHeadingRef} class="visually-hidden">
            Results
          </h2>
          {load.state === 'loading' ? <Loading what="results" /> : null}
          {load.state === 'error' ? <ErrorNotice error={load.error} retry={retry} what="the search" /> : null}
          {load.state === 'ok' ? (
            <Results
              response={load.data}
              params={params}
              cursors={cursors}
              onRemove={removeFilter}
              active={active}
            />
          ) : null}
        </section>
        {load.state === 'ok' ? <Facets response={load.data} params={params} onAdd={addFilter} /> : null}
      </div>
    </div>
  );
}

function Results(props: {
  response: SearchResponse;
  params: Params;
  cursors: string[];
  active: Filter[];
  onRemove: (key: Filter) => void;
}) {
  const { response, params, cursors, active, onRemove } = props;
  if (response.items.length === 0 && cursors.length === 0) {
    return (
      <div class="notice notice-empty" data-state="empty">
        <h2 class="notice-title">
          No articles match{params.q ? ` “${params.q}”` : ''}
          {active.length ? ' with these filters' : ''}.
        </h2>
        {active.length ? (
          <p>
            Try removing a filter:{' '}
            {active.map((key) => (
              <button type="button" class="chip" key={key} onClick={() => onRemove(key)}>
                Remove {FILTER_LABELS[key]}: {chipValue(key, params[key]!)}
              </button>
            ))}
          </p>
        ) : (
          <p>Try other or fewer words.</p>
        )}
        {!response.complete && response.coveredFrom ? (
          <p>Only articles dated {formatDate(response.coveredFrom)} or later were searched.</p>
        ) : null}
      </div>
    );
  }
  const first = cursors.length * PAGE_SIZE + 1;
  const last = first + response.items.length - 1;
  return (
    <>
      <p class="result-count" data-testid="result-count">
        {response.complete ? '' : 'At least '}
        {plural(response.total, 'article')} match. Showing {first}–{last}.
      </p>
      {!response.complete ? (
        <p class="notice notice-partial" data-testid="partial">
          Showing matches since {formatDate(response.coveredFrom)}: the search stopped there, so older
          articles were not searched. Add a filter or a date range to search further back.
        </p>
      ) : null}
      <ol class="hits" start={first}>
        {response.items.map((hit) => (
          <Hit hit={hit} key={hit.id} />
        ))}
      </ol>
      <Pager
        label="Result pages"
        cursors={cursors}
        next={response.cursor}
        onPage={(next) => navigate({ name: 'search', params, cursors: next })}
      />
    </>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  const meta = [
    formatDate(hit.articleDate),
    hit.sourceName,
    hit.section,
    hit.language?.toUpperCase(),
    hit.version > 1 ? `version ${hit.version}` : undefined,
  ].filter(Boolean);
  return (
    <li class="hit">
      <h3 class="hit-title">
        <a
          href={articleHref(hit.id)}
          data-article-id={hit.id}
          onClick={() => {
            lastSearch.openedId = hit.id;
          }}
        >
          {hit.title ? <Marked text={hit.title} ranges={hit.highlights.title} /> : <em>{hit.source.key}</em>}
        </a>
      </h3>
      {hit.subtitle ? (
        <p class="hit-subtitle">
          <Marked text={hit.subtitle} ranges={hit.highlights.subtitle} />
        </p>
      ) : null}
      <p class="hit-meta">{meta.join(' · ')}</p>
      {hit.lead ? (
        <p class="hit-lead">
          <Marked text={hit.lead} ranges={hit.highlights.lead} />
        </p>
      ) : null}
      {hit.rejection ? (
        <p class="hit-rejection">
          Rejected: <code>{hit.rejection.code}</code> {hit.rejection.message}
        </p>
      ) : null}
      {hit.duplicateOf ? (
        <p class="hit-duplicate">
          {hit.duplicateOf.kind === 'exact' ? 'Exact copy' : 'Near copy'} of{' '}
          <a href={articleHref(hit.duplicateOf.id)}>an earlier article</a>
        </p>
      ) : null}
      {hit.entities?.length ? (
        <ul class="hit-entities" aria-label="Names in this article">
          {hit.entities.map((e) => (
            <li key={e.name} class={`entity entity-${e.type}`}>
              {e.name}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function Facets(props: {
  response: SearchResponse;
  params: Params;
  onAdd: (f: Filter | 'month', v: string) => void;
}) {
  const { response, params, onAdd } = props;
  const groups = FACET_GROUPS.filter(({ group }) => response.facets[group]?.length);
  if (groups.length === 0) return null;
  const isActive = (filter: Filter | 'month', value: string) =>
    filter === 'month' ? params.since === value && params.until === value : params[filter] === value;
  const label = (filter: Filter | 'month', facet: FacetCount) =>
    filter === 'month' ? formatMonth(facet.value) : (facet.label ?? facet.value);
  return (
    <aside class="facets" aria-labelledby="facets-heading">
      <h2 id="facets-heading" class="facets-title">
        Narrow down
      </h2>
      {groups.map(({ group, title, filter }) => (
        <section class="facet-group" key={group} aria-labelledby={`facet-${group}`}>
          <h3 id={`facet-${group}`}>{title}</h3>
          <ul>
            {response.facets[group].map((facet) => {
              const on = isActive(filter, facet.value);
              const text = label(filter, facet);
              return (
                <li key={facet.value}>
                  <button
                    type="button"
                    class="facet"
                    data-facet={group}
                    aria-pressed={on ? 'true' : 'false'}
                    disabled={on}
                    aria-label={`${title}: ${text}, ${plural(facet.count, 'article')}${on ? ' (filtering)' : ''}`}
                    onClick={() => onAdd(filter, facet.value)}
                  >
                    <span class="facet-label">{text}</span>
                    <span class="facet-count">{facet.count}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </aside>
  );
}
