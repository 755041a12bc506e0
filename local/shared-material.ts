import { join } from 'node:path';
import { PROJECT_ROOT } from './project-root';

/**
 * The material given beside the checkout (../shared): the seed article and the dev corpus.
 * It is referenced in place, never copied into the project; callers check that it exists.
 */
export const SHARED_DIR = join(PROJECT_ROOT, '..', 'shared');
export const SEED_PATH = join(SHARED_DIR, 'seeds', '000_4eb0d4afc9cd035e.txt');
export const CORPUS_HTML_DIR = join(SHARED_DIR, 'corpus', 'trafilatura-eval', 'html');
