import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleView, SearchHit } from '../../../shared/stages/archive-api';
import type { ArticleRecord, EntitySummary } from '../../../shared/core/index-model';
import type { EntityOccurrence, Topic } from '../../../shared/core/article';
import type { ArchiveClient } from '../api';
import { ApiRefusal } from '../api';
import { mentionRanges } from '../highlight';
import { inertFragment } from '../safe-html';
import { articleHref, routeHref } from '../router';
import {
  announce,
  ErrorNotice,
  formatBytes,
  formatDate,
  Loading,
  plural,
  useLoad,
  ViewHeading,
} from './common';
import { lastSearch } from './search';

/** What an archive may add to a record's entities beyond the stored summary; shown when present. */
type ShownEntity = EntitySummary & {
  mentions?: string[];
  count?: number;
  country?: string;
  occurrences?: EntityOccurrence[];
};
type ShownRecord = ArticleRecord & { topics?: Topic[]; subtitle?: string; entities?: ShownEntity[] };

interface Rendition {
  html?: string;
  plain?: string;
  subtitle?: string;
  byline?: string;
}

/** The parts of the published ninjs the page shows: the HTML body (or the plain one), standfirst, byline. */
function renditionOf(ninjs: unknown): Rendition {
  if (typeof ninjs !== 'object' || ninjs === null) return {};
  const doc = ninjs as {
    bodies?: Array<{ role?: string; contentType?: string; value?: unknown }>;
    body_html?: unknown;
    body_text?: unknown;
    headlines?: Array<{ role?: string; value?: unknown }>;
    by?: unknown;
  };
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
  const html = text(doc.bodies?.find((b) => b.contentType === 'text/html')?.value) ?? text(doc.body_html);
  const plain =
    text(doc.bodies?.find((b) => b.contentType === 'text/plain' || b.role === 'main')?.value) ??
    text(doc.body_text);
  return {
    html,
    plain,
    subtitle: text(doc.headlines?.find((h) => h.role === 'sub')?.value),
    byline: text(doc.by),
  };
}

export function ArticleScreen({ client, id }: { client: ArchiveClient; id: string }) {
  const [load, retry] = useLoad(async (signal) => {
    const view = await client.article(id, signal);
    let rendition: Rendition = {};
    let renditionError: string | undefined;
    if (view.ninjs && view.article.status === 'indexed') {
      try {
        rendition = renditionOf(await client.ninjs(id, signal));
      } catch (error) {
        if ((error as Error).name === 'AbortError') throw error;
        renditionError =
          error instanceof ApiRefusal ? error.message : 'The published text could not be loaded.';
      }
    }
    return { view, rendition, renditionError };
  }, id);

  useEffect(() => {
    if (load.state === 'ok') {
      document.title = `${load.data.view.article.title ?? 'Article'} · copydesk archive`;
      announce(`Article loaded: ${load.data.view.article.title ?? load.data.view.article.source.key}`);
    }
  }, [load]);

  return (
    <div class="article-view">
      <p class="back">
        <a href={lastSearch.href}>← Back to results</a>
      </p>
      {load.state === 'loading' ? <Loading what="the article" /> : null}
      {load.state === 'error' ? (
        <>
          <ViewHeading>Article</ViewHeading>
          <ErrorNotice error={load.error} retry={retry} what="this article" />
        </>
      ) : null}
      {load.state === 'ok' ? <Article {...load.data} /> : null}
    </div>
  );
}

