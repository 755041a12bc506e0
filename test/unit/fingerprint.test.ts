import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { articlesOf, type ParsedArticle } from '../../shared/core/article';
import {
  MIN_NEAR_DUPLICATE_WORDS,
  NEAR_DUPLICATE_DISTANCE,
  fingerprintKeys,
  fingerprintSortKey,
  probeKeys,
  originalOf,
  type FingerprintedArticle,
} from '../../shared/core/duplicates';
import { parseDocument } from '../../shared/core/parse';
import {
  fingerprintArticle,
  hammingDistance,
  normalizeForFingerprint,
  words,
} from '../../shared/core/tag/fingerprint';
import { CORPUS_HTML_DIR, SEED_PATH } from '../../local/shared-material';
import { NEAR_COPIES } from '../support/near-copies';

const article = (title: string, paragraphs: string[]): ParsedArticle => {
  const text = paragraphs.join('\n\n');
  return {
    id: title,
    source: {},
    format: 'text',
    title,
    language: 'en',
    body: { paragraphs, text, wordCount: text.split(/\s+/).length, html: '', markdown: '' },
    captions: [],
    images: [],
    authors: [],
    parsedAt: '2026-11-29T10:00:00.000Z',
  };
};

// Two stories of our own, on neighbouring subjects, so they share vocabulary but not text.
const harbour = article('Harbour dredging to start in spring', [
  'Work to deepen the main shipping channel of the harbour will begin in April, the port authority said on Monday, after three years of planning and two rounds of public consultation.',
  'The project will remove about 1.2 million cubic metres of silt and allow container ships with a draught of up to 14 metres to dock at the eastern terminal at any tide.',
  'Fishing crews have raised concerns about noise and sediment near the breeding grounds of local shellfish, and the authority has agreed to pause dredging during the summer months.',
  '"We listened to the fishermen, and the timetable reflects that," the authority\'s chief engineer told reporters at the quay, adding that water quality would be monitored weekly.',
  'The council expects the deeper channel to bring an extra 300 jobs to the port by the end of the decade, though opposition members questioned the forecast.',
]);
const ferry = article('Ferry operator adds winter crossings', [
  'The island ferry operator will run two extra crossings a day from December, it said on Tuesday, after complaints from commuters about crowded boats on the early morning route.',
  'A second vessel, leased from a Norwegian company, will join the route for the winter and carry up to 400 passengers and 60 cars on each trip.',
  'Island residents welcomed the move but said fares remained too high, and a local campaign group called on the council to subsidise season tickets for workers and students.',
  'The operator said it would review the timetable in March, once it had seen how many people used the new sailings, and did not rule out keeping them through the summer.',
]);

const distance = (a: ParsedArticle, b: ParsedArticle) =>
  hammingDistance(fingerprintArticle(a).simhash, fingerprintArticle(b).simhash);

