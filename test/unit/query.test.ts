import { InvalidQueryError, validateQuery } from '../../shared/stages/query';
import { queryFromFlags } from '../../cli/commands/read';
import { CliError } from '../../cli/errors';

describe('validateQuery', () => {
  it('accepts each access pattern', () => {
    expect(validateQuery({ op: 'get', id: ' abc ' })).toEqual({ op: 'get', id: 'abc' });
    expect(validateQuery({ op: 'list' })).toMatchObject({ op: 'list', by: 'newest', limit: 20 });
    for (const by of ['entity', 'section', 'tag', 'source']) {
      expect(
        validateQuery({ op: 'list', by, value: 'x', since: '2026-01-01', until: '2026-11-29', limit: 5 }),
      ).toEqual({
        op: 'list',
        by,
        value: 'x',
        since: '2026-01-01',
        until: '2026-11-29',
        limit: 5,
        cursor: undefined,
      });
    }
    expect(validateQuery({ op: 'list', by: 'status', value: 'rejected' })).toMatchObject({
      value: 'rejected',
    });
    expect(validateQuery({ op: 'counts' })).toEqual({ op: 'counts' });
  });

  it.each([
    [null, 'request must be a JSON object'],
    [{ op: 'drop' }, '"op" must be one of'],
    [{ op: 'get' }, '"id" is required'],
    [{ op: 'list', by: 'author', value: 'x' }, '"by" must be one of'],
    [{ op: 'list', by: 'entity' }, '"value" is required'],
    [{ op: 'list', by: 'status', value: 'lost' }, 'status must be one of'],
    [{ op: 'list', limit: 0 }, '"limit" must be an integer from 1 to 100'],
    [{ op: 'list', limit: 1000 }, '"limit" must be an integer from 1 to 100'],
    [{ op: 'list', since: 'last week' }, '"since" must be an ISO 8601 date'],
  ])('rejects %j with a reason', (input, reason) => {
    expect(() => validateQuery(input)).toThrow(InvalidQueryError);
    expect(() => validateQuery(input)).toThrow(reason);
  });
});

describe('queryFromFlags', () => {
  it('maps CLI flags to one facet query', () => {
    expect(queryFromFlags({ entity: 'Wang Yi', since: '2026-01-01', limit: '5' })).toMatchObject({
      by: 'entity',
      value: 'Wang Yi',
      since: '2026-01-01',
      limit: 5,
    });
    expect(queryFromFlags({})).toMatchObject({ by: 'newest' });
  });

  it('refuses two facets at once, and bad values, with exit code 2', () => {
    expect(() => queryFromFlags({ entity: 'a', section: 'b' })).toThrow(CliError);
    try {
      queryFromFlags({ limit: 'ten' });
    } catch (error) {
      expect((error as CliError).exitCode).toBe(2);
    }
    expect.assertions(2);
  });
});
