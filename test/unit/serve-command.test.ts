import { parsePort, serve } from '../../cli/commands/serve';
import { CliError } from '../../cli/errors';
import type { Target } from '../../cli/target';
import { fakeArchive } from '../support/fake-archive';

const targetWith = (archive = fakeArchive()) =>
  ({ archive, endpoint: 'http://127.0.0.1:4566' }) as unknown as Target;

describe('copydesk serve (the command)', () => {
  test('prints the URL it serves on, loopback by default', async () => {
    const printed: string[] = [];
    const server = await serve(
      targetWith(),
      { port: '0' },
      (line) => printed.push(line),
      () => undefined,
    );
    try {
      expect(printed).toEqual([server.url]);
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const status = await fetch(`${server.url}api/status`);
      expect(status.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  test('says how to start the emulator when the archive cannot be reached', async () => {
    const unreachable = fakeArchive({
      failWith: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });
    const attempt = serve(
      targetWith(unreachable),
      { port: '0' },
      () => undefined,
      () => undefined,
    );
    await expect(attempt).rejects.toThrow(/copydesk up/);
    await expect(attempt).rejects.toMatchObject({ exitCode: 3 });
  });

  test('an explicit --host may leave loopback, with a warning', async () => {
    const warnings: string[] = [];
    const server = await serve(
      targetWith(),
      { port: '0', host: '0.0.0.0' },
      () => undefined,
      (l) => warnings.push(l),
    );
    await server.close();
    expect(warnings.join('\n')).toMatch(/no sign-in/);
  });

  test.each([
    [undefined, 8787],
    ['0', 0],
    ['9000', 9000],
  ])('--port %s is %d', (value, port) => {
    expect(parsePort(value)).toBe(port);
  });

  test.each(['http', '-1', '70000', '80.5'])('--port %s is a usage error', (value) => {
    expect(() => parsePort(value)).toThrow(CliError);
    try {
      parsePort(value);
    } catch (error) {
      expect((error as CliError).exitCode).toBe(2);
    }
  });
});
