import type { Caption } from '../article';

/** What a format-specific extractor hands back; parseDocument turns it into a ParsedArticle. */
export interface Extracted {
  title: string;
  paragraphs: string[];
  captions: Caption[];
  section?: string;
  breadcrumb?: string[];
  authors: string[];
  publishedAt?: string;
  /** Language the document declares (e.g. <html lang>), already normalised; detection fills in otherwise. */
  declaredLanguage?: string;
}
