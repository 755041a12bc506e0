import type { ArticleImage, Block, Caption } from '../article';

/** What a format-specific extractor hands back; parseDocument turns it into a ParsedArticle. */
export interface Extracted {
  title: string;
  /** Standfirst / dek / description shown under the headline. */
  subtitle?: string;
  /** Body text as paragraphs; when `blocks` is given, these are its texts in order. */
  paragraphs: string[];
  /** The body with its structure (headings, lists, quotes); absent means every paragraph is a 'paragraph'. */
  blocks?: Block[];
  captions: Caption[];
  /** Every image of the article, the lead image first when there is one. */
  images?: ArticleImage[];
  section?: string;
  breadcrumb?: string[];
  authors: string[];
  publishedAt?: string;
  modifiedAt?: string;
  canonicalUrl?: string;
  siteName?: string;
  /** Language the document declares (e.g. <html lang>), already normalised; detection fills in otherwise. */
  declaredLanguage?: string;
}
