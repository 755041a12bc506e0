/**
 * The archive's web page: search, article, rejected files and pipeline status over the archive's HTTP API.
 *
 * Preact (3 kB, JSX that always renders text as text nodes) bundled by the esbuild the project already uses
 * for its functions: no second build tool, no runtime code from anywhere but this bundle, nothing that needs
 * 'unsafe-inline' or 'unsafe-eval', so the page runs under the server's strict Content-Security-Policy.
 */
import './styles.css';
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ArchiveClient, loadConfig, type PageConfig } from './api';
import { currentToken, signOut } from './auth';
import { navigate, parseRoute, type Route } from './router';
import { LiveRegion, whenSignInRequired } from './views/common';
import { ArticleScreen } from './views/article';
import { RejectedScreen, StatusScreen } from './views/operations';
import { SearchView } from './views/search';
import { SignInScreen } from './views/sign-in';

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** "/" anywhere but in a text field goes to the search box, as on most search sites. */
function useSlashShortcut(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      const box = document.getElementById('q');
      if (box) box.focus();
      else {
        navigate({ name: 'search', params: {}, cursors: [] });
        requestAnimationFrame(() => document.getElementById('q')?.focus());
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
}

function App({ config }: { config: PageConfig }) {
  const route = useRoute();
  useSlashShortcut();
  const needsSignIn = config.auth.kind === 'cognito';
  const [signedIn, setSignedIn] = useState(() => !needsSignIn || currentToken() !== undefined);
  const client = useMemo(() => new ArchiveClient(config.apiBase, currentToken), [config.apiBase]);
  useEffect(() => {
    whenSignInRequired(() => {
      if (!needsSignIn) return;
      signOut();
      setSignedIn(false);
    });
  }, []);
  useEffect(() => {
    if (route.name === 'search') document.title = 'Search · copydesk archive';
  }, [route.name]);

  const at = (name: Route['name']) => (route.name === name ? 'page' : undefined);
  let view;
  if (config.auth.kind === 'cognito' && !signedIn) {
    view = <SignInScreen config={config.auth} onSignedIn={() => setSignedIn(true)} />;
  } else if (route.name === 'search') {
    view = <SearchView client={client} params={route.params} cursors={route.cursors} />;
  } else if (route.name === 'article') {
    view = <ArticleScreen key={route.id} client={client} id={route.id} />;
  } else if (route.name === 'rejected') {
    view = <RejectedScreen client={client} cursors={route.cursors} />;
  } else if (route.name === 'status') {
    view = <StatusScreen client={client} />;
  } else {
    view = (
      <div>
        <h1 class="view-title">Page not found</h1>
        <p>
          Nothing is at this address. <a href="#/">Search the archive</a>.
        </p>
      </div>
    );
  }
  return (
    <>
      <a class="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <header class="site-header">
        <p class="site-name">
          <a href="#/">copydesk archive</a>
        </p>
        <nav aria-label="Main">
          <ul>
            <li>
              <a href="#/" aria-current={at('search')}>
                Search
              </a>
            </li>
            <li>
              <a href="#/rejected" aria-current={at('rejected')}>
                Rejected files
              </a>
            </li>
            <li>
              <a href="#/status" aria-current={at('status')}>
                Pipeline status
              </a>
            </li>
          </ul>
        </nav>
        {needsSignIn && signedIn ? (
          <button
            type="button"
            class="button button-quiet"
            onClick={() => {
              signOut();
              setSignedIn(false);
            }}
          >
            Sign out
          </button>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        {view}
      </main>
      <footer class="site-footer">
        <p>
          copydesk · press <kbd>/</kbd> to search
        </p>
      </footer>
      <LiveRegion />
    </>
  );
}

/** The skip link must not change the hash (the router owns it): it moves focus instead. */
function skipToMain(event: MouseEvent): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  try {
    const config = await loadConfig();
    root.replaceChildren();
    render(<App config={config} />, root);
  } catch (error) {
    const p = document.createElement('p');
    p.className = 'notice notice-error';
    p.setAttribute('role', 'alert');
    p.textContent = `The page could not start: ${(error as Error).message} Reload to try again.`;
    root.replaceChildren(p);
  }
}

void start();