function Article(props: { view: ArticleView; rendition: Rendition; renditionError?: string }) {
  const { view, rendition, renditionError } = props;
  const article = view.article as ShownRecord;
  const [selected, setSelected] = useState<string | undefined>();
  const [preview, setPreview] = useState<string | undefined>();
  const entities = article.entities ?? [];
  const shown = entities.find((e) => e.name === (preview ?? selected));
  const forms = shown ? [shown.name, ...(shown.mentions ?? [])] : [];
  const subtitle = article.subtitle ?? rendition.subtitle;
  const byline = article.authors?.join(', ') || rendition.byline;

  const bodyRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Runs after the body (a child) has marked the mentions.
    const count = bodyRef.current?.querySelectorAll('mark.mention').length ?? 0;
    if (selected) announce(`${selected}: ${plural(count, 'mention')} highlighted in the text.`);
  }, [selected]);

  return (
    <article class="article" aria-labelledby="article-title">
      <header class="article-header">
        <ViewHeading>
          <span id="article-title">{article.title ?? article.source.key}</span>
        </ViewHeading>
        {subtitle ? <p class="article-subtitle">{subtitle}</p> : null}
        <p class="article-meta">
          {[
            formatDate(article.articleDate),
            byline ? `By ${byline}` : undefined,
            article.sourceName,
            article.section,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </header>

      {article.status !== 'indexed' ? (
        <div class="notice notice-status" data-status={article.status}>
          <h2 class="notice-title">
            {article.status === 'rejected'
              ? 'This file was rejected'
              : article.status === 'deleted'
                ? 'This article was deleted'
                : 'This is a feed'}
          </h2>
          {article.rejection ? (
            <p>
              <code>{article.rejection.code}</code>: {article.rejection.message}
            </p>
          ) : null}
          {article.deletedAt ? <p>Deleted {formatDate(article.deletedAt)}.</p> : null}
          {article.feed ? (
            <p>
              {article.feed.format} feed with {plural(article.feed.itemCount, 'item')}.
            </p>
          ) : null}
        </div>
      ) : null}

      <div class="article-layout">
        <div class="article-main">
          {rendition.html || rendition.plain ? (
            <Body html={rendition.html} plain={rendition.plain} forms={forms} containerRef={bodyRef} />
          ) : article.status === 'indexed' ? (
            <p class="notice">{renditionError ?? 'The published text is not available yet.'}</p>
          ) : null}
          <History view={view} />
        </div>
        <div class="article-side">
          {entities.length ? (
            <section class="panel" aria-labelledby="entities-heading">
              <h2 id="entities-heading">Names</h2>
              <p class="hint">Point at a name, or select it, to highlight where the text names it.</p>
              <ul class="entity-list">
                {entities.map((entity) => (
                  <li key={entity.name} class={`entity-item entity-${entity.type}`}>
                    <button
                      type="button"
                      class="entity-button"
                      aria-pressed={selected === entity.name ? 'true' : 'false'}
                      onClick={() => setSelected((s) => (s === entity.name ? undefined : entity.name))}
                      onMouseEnter={() => setPreview(entity.name)}
                      onMouseLeave={() => setPreview(undefined)}
                      onFocus={() => setPreview(entity.name)}
                      onBlur={() => setPreview(undefined)}
                    >
                      <span class="entity-name">{entity.name}</span>
                      <span class="entity-type">
                        {entity.type}
                        {entity.country ? `, ${entity.country}` : ''}
                        {entity.captionOnly ? ', captions only' : ''}
                      </span>
                    </button>
                    <EntityDetails entity={entity} />
                    <a
                      class="entity-search"
                      href={routeHref({ name: 'search', params: { entity: entity.name }, cursors: [] })}
                    >
                      Articles naming {entity.name}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {article.topics?.length ? (
            <section class="panel" aria-labelledby="topics-heading">
              <h2 id="topics-heading">Topics</h2>
              <ul class="plain-list">
                {article.topics.map((t) => (
                  <li key={t.code}>
                    <a href={routeHref({ name: 'search', params: { topic: t.code }, cursors: [] })}>
                      {t.label}
                    </a>{' '}
                    <span class="muted">
                      {t.code}, {Math.round(t.confidence * 100)}%
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {article.keyPhrases?.length ? (
            <section class="panel" aria-labelledby="phrases-heading">
              <h2 id="phrases-heading">Key phrases</h2>
              <p>{article.keyPhrases.join(' · ')}</p>
            </section>
          ) : null}
          <Duplicates view={view} />
          <SourceObject article={article} />
        </div>
      </div>
    </article>
  );
}

function EntityDetails({ entity }: { entity: ShownEntity }) {
  const parts: string[] = [];
  if (entity.count !== undefined) parts.push(plural(entity.count, 'mention'));
  if (entity.occurrences?.length) {
    const zones = [...new Set(entity.occurrences.map((o) => o.zone))];
    parts.push(`in ${zones.join(', ')}`);
  }
  parts.push(`salience ${entity.salience.toFixed(2)}`);
  const others = (entity.mentions ?? []).filter((m) => m !== entity.name);
  return (
    <p class="entity-details">
      {parts.join(', ')}
      {others.length ? (
        <>
          <br />
          also named: {others.map((m) => `“${m}”`).join(', ')}
        </>
      ) : null}
    </p>
  );
}

/** The body, rebuilt inert from the HTML rendition, with the chosen entity's mention forms marked. */
function Body(props: {
  html?: string;
  plain?: string;
  forms: string[];
  containerRef: RefObject<HTMLDivElement | null>;
}) {
  const { html, plain, forms, containerRef: ref } = props;
  const key = forms.join('\u0000');
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const fragment = html ? inertFragment(html) : plainFragment(plain ?? '');
    container.replaceChildren(fragment);
    if (forms.length) markMentions(container, forms);
  }, [html, plain, key]);
  return <div class="article-body" ref={ref} data-testid="article-body" />;
}

function plainFragment(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const paragraph of text.split(/\n\s*\n|\n/)) {
    if (!paragraph.trim()) continue;
    const p = document.createElement('p');
    p.textContent = paragraph;
    fragment.appendChild(p);
  }
  return fragment;
}

function markMentions(container: HTMLElement, forms: string[]): number {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  let count = 0;
  for (const node of nodes) {
    const text = node.data;
    const ranges = mentionRanges(text, forms);
    if (!ranges.length) continue;
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const [start, end] of ranges) {
      if (start > at) fragment.appendChild(document.createTextNode(text.slice(at, start)));
      const mark = document.createElement('mark');
      mark.className = 'mention';
      mark.textContent = text.slice(start, end);
      fragment.appendChild(mark);
      at = end;
      count++;
    }
    if (at < text.length) fragment.appendChild(document.createTextNode(text.slice(at)));
    node.replaceWith(fragment);
  }
  return count;
}

function HitLink({ hit }: { hit: SearchHit }) {
  return (
    <>
      <a href={articleHref(hit.id)}>{hit.title ?? hit.source.key}</a>{' '}
      <span class="muted">
        {formatDate(hit.articleDate)}, {hit.sourceName}
      </span>
    </>
  );
}

function Duplicates({ view }: { view: ArticleView }) {
  const { of, copies } = view.duplicates;
  const dup = view.article.duplicateOf;
  if (!of && !dup && copies.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">Copies</h2>
      {dup ? (
        <p>
          {dup.kind === 'exact'
            ? 'An exact copy'
            : `A near copy (${plural(dup.distance, 'bit')} of 64 differ)`}{' '}
          of {of ? <HitLink hit={of} /> : <a href={articleHref(dup.id)}>an earlier article</a>}.
        </p>
      ) : null}
      {copies.length ? (
        <>
          <p>{plural(copies.length, 'later article')} copy this one:</p>
          <ul class="plain-list">
            {copies.map((hit) => (
              <li key={hit.id}>
                <HitLink hit={hit} />
              </li>
            ))}
          </ul>
          <p>
            <a href={routeHref({ name: 'search', params: { duplicateOf: view.article.id }, cursors: [] })}>
              Search all copies
            </a>
          </p>
        </>
      ) : null}
    </section>
  );
}

function SourceObject({ article }: { article: ShownRecord }) {
  const s = article.source;
  const rows: Array<[string, string | undefined]> = [
    ['Bucket', s.bucket],
    ['Key', s.key],
    ['Version id', s.versionId],
    ['ETag', s.etag],
    ['Size', s.size === undefined ? undefined : formatBytes(s.size)],
    ['Content hash', s.contentHash],
    ['Article id', article.id],
    ['Language', article.language],
    ['Words', article.wordCount === undefined ? undefined : String(article.wordCount)],
    ['Parser', article.parser?.version],
    ['Tagger', article.tagger ? `${article.tagger.engine} ${article.tagger.version}` : undefined],
    ['First indexed', formatDate(article.firstIndexedAt)],
    ['Updated', formatDate(article.updatedAt)],
  ];
  return (
    <section class="panel" aria-labelledby="source-heading">
      <h2 id="source-heading">Source file</h2>
      <dl class="facts">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>
                <code>{v}</code>
              </dd>
            </div>
          ))}
      </dl>
    </section>
  );
}

function History({ view }: { view: ArticleView }) {
  if (!view.history.length) return null;
  return (
    <section class="panel history" aria-labelledby="history-heading">
      <h2 id="history-heading">Processing history</h2>
      <table>
        <caption class="visually-hidden">What happened to this article, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">Version</th>
            <th scope="col">Event token</th>
          </tr>
        </thead>
        <tbody>
          {view.history.map((h, i) => (
            <tr key={i}>
              <td>{formatDate(h.at)}</td>
              <td>{h.event}</td>
              <td>{h.version}</td>
              <td>
                <code>{h.versionToken}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
