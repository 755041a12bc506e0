import { useEffect } from 'preact/hooks';
import type { ArchiveClient } from '../api';
import { articleHref, navigate } from '../router';
import { announce, ErrorNotice, formatDate, Loading, Pager, plural, useLoad, ViewHeading } from './common';

const PAGE_SIZE = 20;

export function RejectedScreen({ client, cursors }: { client: ArchiveClient; cursors: string[] }) {
  const key = JSON.stringify(cursors);
  const [load, retry] = useLoad(
    (signal) => client.rejected({ limit: String(PAGE_SIZE), cursor: cursors[cursors.length - 1] }, signal),
    key,
  );
  useEffect(() => {
    document.title = 'Rejected files · copydesk archive';
  }, []);
  useEffect(() => {
    if (load.state === 'ok')
      announce(`${load.data.complete ? '' : 'At least '}${plural(load.data.total, 'rejected file')}.`);
  }, [load]);
  return (
    <div class="rejected-view">
      <ViewHeading>Rejected files</ViewHeading>
      <p class="intro">
        Files the pipeline could not turn into an article, newest first, with the reason. Fix the file and
        upload it again under the same key to replace the record.
      </p>
      {load.state === 'loading' ? <Loading what="rejected files" /> : null}
      {load.state === 'error' ? (
        <ErrorNotice error={load.error} retry={retry} what="the rejected files" />
      ) : null}
      {load.state === 'ok' ? (
        load.data.items.length === 0 && cursors.length === 0 ? (
          <p class="notice notice-empty">No file has been rejected.</p>
        ) : (
          <>
            <p class="result-count">
              {load.data.complete ? '' : 'At least '}
              {plural(load.data.total, 'rejected file')}.
            </p>
            <table class="rejected-table">
              <caption class="visually-hidden">Rejected files and their reasons</caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Source</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {load.data.items.map((hit) => (
                  <tr key={hit.id}>
                    <td>
                      <a href={articleHref(hit.id)}>{hit.source.key}</a>
                    </td>
                    <td>
                      {hit.rejection ? (
                        <>
                          <code class="reason-code">{hit.rejection.code}</code> {hit.rejection.message}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{hit.sourceName}</td>
                    <td>{formatDate(hit.articleDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager
              label="Rejected file pages"
              cursors={cursors}
              next={load.data.cursor}
              onPage={(next) => navigate({ name: 'rejected', cursors: next })}
            />
          </>
        )
      ) : null}
    </div>
  );
}

export function StatusScreen({ client }: { client: ArchiveClient }) {
  const [load, retry] = useLoad((signal) => client.status(signal), 'status');
  useEffect(() => {
    document.title = 'Pipeline status · copydesk archive';
  }, []);
  useEffect(() => {
    if (load.state === 'ok') announce('Pipeline status loaded.');
  }, [load]);
  return (
    <div class="status-view">
      <ViewHeading>Pipeline status</ViewHeading>
      {load.state === 'loading' ? <Loading what="the status" /> : null}
      {load.state === 'error' ? <ErrorNotice error={load.error} retry={retry} what="the status" /> : null}
      {load.state === 'ok' ? (
        <>
          <div class="status-grid">
            <section class="panel" aria-labelledby="counts-heading">
              <h2 id="counts-heading">Articles</h2>
              <dl class="counts">
                {Object.entries(load.data.articles).map(([status, count]) => (
                  <div key={status}>
                    <dt>{status}</dt>
                    <dd>{count.toLocaleString('en')}</dd>
                  </div>
                ))}
              </dl>
              {load.data.newest ? (
                <p>
                  Newest:{' '}
                  <a href={articleHref(load.data.newest.id)}>
                    {load.data.newest.title ?? load.data.newest.id}
                  </a>{' '}
                  <span class="muted">{formatDate(load.data.newest.articleDate)}</span>
                </p>
              ) : null}
            </section>
            <section class="panel" aria-labelledby="queues-heading">
              <h2 id="queues-heading">Queues</h2>
              <table class="queues-table">
                <caption class="visually-hidden">
                  Messages waiting in each stage's queue and its dead-letter queue
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Stage</th>
                    <th scope="col">Waiting</th>
                    <th scope="col">Dead-lettered</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(load.data.queues).map(([stage, q]) => (
                    <tr key={stage} class={q.deadLettered > 0 ? 'row-alert' : undefined}>
                      <th scope="row">{stage}</th>
                      <td>{q.waiting}</td>
                      <td>
                        {q.deadLettered}
                        {q.deadLettered > 0 ? <span class="badge"> needs attention</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p class="hint">
                Dead-lettered messages failed five times; <code>copydesk redrive &lt;stage&gt;</code> sends
                them back.
              </p>
            </section>
          </div>
          <button type="button" class="button" onClick={retry}>
            Refresh
          </button>
        </>
      ) : null}
    </div>
  );
}
