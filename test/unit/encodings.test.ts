import { gzipSync } from 'node:zlib';
import type { ParseOutcome, ParsedArticle } from '../../shared/core/article';
import { decodeText } from '../../shared/core/parse/decode';
import { parseDocument } from '../../shared/core/parse';
import { encodeLegacy } from '../support/legacy-encoding';

/**
 * Real-looking news text in the legacy encodings still found in archives and regional sites, encoded
 * byte for byte as those systems wrote it. Undeclared ones must be detected; declared ones honoured;
 * none may come out as mojibake.
 */

const parse = (bytes: Uint8Array, contentType?: string): Promise<ParseOutcome> =>
  parseDocument({ bytes, id: 'enc', source: { path: 'fixture' }, contentType });

async function one(pending: Promise<ParseOutcome>): Promise<ParsedArticle> {
  const outcome = await pending;
  if (!outcome.ok)
    throw new Error(`expected an article, got ${outcome.rejection.code}: ${outcome.rejection.message}`);
  if (!outcome.article) throw new Error('expected one article');
  return outcome.article;
}

const ARTICLES: Array<{ label: string; lang: string; title: string; body: string[] }> = [
  {
    label: 'shift_jis',
    lang: 'ja',
    title: '東京都、新しい防災計画を発表',
    body: [
      '東京都は月曜日、新しい防災計画を発表した。計画では、大地震が発生した場合に備えて、避難所の数を増やし、食料や水の備蓄を強化する。',
      '知事は記者会見で「都民の命を守ることが最優先だ」と述べ、来年度の予算に関連費用を盛り込む考えを示した。',
    ],
  },
  {
    label: 'euc-jp',
    lang: 'ja',
    title: '大阪で記録的な大雨',
    body: [
      '大阪府では日曜日、記録的な大雨となり、一部の地域で避難指示が出された。気象庁によると、雨は月曜日の朝まで続く見込みだ。',
      '鉄道各社は運転を見合わせており、通勤への影響が懸念されている。',
    ],
  },
  {
    label: 'gb18030',
    lang: 'zh',
    title: '北京将新建二十座公园',
    body: [
      '北京市政府周一宣布，将在未来三年内新建二十座公园，以改善城市居民的生活环境。',
      '市长在新闻发布会上表示，这些公园将向所有市民免费开放，并将增加大量绿地和运动设施。',
    ],
  },
  {
    label: 'big5',
    lang: 'zh',
    title: '台北捷運新線通車',
    body: [
      '台北市政府週一宣布，捷運環狀線北段將於明年底通車，預計每天可服務超過十萬名乘客。',
      '市長在記者會上表示，新路線將大幅縮短市民的通勤時間，並減少市區的交通壅塞。',
    ],
  },
  {
    label: 'euc-kr',
    lang: 'ko',
    title: '서울시, 새 교통 계획 발표',
    body: [
      '서울시는 월요일 새로운 교통 계획을 발표했다. 계획에 따르면 시는 앞으로 5년 동안 버스 노선을 확대하고 지하철 운행 횟수를 늘릴 예정이다.',
      '시장은 기자회견에서 대중교통을 확대하겠다고 말했다.',
    ],
  },
  {
    label: 'koi8-r',
    lang: 'ru',
    title: 'В Москве откроют двадцать новых парков',
    body: [
      'Правительство Москвы в понедельник объявило о строительстве двадцати новых парков в ближайшие три года.',
      'Мэр заявил, что парки будут открыты для всех жителей города, а в каждом из них появятся спортивные площадки.',
    ],
  },
  {
    label: 'windows-1251',
    lang: 'ru',
    title: 'Мост через Неву закроют на ремонт',
    body: [
      'Городские власти Санкт-Петербурга сообщили во вторник, что мост через Неву будет закрыт на ремонт до конца лета.',
      'Водителям рекомендуют пользоваться объездными маршрутами, а общественный транспорт изменит расписание.',
    ],
  },
  {
    label: 'iso-8859-7',
    lang: 'el',
    title: 'Νέα πάρκα στην Αθήνα',
    body: [
      'Η κυβέρνηση ανακοίνωσε τη Δευτέρα ένα νέο σχέδιο για την κατασκευή είκοσι νέων πάρκων στην Αθήνα μέσα στα επόμενα τρία χρόνια.',
      'Ο δήμαρχος δήλωσε ότι τα πάρκα θα είναι ανοιχτά σε όλους τους κατοίκους της πόλης.',
    ],
  },
  {
    label: 'windows-1252',
    lang: 'fr',
    title: 'Le café «Chez Marcel» rouvre ses portes',
    body: [
      'Le café «Chez Marcel» a rouvert ses portes lundi après des travaux qui ont duré près d’un an, a annoncé la mairie.',
      'Les habitués ont salué le retour de leur établissement préféré — et de son célèbre croque-monsieur à 8 €.',
    ],
  },
  {
    label: 'iso-8859-2',
    lang: 'pl',
    title: 'Upał w Krakowie nie odpuszcza',
    body: [
      'Mieszkańcy są zmęczeni po tygodniu upału, a miasto czeka na deszcz od wielu dni. Władze zapowiedziały pomoc dla najstarszych.',
      'Synoptycy przewidują, że ochłodzenie przyjdzie dopiero w przyszłym tygodniu, gdy nad Polskę nadciągnie front atmosferyczny.',
    ],
  },
];

