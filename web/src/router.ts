import type { Params } from './api';

/** Hash routes: the page is one file, so any static host or CDN can serve it. */
export type Route =
  | { name: 'search'; params: Params; cursors: string[] }
  | { name: 'article'; id: string }
  | { name: 'rejected'; cursors: string[] }
  | { name: 'status' }
  | { name: 'missing'; path: string };

/** The search filters the page knows, in the order the form shows them. */
export const FILTERS = [
  'entity',
  'place',
  'country',
  'topic',
  'section',
  'source',
  'language',
  'status',
  'duplicateOf',
  'since',
  'until',
] as const;
export type Filter = (typeof FILTERS)[number];
export const SEARCH_KEYS = ['q', ...FILTERS] as const;

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = text.split('?', 2) as [string, string?];
  const search = new URLSearchParams(query);
  const cursors = search.getAll('c').filter(Boolean);
  if (path === '/' || path === '/search') {
    const params: Params = {};
    for (const key of SEARCH_KEYS) {
      const value = search.get(key);
      if (value) params[key] = value;
    }
    return { name: 'search', params, cursors };
  }
  const article = /^\/articles\/(.+)$/.exec(path);
  if (article) {
    try {
      return { name: 'article', id: decodeURIComponent(article[1]!) };
    } catch {
      return { name: 'missing', path };
    }
  }
  if (path === '/rejected') return { name: 'rejected', cursors };
  if (path === '/status') return { name: 'status' };
  return { name: 'missing', path };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'search': {
      const search = new URLSearchParams();
      for (const key of SEARCH_KEYS) {
        const value = route.params[key];
        if (value) search.set(key, value);
      }
      for (const cursor of route.cursors) search.append('c', cursor);
      const query = search.toString();
      return query ? `#/search?${query}` : '#/';
    }
    case 'article':
      return `#/articles/${encodeURIComponent(route.id)}`;
    case 'rejected': {
      const search = new URLSearchParams();
      for (const cursor of route.cursors) search.append('c', cursor);
      const query = search.toString();
      return query ? `#/rejected?${query}` : '#/rejected';
    }
    case 'status':
      return '#/status';
    case 'missing':
      return `#${route.path}`;
  }
}

export function navigate(route: Route): void {
  const href = routeHref(route);
  if (location.hash !== href) location.hash = href;
}

export const articleHref = (id: string) => routeHref({ name: 'article', id });
