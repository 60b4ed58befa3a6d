// 双随机、一公开: the draw of a spot check (抽查). Objects and inspectors are drawn at random from lists,
// at least 5 % of the objects and at least two inspectors per object (State Council practice), and the
// draw is reproducible: the same seed and the same lists give the same sample, in the browser or anywhere.

/** The smallest share of a list a campaign may sample (≥ 5 %). */
export const MIN_SAMPLE_PERCENT = 5;
/** At least two inspectors for each sampled unit. */
export const MIN_INSPECTORS_PER_UNIT = 2;
/** Names the algorithm below; stored with every campaign so an old draw stays reproducible. */
export const DRAW_ALGORITHM = 'ptce-draw-v1 (cyrb128 + sfc32, Fisher–Yates over ids in ascending order)';

export type SampleSize = { mode: 'percent'; value: number } | { mode: 'count'; value: number };

/** Why a sample size is refused, or null. */
export function sampleSizeProblem(size: SampleSize): string | null {
  if (!Number.isInteger(size.value) || size.value < 1) return '抽查数量须为正整数';
  if (size.mode === 'percent' && (size.value < MIN_SAMPLE_PERCENT || size.value > 100))
    return `抽查比例不能低于${MIN_SAMPLE_PERCENT}%，也不能超过100%`;
  return null;
}

/**
 * How many of `population` a size draws: a percentage rounds up (5 % of 30 units is 2), a count is
 * capped by the list, and a non-empty list always gives at least one.
 */
export function sampleCount(size: SampleSize, population: number): number {
  if (population <= 0) return 0;
  const n = size.mode === 'percent' ? Math.ceil((population * size.value) / 100) : size.value;
  return Math.max(1, Math.min(population, n));
}

/** cyrb128: four 32-bit words from a string (the seed and the stage of the draw). */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32: a small, fast PRNG with 128 bits of state; returns numbers in [0, 1). */
export function seededRandom(seed: string, stage: string): () => number {
  let [a, b, c, d] = hash128(`${seed}|${stage}`);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next(); // let the state mix before the first number is used
  return next;
}

/**
 * `count` ids drawn from `population` for one stage of a campaign's draw (`units`, `records:<unitId>`,
 * `inspectors:<unitId>`): the ids are sorted ascending, shuffled by Fisher–Yates with the seeded PRNG, and
 * the first `count` returned in drawn order. The same seed, stage and list always give the same answer.
 */
export function drawSample(seed: string, stage: string, population: readonly number[], count: number): number[] {
  const ids = [...new Set(population)].sort((x, y) => x - y);
  const rand = seededRandom(seed, stage);
  const n = Math.max(0, Math.min(count, ids.length));
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (ids.length - i));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids.slice(0, n);
}

/** 核查结论 of a sampled record. */
export const SPOT_CHECK_FINDINGS = ['true', 'false', 'incomplete'] as const;
export type SpotCheckFinding = (typeof SPOT_CHECK_FINDINGS)[number];
export const SPOT_CHECK_FINDING_LABELS: Record<SpotCheckFinding, string> = {
  true: '属实',
  false: '不属实',
  incomplete: '材料不全',
};

export interface CampaignDrawInput {
  seed: string;
  unitSize: SampleSize;
  itemSize: SampleSize;
  inspectorsPerUnit: number;
  /** Units in scope; records or people of each drawn unit (by unit id); the inspectors' pool. */
  population: { units: readonly number[]; pool: readonly number[]; items: Readonly<Record<string, readonly number[]>> };
}

export interface DrawnUnit {
  unitId: number;
  /** Record ids, or person ids when people are sampled. */
  items: number[];
  inspectors: number[];
}

/** The units drawn (in drawn order); the caller fills `population.items` for those units before `drawItems`. */
export function drawUnits(input: Pick<CampaignDrawInput, 'seed' | 'unitSize' | 'population'>): number[] {
  const { units } = input.population;
  return drawSample(input.seed, 'units', units, sampleCount(input.unitSize, new Set(units).size));
}

/** The whole draw of a campaign from its seed and stored lists: what anyone can recompute. */
export function drawCampaign(input: CampaignDrawInput): DrawnUnit[] {
  return drawUnits(input).map((unitId) => {
    const pop = input.population.items[String(unitId)] ?? [];
    return {
      unitId,
      items: drawSample(input.seed, `items:${unitId}`, pop, sampleCount(input.itemSize, new Set(pop).size)),
      inspectors: drawSample(input.seed, `inspectors:${unitId}`, input.population.pool, input.inspectorsPerUnit),
    };
  });
}
