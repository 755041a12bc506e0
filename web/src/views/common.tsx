import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { ApiRefusal, ApiUnavailable, SignInRequired } from '../api';

export type Load<T> =
  { state: 'loading' } | { state: 'ok'; data: T } | { state: 'error'; error: Error } | { state: 'sign-in' };

/** Runs `fetcher` whenever `key` changes (aborting the one before), and again on `retry()`. */
export function useLoad<T>(fetcher: (signal: AbortSignal) => Promise<T>, key: string): [Load<T>, () => void] {
  const [attempt, setAttempt] = useState(0);
  const current = `${attempt}:${key}`;
  // Tagged with what it answers, so a new key or a retry shows "loading" at once, never the old answer.
  const [load, setLoad] = useState<{ for: string; load: Load<T> }>({
    for: current,
    load: { state: 'loading' },
  });
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  useEffect(() => {
    const controller = new AbortController();
    const settle = (next: Load<T>) => {
      if (!controller.signal.aborted) setLoad({ for: current, load: next });
    };
    fetcherRef.current(controller.signal).then(
      (data) => settle({ state: 'ok', data }),
      (error: Error) => {
        if (controller.signal.aborted) return;
        if (error instanceof SignInRequired) {
          settle({ state: 'sign-in' });
          onSignInRequired?.();
        } else settle({ state: 'error', error });
      },
    );
    return () => controller.abort();
  }, [current]);
  const shown: Load<T> = load.for === current ? load.load : { state: 'loading' };
  return [shown, () => setAttempt((n) => n + 1)];
}

let onSignInRequired: (() => void) | undefined;
export function whenSignInRequired(handler: () => void): void {
  onSignInRequired = handler;
}

/** The one polite live region: screen readers hear result counts and what loaded. */
let announcer: ((text: string) => void) | undefined;
export function announce(text: string): void {
  announcer?.(text);
}
export function LiveRegion() {
  const [text, setText] = useState('');
  useEffect(() => {
    announcer = (next) => setText((prev) => (prev === next ? `${next}\u00a0` : next));
    return () => {
      announcer = undefined;
    };
  }, []);
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="announcer">
      {text}
    </div>
  );
}

/** A 4xx says what to change; anything else may pass, so it offers to try again. */
export function ErrorNotice({ error, retry, what }: { error: Error; retry: () => void; what: string }) {
  if (error instanceof ApiRefusal) {
    return (
      <div class="notice notice-error" role="alert" data-kind="refused">
        <h2 class="notice-title">The archive refused {what}</h2>
        <p>
          {error.message}
          {error.parameter ? (
            <>
              {' '}
              (parameter <code>{error.parameter}</code>)
            </>
          ) : null}
        </p>
      </div>
    );
  }
  const detail = error instanceof ApiUnavailable ? error.message : 'Something went wrong while loading.';
  return (
    <div class="notice notice-error" role="alert" data-kind="unavailable">
      <h2 class="notice-title">Could not load {what}</h2>
      <p>{detail} It may work if you try again.</p>
      <button type="button" class="button" onClick={retry}>
        Try again
      </button>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="loading" aria-busy="true">
      Loading {what}…
    </p>
  );
}

/** Next / Previous over a stack of cursors kept in the URL, so Back and reload return to the same page. */
export function Pager(props: {
  cursors: string[];
  next?: string;
  onPage: (cursors: string[]) => void;
  label: string;
}) {
  const { cursors, next, onPage, label } = props;
  if (cursors.length === 0 && !next) return null;
  return (
    <nav class="pager" aria-label={label}>
      <button
        type="button"
        class="button"
        disabled={cursors.length === 0}
        onClick={() => onPage(cursors.slice(0, -1))}
      >
        ← Previous page
      </button>
      <span class="pager-page">Page {cursors.length + 1}</span>
      <button
        type="button"
        class="button"
        disabled={!next}
        onClick={() => next && onPage([...cursors, next])}
      >
        Next page →
      </button>
    </nav>
  );
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function formatMonth(value: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  const name = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : value;
}

/** A date as the archive stores it, shown without the clock when it is midnight UTC. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const d = new Date(time);
  const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]!.slice(0, 3)} ${d.getUTCFullYear()}`;
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0) return day;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${day}, ${hh}:${mm} UTC`;
}

export function formatBytes(n: number | undefined): string {
  if (n === undefined) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A heading that takes focus when its view opens, so keyboard and screen reader users start there. */
export function ViewHeading({ children, focus = true }: { children: ComponentChildren; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, []);
  return (
    <h1 class="view-title" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