describe('fingerprints', () => {
  it('gives byte-different copies of one text the same exact fingerprint', () => {
    const copy = NEAR_COPIES.typography!(harbour);
    expect(copy.body.text).not.toBe(harbour.body.text);
    expect(fingerprintArticle(copy)).toEqual(fingerprintArticle(harbour));
    expect(normalizeForFingerprint('GROSSE Straße, “quoted”  ＴＥＸＴ')).toBe('grosse strasse quoted text');
  });

  it('keeps a changed headline out of the SimHash but in the exact fingerprint', () => {
    const copy = NEAR_COPIES.headline!(harbour);
    expect(fingerprintArticle(copy).exact).not.toBe(fingerprintArticle(harbour).exact);
    expect(distance(copy, harbour)).toBe(0);
  });

  it.each(['boilerplate', 'credit', 'typo', 'dropParagraph', 'addParagraph'])(
    'finds a %s copy of a story near, and a different story far',
    (name) => {
      const copy = NEAR_COPIES[name]!(harbour);
      expect(fingerprintArticle(copy).exact).not.toBe(fingerprintArticle(harbour).exact);
      expect(distance(copy, harbour)).toBeLessThanOrEqual(NEAR_DUPLICATE_DISTANCE);
      expect(distance(copy, ferry)).toBeGreaterThan(NEAR_DUPLICATE_DISTANCE + 4);
    },
  );

  it('keeps a heavily reworked short copy nearer than another story, though past the threshold', () => {
    // A cut paragraph, new furniture and a correction change a third of this 200-word story's shingles:
    // SimHash's limit, measured on the corpus (bench/duplicates.ts: 64% of such copies within the threshold).
    const copy = NEAR_COPIES.combined!(harbour);
    expect(distance(copy, harbour)).toBeLessThan(distance(ferry, harbour));
  });

  it('segments Chinese, Japanese and Thai into words, so their copies compare by words too', () => {
    expect(words(normalizeForFingerprint('外交部长王毅在北京会见了日本外相。'))).toContain('北京');
    expect(words('ภาษาไทยไม่มีการเว้นวรรค').length).toBeGreaterThan(3);
    const zh = article('中日外长会谈', [
      '中国外交部长王毅星期日在北京会见日本外相河野太郎，双方表示希望克服历史和领土争端，推动两国关系尽快回到正常健康的轨道。',
      '王毅说，中日关系如逆水行舟，不进则退。他表示，两国关系近来出现积极进展，但也存在不少干扰和阻碍。',
      '河野太郎表示，日方愿意同中方一道努力，加强高层交往，扩大经贸合作，妥善处理敏感问题，为两国关系改善创造良好条件。',
    ]);
    const zhCopy = article('中日外长会谈（更新）', [
      ...zh.body.paragraphs.map((p) => p.replace('星期日', '周日').replace('不少', '许多')),
      '（来源：新华社）',
    ]);
    const other = article('港口疏浚工程春季开工', [
      '港务局星期一表示，主航道疏浚工程将于四月开始，经过三年规划和两轮公众咨询后，工程终于获得批准。',
      '该项目将清除约一百二十万立方米的淤泥，使吃水深度达十四米的集装箱船可以在任何潮位停靠东码头。',
      '渔民担心噪音和泥沙影响贝类繁殖地，港务局同意在夏季暂停疏浚作业，并每周监测水质。',
    ]);
    expect(distance(zh, zhCopy)).toBeLessThanOrEqual(NEAR_DUPLICATE_DISTANCE);
    expect(distance(zh, other)).toBeGreaterThan(NEAR_DUPLICATE_DISTANCE + 4);
  });

  it('measures Hamming distance over all 64 bits', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
  });

  (existsSync(SEED_PATH) ? it : it.skip)('finds the near copies of the seed article', async () => {
    const [seed] = articlesOf(
      await parseDocument({ bytes: readFileSync(SEED_PATH), id: 'seed', source: { path: SEED_PATH } }),
    );
    const near = ['boilerplate', 'credit', 'headline', 'typo', 'addParagraph', 'typography'];
    // The copies found too far from the seed, by name, so a failure says which kind of copy was missed.
    const missed = near
      .map((name) => ({ name, distance: distance(NEAR_COPIES[name]!(seed!), seed!) }))
      .filter((c) => c.distance > NEAR_DUPLICATE_DISTANCE);
    expect(missed).toEqual([]);
    expect(distance(seed!, harbour)).toBeGreaterThan(NEAR_DUPLICATE_DISTANCE + 4);
  });
});

describe('fingerprints on real pages', () => {
  const corpus = existsSync(CORPUS_HTML_DIR);
  if (!corpus) it.skip(`needs the trafilatura corpus at ${CORPUS_HTML_DIR}`, () => undefined);
  const page = async (file: string) =>
    articlesOf(
      await parseDocument({
        bytes: gunzipSync(readFileSync(join(CORPUS_HTML_DIR, file))),
        id: file,
        source: { path: file },
      }),
    )[0]!;

  (corpus ? it : it.skip)(
    'matches one text republished by two sites, not two reports of one event',
    async () => {
      // Two Cuban sites ran the same text under different headlines: a real near copy.
      const cubadebate = await page('cubadebate.cu-sesiona.html.gz');
      const granma = await page('granma.cu-medidadecuba.htlm.html.gz');
      expect(cubadebate.title).not.toBe(granma.title);
      expect(distance(cubadebate, granma)).toBeLessThanOrEqual(NEAR_DUPLICATE_DISTANCE);
      // Two Chilean sites wrote their own reports of the same presidential trip: not copies.
      const a = await page('24horas.cl-segundo.html.gz');
      const b = await page('cooperativa.cl-presidente.html.gz');
      expect(distance(a, b)).toBeGreaterThan(NEAR_DUPLICATE_DISTANCE);
    },
  );
});

