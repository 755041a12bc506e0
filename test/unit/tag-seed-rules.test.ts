import { tagArticle } from '../../shared/core/tag';
import { findEntity, parsedArticle } from '../support/parsed-article';

/**
 * The rules the seed article exercises (test/unit/tag.test.ts, which needs ../shared), each on a story of
 * our own, so a clone without ../shared still covers them.
 */
const NOW = new Date('2024-05-01T12:00:00Z');

const article = (title: string, paragraphs: string[]) => parsedArticle(title, paragraphs, [], NOW);
const find = findEntity;

describe('a capital standing for its government', () => {
  const t = tagArticle(
    article('Russia and Britain trade accusations over expelled diplomats', [
      'Russia and Britain expelled two diplomats each on Tuesday, the latest step in a long quarrel.',
      'Moscow denied any part in the affair and said the expulsions were unfounded.',
      'London regards the matter as closed, a government spokesman said, while critics in Russia accused London of staging the row.',
      'The diplomats left Manchester and Saint Petersburg by train.',
    ]),
    NOW,
  );

  it('keeps Moscow and London places, noting each time they act for their governments', () => {
    expect(find(t, 'place', 'Moscow')!.metonymFor).toEqual({
      name: 'Government of Russia',
      type: 'organization',
      count: 1,
    });
    expect(find(t, 'place', 'London')!.metonymFor).toEqual({
      name: 'Government of United Kingdom',
      type: 'organization',
      count: 2,
    });
  });

  it('does not read a city that is not its country’s capital, or a capital merely named, as a government', () => {
    for (const name of ['Manchester', 'Saint Petersburg'])
      expect(find(t, 'place', name)?.metonymFor).toBeUndefined();
    const named = tagArticle(
      article('Marathon returns', ['The marathon returns to Moscow in May, its organisers in Berlin said.']),
      NOW,
    );
    expect(find(named, 'place', 'Moscow')?.metonymFor).toBeUndefined();
  });
});

describe('an office standing for the person who holds it', () => {
  const t = tagArticle(
    article('Brazil and Portugal sign fisheries pact', [
      'Brazilian Foreign Minister Mauro Vieira met Portuguese Foreign Minister Paulo Rangel in Lisbon on Monday.',
      'The Brazilian foreign minister said the pact would protect coastal fishing towns.',
      'Rangel said the agreement would be ratified this year.',
    ]),
    NOW,
  );

  it('counts "the Brazilian foreign minister" as a mention of Mauro Vieira, and names no office as an entity', () => {
    expect(find(t, 'person', 'Mauro Vieira')!.mentions).toContain('The Brazilian foreign minister');
    expect(find(t, 'person', 'Paulo Rangel')!.mentions).toEqual(
      expect.arrayContaining(['Paulo Rangel', 'Rangel']),
    );
    expect(t.entities.some((e) => /minister/i.test(e.name))).toBe(false);
  });
});

describe('one place under two names', () => {
  it('merges the Falklands and the Malvinas into one place', () => {
    const t = tagArticle(
      article('Argentina renews claim to islands', [
        'Argentina renewed its claim to the Malvinas on Thursday, calling for talks.',
        'Britain, which has governed the Falklands since 1833, rejected the call.',
      ]),
      NOW,
    );
    const islands = t.entities.filter((e) => e.mentions.some((m) => /Malvinas|Falklands/.test(m)));
    expect(islands).toHaveLength(1);
    expect(islands[0]).toMatchObject({ type: 'place', country: 'FK' });
    expect(islands[0]!.mentions).toEqual(expect.arrayContaining(['Malvinas', 'Falklands']));
  });
});

describe('family-name-first names and possessives', () => {
  const t = tagArticle(
    article('Seoul and Hanoi agree on trade', [
      'South Korean President Lee Jae-myung met Vietnamese Prime Minister Pham Minh Chinh in Hanoi on Friday.',
      'Lee said Korea’s investment in Vietnam would double. Vietnam’s exports to South Korea rose last year.',
      'Pham said the two countries would open a new air route.',
    ]),
    NOW,
  );

  it('merges a family name used alone into the full name', () => {
    expect(find(t, 'person', 'Pham Minh Chinh')!.mentions).toEqual(expect.arrayContaining(['Pham']));
    expect(t.entities.some((e) => e.name === 'Pham')).toBe(false);
  });

  it('names places without their possessive, and gives each its country', () => {
    const all = t.entities.flatMap((e) => [e.name, ...e.mentions]);
    expect(all).not.toContain('Vietnam’s');
    expect(find(t, 'place', 'Vietnam')?.country).toBe('VN');
    expect(find(t, 'place', 'Hanoi')?.country).toBe('VN');
    expect(find(t, 'place', 'South Korea')?.country).toBe('KR');
    expect(t.entities.some((e) => /^(Vietnamese|Korean|South Korean)$/.test(e.name))).toBe(false);
  });
});
