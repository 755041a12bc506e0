import { gunzipSync } from 'node:zlib';
import type { Rejection } from '../article';

export type Gunzipped = { ok: true; bytes: Uint8Array } | { ok: false; rejection: Rejection };

/**
 * Inflates with a hard cap on the output so a small decompression bomb cannot exhaust Lambda memory: zlib
 * stops at `maxBytes` instead of us measuring after the fact.
 */
export function gunzipCapped(bytes: Uint8Array, maxBytes: number): Gunzipped {
  try {
    const out = gunzipSync(bytes, { maxOutputLength: Math.max(1, maxBytes) });
    return { ok: true, bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength) };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      return {
        ok: false,
        rejection: { code: 'TOO_LARGE', message: `gzip content inflates to more than ${maxBytes} bytes` },
      };
    }
    const why = /unexpected end/i.test(e.message) ? 'truncated' : 'corrupt';
    return { ok: false, rejection: { code: 'BINARY', message: `gzip data is ${why}: ${e.message}` } };
  }
}
