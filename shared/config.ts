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