const asText = (a: (typeof ARTICLES)[number]) => [a.title, '', ...a.body.flatMap((p) => [p, ''])].join('\n');

describe('undeclared legacy encodings are detected, never mojibake', () => {
  it.each(ARTICLES)('$label plain text ($lang)', async (article) => {
    const bytes = encodeLegacy(asText(article), article.label);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({
      ok: true,
      text: asText(article),
      encoding: expect.stringContaining(article.label),
    });
    // Through the whole parser (which paragraphs the text-dump reader keeps is its own business).
    const a = await one(parse(bytes));
    expect(a.format).toBe('text');
    const all = `${a.title}\n${a.body.text}`;
    expect([article.title, article.body[0]!].some((part) => all.includes(part.slice(0, 20)))).toBe(true);
    expect(all).not.toMatch(/\uFFFD|Ã|Ð|Ñ/);
  });

  it.each(ARTICLES.filter((a) => ['shift_jis', 'gb18030', 'koi8-r', 'iso-8859-7'].includes(a.label)))(
    '$label HTML without a charset declaration',
    async (article) => {
      const html = `<!DOCTYPE html><html><head><title>${article.title}</title></head><body><article><h1>${article.title}</h1>${article.body.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
      const a = await one(parse(encodeLegacy(html, article.label)));
      expect(a.format).toBe('html');
      expect(a.title).toBe(article.title);
      expect(a.body.text).toContain(article.body[0]!);
    },
  );
});

describe('declared encodings are honoured', () => {
  const [sjis, , gb, , , koi, , greek] = ARTICLES;

  it('<meta charset> and <meta http-equiv> in HTML', async () => {
    const page = (charset: string, a: (typeof ARTICLES)[number], httpEquiv = false) =>
      `<html><head>${httpEquiv ? `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">` : `<meta charset="${charset}">`}<title>${a.title}</title></head><body><h1>${a.title}</h1>${a.body.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
    expect((await one(parse(encodeLegacy(page('Shift_JIS', sjis!), 'shift_jis')))).body.text).toContain(
      sjis!.body[0],
    );
    // Labels outside the WHATWG list that Windows software writes.
    expect((await one(parse(encodeLegacy(page('cp932', sjis!, true), 'shift_jis')))).title).toBe(sjis!.title);
    expect((await one(parse(encodeLegacy(page('GBK', gb!), 'gb18030')))).title).toBe(gb!.title);
  });

  it('the XML encoding declaration of a feed', async () => {
    const rss = `<?xml version="1.0" encoding="KOI8-R"?><rss version="2.0"><channel><title>Новости</title><link>https://news.example.ru/</link>
      <item><title>${koi!.title}</title><link>https://news.example.ru/parks</link><description>${koi!.body.join(' ')}</description></item></channel></rss>`;
    const outcome = await parse(encodeLegacy(rss, 'koi8-r'));
    if (!outcome.ok || !outcome.feed) throw new Error('expected a feed');
    expect(outcome.feed.title).toBe('Новости');
    expect(outcome.feed.items[0]!.title).toBe(koi!.title);
  });

  it('the charset of the stored Content-Type when the document says nothing', async () => {
    const a = await one(parse(encodeLegacy(asText(greek!), 'iso-8859-7'), 'text/plain; charset=ISO-8859-7'));
    expect(a.title).toBe(greek!.title);
  });

  it('a BOM wins over everything, UTF-16 included', async () => {
    const text = asText(sjis!);
    const be = Buffer.from(text, 'utf16le').swap16();
    expect((await one(parse(Buffer.concat([Buffer.from([0xfe, 0xff]), be])))).title).toBe(sjis!.title);
    expect(
      (
        await one(
          parse(
            Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
            'text/plain; charset=shift_jis',
          ),
        )
      ).title,
    ).toBe(sjis!.title);
  });

  it('valid UTF-8 stays UTF-8 even when a stale declaration says otherwise', async () => {
    const html = `<html><head><meta charset="iso-8859-1"><title>x</title></head><body><h1>${koi!.title}</h1><p>${koi!.body[0]}</p></body></html>`;
    expect((await one(parse(Buffer.from(html)))).title).toBe(koi!.title);
  });

  it('ISO-2022-JP, a 7-bit encoding that passes for ASCII', () => {
    // 「東京」 in ISO-2022-JP: ESC $ B, the JIS X 0208 codes, ESC ( B.
    const bytes = Buffer.from([0x1b, 0x24, 0x42, 0x45, 0x6c, 0x35, 0x7e, 0x1b, 0x28, 0x42, 0x0a]);
    const decoded = decodeText(bytes);
    expect(decoded).toMatchObject({ ok: true, text: '東京\n', encoding: 'iso-2022-jp' });
  });
});

describe('encodings inside gzip', () => {
  it('detects the encoding of a gzipped legacy document', async () => {
    const [sjis] = ARTICLES;
    const a = await one(parse(gzipSync(encodeLegacy(asText(sjis!), 'shift_jis'))));
    expect(a.title).toBe(sjis!.title);
  });
});
