import type { TaggerEngine } from './core/article';
import { DEFAULT_INLINE_MESSAGE_BYTES, DEFAULT_MAX_INPUT_BYTES, ENV } from './topology';

/** Thrown at module load when a function is deployed without the wiring it needs: fail fast, not per message. */
export class ConfigError extends Error {}

export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value) throw new ConfigError(`missing environment variable ${name}`);
  return value;
}

export function positiveIntEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

export const maxInputBytes = (env: NodeJS.ProcessEnv = process.env) =>
  positiveIntEnv(ENV.maxInputBytes, DEFAULT_MAX_INPUT_BYTES, env);

export const inlineMessageBytes = (env: NodeJS.ProcessEnv = process.env) =>
  positiveIntEnv(ENV.inlineMessageBytes, DEFAULT_INLINE_MESSAGE_BYTES, env);

/** Every engine, as a record so that adding one to TaggerEngine without listing it here fails to compile. */
const TAG_ENGINES: Record<TaggerEngine, true> = { copydesk: true, comprehend: true };
export const DEFAULT_TAG_ENGINE: TaggerEngine = 'copydesk';

/** Reads an engine name from wherever it was configured (`where` names that place in the error). */
export function parseTagEngine(value: unknown, where: string): TaggerEngine {
  if (value === undefined || value === '') return DEFAULT_TAG_ENGINE;
  if (typeof value === 'string' && Object.hasOwn(TAG_ENGINES, value)) return value as TaggerEngine;
  const known = Object.keys(TAG_ENGINES).join(', ');
  throw new ConfigError(`${where} must be one of ${known}, got ${JSON.stringify(value)}`);
}

export const tagEngine = (env: NodeJS.ProcessEnv = process.env): TaggerEngine =>
  parseTagEngine(env[ENV.tagEngine], ENV.tagEngine);