describe('choosing the original', () => {
  const long = (id: string, firstIndexedAt: string, simhash: string, exact = id): FingerprintedArticle => ({
    id,
    firstIndexedAt,
    fingerprints: { exact, simhash },
    wordCount: MIN_NEAR_DUPLICATE_WORDS,
  });

  it('picks the earliest article it copies, ties by id, and never itself or a later one', () => {
    const me = long('m', '2026-11-29T10:00:05Z', '00000000000000ff');
    const candidates = [
      me,
      long('later', '2026-11-29T10:00:09Z', '00000000000000ff'),
      long('b', '2026-11-29T10:00:01Z', '000000000000000f'),
      long('a', '2026-11-29T10:00:01Z', '000000000000001f'),
      long('far', '2026-11-29T09:00:00Z', 'ffffffffffff00ff'),
    ];
    expect(originalOf(me, candidates)).toEqual({ id: 'a', kind: 'near', distance: 3 });
    expect(originalOf(me, [me])).toBeUndefined();
    expect(originalOf(me, [long('x', '2026-11-29T10:00:00Z', 'ffffffffffffffff', 'm')])).toEqual({
      id: 'x',
      kind: 'exact',
      distance: 0,
    });
  });

  it('matches short bodies on the exact fingerprint only, under one exact key', () => {
    const short = (id: string, exact: string): FingerprintedArticle => ({
      id,
      firstIndexedAt: id,
      fingerprints: { exact, simhash: '0'.repeat(16) },
      wordCount: 3,
    });
    expect(originalOf(short('2', 'e2'), [short('1', 'e1')])).toBeUndefined();
    expect(originalOf(short('2', 'e1'), [short('1', 'e1')])).toMatchObject({ kind: 'exact' });
    expect(fingerprintKeys(short('1', 'e1'))).toEqual([{ pk: 'EXACT#e1', prefix: '' }]);
    // Each band's partition, sorted inside by the next band's bits (the last band wraps to the first).
    expect(fingerprintKeys(long('1', '', '0123456789abcdef'))).toEqual([
      { pk: 'SIMHASH#0#01', prefix: '23' },
      { pk: 'SIMHASH#1#23', prefix: '45' },
      { pk: 'SIMHASH#2#45', prefix: '67' },
      { pk: 'SIMHASH#3#67', prefix: '89' },
      { pk: 'SIMHASH#4#89', prefix: 'ab' },
      { pk: 'SIMHASH#5#ab', prefix: 'cd' },
      { pk: 'SIMHASH#6#cd', prefix: 'ef' },
      { pk: 'SIMHASH#7#ef', prefix: '01' },
    ]);
    expect(fingerprintSortKey({ pk: 'SIMHASH#0#01', prefix: '23' }, '2026-11-29T10:00:00.000Z', 'a1')).toBe(
      '23#2026-11-29T10:00:00.000Z#a1',
    );
  });

  it('probes the next band as it is and with each of its bits flipped', () => {
    const probes = probeKeys([{ pk: 'SIMHASH#0#01', prefix: '23' }]);
    expect(probes.map((p) => p.prefix)).toEqual(['23', '22', '21', '27', '2b', '33', '03', '63', 'a3']);
    expect(new Set(probes.map((p) => p.pk))).toEqual(new Set(['SIMHASH#0#01']));
    expect(probeKeys([{ pk: 'EXACT#e1', prefix: '' }])).toEqual([{ pk: 'EXACT#e1', prefix: '' }]);
  });

  it('finds by probes every pair within 7 bits, and almost every pair at 8', () => {
    // A pair is found when one of its shared partitions holds the other under one of the probed prefixes.
    const found = (a: string, b: string) => {
      const theirs = new Set(fingerprintKeys(long('b', '', b)).map((k) => `${k.pk}|${k.prefix}`));
      return probeKeys(fingerprintKeys(long('a', '', a))).some((k) => theirs.has(`${k.pk}|${k.prefix}`));
    };
    const flip = (a: bigint, bits: number[]) => {
      let value = a;
      for (const bit of bits) value ^= 1n << BigInt(bit);
      return value.toString(16).padStart(16, '0');
    };
    const hash = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
    const differing = (n: number) =>
      fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { minLength: n, maxLength: n });
    fc.assert(
      fc.property(hash, fc.integer({ min: 0, max: 7 }).chain(differing), (a, bits) =>
        found(flip(a, []), flip(a, bits)),
      ),
      { seed: 7, numRuns: 3000 },
    );
    const at8 = fc.sample(fc.tuple(hash, differing(8)), { seed: 8, numRuns: 4000 });
    const missed = at8.filter(([a, bits]) => !found(flip(a, []), flip(a, bits))).length / at8.length;
    // Whole partitions miss 0.4 % at 8 bits (every band holds one differing bit); probes a few per cent more.
    expect(missed).toBeGreaterThan(0);
    expect(missed).toBeLessThan(0.06);
  });
});
