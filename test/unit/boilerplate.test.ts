import { isBoilerplate, trimTrailingFooter } from '../../shared/core/parse/boilerplate';

describe('mirror and app-access footers', () => {
  it.each([
    'This website can also be accessed at the following alternate domains:',
    'Our journalism can also be read through these mirror sites if the main address is blocked.',
    'The newsroom may also be reached via our apps on iOS and Android.',
    'This page can be accessed on the following alternative addresses',
  ])('takes %j for furniture', (line) => {
    expect(isBoilerplate(line)).toBe(true);
  });

  it.each([
    'The island can be reached through the following route over the causeway at low tide.',
    'Records can be accessed at the county archive, which opens on Mondays.',
  ])('keeps prose that only shares the words: %j', (line) => {
    expect(isBoilerplate(line)).toBe(false);
  });

  it('drops such a footer, and the addresses after it, from the end of an article', () => {
    const story = [
      'The ferry service resumed on Monday after a week of storms closed the crossing.',
      'Operators said timetables would return to normal by the weekend.',
    ];
    const footer = [
      'This site can also be accessed at the following alternate domains:',
      'news-mirror-one.example',
      'news-mirror-two.example',
    ];
    expect(trimTrailingFooter([...story, ...footer])).toEqual(story);
  });
});
