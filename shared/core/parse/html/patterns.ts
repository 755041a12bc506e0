import type { Element } from '../dom';

/**
 * The vocabulary of page furniture, as class/id tokens. Split into "chrome" (removed anywhere on the page
 * unless it holds the article) and "debris" (removed inside the chosen article: share bars, tag lists,
 * author boxes, related teasers). The words are generic CMS conventions, never one site's markup.
 */

/** Elements that carry no readable prose (or only widgets); removed before anything is scored. */
export const NON_CONTENT_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'canvas',
  'video',
  'audio',
  'button',
  'select',
  'option',
  'optgroup',
  'input',
  'textarea',
  'datalist',
  'head',
  'link',
  'meta',
  'title',
  'dialog',
  'map',
  'area',
  'label',
  'menu',
  'nav',
]);

/** Landmark roles that are never the article. */
export const CHROME_ROLES =
  /^(?:navigation|contentinfo|banner|complementary|menu|menubar|search|dialog|alert|alertdialog|toolbar|tablist)$/i;

/**
 * Page-level chrome by class/id token. A token is a run of letters/digits; matching is on token
 * boundaries ("comment" in "comment-list", not in "commentary"), so "article-header" or "has-sidebar" do not
 * match "header"/"sidebar" containers by accident (see isChrome).
 */
const CHROME_TOKENS =
  /(?:^|[^a-z0-9])(?:comments?|commentlist|comment-?list|comment-?section|comment-?form|disqus|respond|replies|reply|share|shares|sharing|sharebar|share-?buttons?|social|socials|social-?media|sharedaddy|related|related-?(?:posts?|articles?|stories|content|links)|recommended|recommendations|recirc|promo|promos|newsletter|subscribe|subscription|signup|cookies?|cookie-?(?:banner|notice|consent)|consent|gdpr|sidebar|side-?bar|menu|navbar|navigation|subnav|nav|breadcrumbs?|bread-?crumbs?|footer|site-?footer|page-?footer|masthead|site-?header|page-?header|banner|advertisement|advertising|sponsor|sponsored|popup|modal|overlay|pagination|pager|outbrain|taboola|plista|most-?popular|most-?read|trending|login|paywall|skip-?link|skiplinks?|toolbar|tooltip|lightbox|jump-?to)(?:$|[^a-z0-9])/;

/** Containers named after what they contain, which must never be dropped for a furniture word beside it. */
const CONTENT_TOKENS =
  /(?:^|[^a-z0-9])(?:article|articlebody|article-?body|article-?content|post-?content|post-?body|entry-?content|entry|story|story-?body|main|main-?content|content|body|text|page|wrapper|container|layout|has-[a-z-]+|with-[a-z-]+)(?:$|[^a-z0-9])/;

export const idClass = (el: Element): string => {
  const c = el.attrs['class'];
  const i = el.attrs['id'];
  if (!c && !i) return '';
  return `${c ?? ''} ${i ?? ''}`.toLowerCase();
};

/** "has-sidebar", "with-menu", "sidebar-layout": layout classes on containers, not furniture. */
const LAYOUT_MODIFIER =
  /(?:^|\s)(?:has|with|no|without|is)-[a-z-]+|(?:-layout|-wrap(?:per)?|-container|-open|-active)(?:\s|$)/g;

/** Ad slots by whole class token only: "ad", "ad-slot", "adsbygoogle", never a BEM modifier like "--ads". */
const AD_TOKEN =
  /(?:^|\s)(?:ad|ads|advert\w*|ad[-_](?:slot|container|wrapper|unit|box|banner|zone|block)[\w-]*|adsbygoogle|google-?ads?\w*|dfp-?\w*)(?:\s|$)/;

export function isChrome(el: Element): boolean {
  const role = el.attrs['role'];
  if (role && CHROME_ROLES.test(role.trim())) return true;
  const s = idClass(el);
  if (!s) return false;
  // BEM modifiers ("section--ads", "layout--has-sidebar") describe a block's variant, not what it is.
  const stripped = s.replace(/--[a-z0-9_-]+/g, '').replace(LAYOUT_MODIFIER, ' ');
  if (AD_TOKEN.test(stripped)) return true;
  if (!CHROME_TOKENS.test(stripped)) return false;
  // "article-footer" is chrome, "article-header-wrapper" or "main-content has-sidebar" is not.
  // Judged per class token, so "entry share" (a content box with a share modifier) is content.
  const contentish = s
    .split(/\s+/)
    .some(
      (t) =>
        CONTENT_TOKENS.test(t) && !/footer|comment|share|social|related|newsletter|promo|ad-|advert/.test(t),
    );
  return !contentish;
}

/**
 * Debris inside an article: the bits a CMS wraps around the prose within the article container. These are
 * matched as substrings (like trafilatura's discard rules) because inside the article the cost of a false
 * positive is a line, not the page.
 */
const DEBRIS =
  /(?:^|[\s_-])(?:footer|related|share|sharing|social|sociable|syndication|newsletter|subnav|cookie|tags?(?:$|[\s_-])|tag-?list|tagcloud|sidebar|banner|meta(?:$|[\s_-])|post-?meta|entry-?meta|article-?meta|menu|breadcrumb|bread-crumb|author|button|byline|rating|widget|attachment|timestamp|dateline|user-?info|user-?profile|advert|article-?infos?|infoline|outbrain|taboola|criteo|consent|modal|paywall|premium-|next-?post|prev-?post|side-?stories|more-?stories|read-?more|readmore|most-?popular|comment|disqus|respond|reply|akismet|hide-|noprint|print-?only|sr-only|visually-?hidden|screen-?reader|promo|teaser-?list|recommend|toolbar|tooltip|pagination|pager(?:$|[\s_-])|skip|login|signup|subscribe|donat|(?:post|entry|article)-?(?:date|time|info|details|tools|actions|nav|navigation|categories|category|tags))/;

export function isDebris(el: Element): boolean {
  const role = el.attrs['role'];
  if (role && CHROME_ROLES.test(role.trim())) return true;
  const s = idClass(el).replace(/--[a-z0-9_-]+/g, '');
  return !!s && (DEBRIS.test(s) || AD_TOKEN.test(s));
}

/** Hidden by markup: the hidden attribute, aria-hidden, or an inline style that hides it. */
export function isHidden(el: Element): boolean {
  const a = el.attrs;
  if ('hidden' in a) return true;
  if (a['aria-hidden'] === 'true' && el.tag !== 'span' && el.tag !== 'i') return true;
  const style = a['style'];
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Class/id cues Readability weighs: prose containers up, furniture down. */
export const POSITIVE_HINT =
  /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose|longform|lede|rich-?text/;
export const NEGATIVE_HINT =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|teaser|recommend|newsletter|social|nav|menu|byline|author/;

/** Content containers by name, in the order trafilatura trusts them: explicit article-body classes first. */
export const BODY_CONTAINER =
  /(?:^|[\s_-])(?:post-?text|post_text|post-?body|post-?entry|postentry|post-?content|post_content|postcontent|post_inner_wrapper|article-?text|articletext|entry-?content|article-?content|article__content|article-?body|article__body|articlebody|body-?text|text-?content|story-?body|story-?content|storycontent|field-?body|fulltext|full-?text|single-?content|blog-?content|rich-?text|richtext|article-?main|main-?text|news-?text|news-?content|content-?body|content__body|page-?content|detail-?content|article__text|text__body|textbody)(?:$|[\s_-])/;
