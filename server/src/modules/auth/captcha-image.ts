import { randomInt } from 'node:crypto';

/**
 * The image of a 图形验证码, drawn as SVG paths: each character is a stroke glyph placed with its own
 * random size, rotation, slant and wobble, under random curves and dots. The SVG holds no text, no
 * font and no per-character grouping a script could read the answer from.
 *
 * Characters that are easy to confuse (0/O, 1/I/L, 2/Z, 5/S, B/8, G/6, D/Q) are left out.
 */
export const CAPTCHA_CHARS = '2345678ACEFHKMNPRTUVWXY';
export const CAPTCHA_LENGTH = 4;

type Stroke = Array<[number, number]>;

// Glyphs on a 10 × 14 grid (y down), one or more polylines each.
const P: Stroke = [
  [0, 14],
  [0, 0],
  [7, 0],
  [10, 2],
  [10, 5],
  [7, 7],
  [0, 7],
];
const GLYPHS: Record<string, Stroke[]> = {
  '2': [
    [
      [0, 3],
      [2, 0],
      [8, 0],
      [10, 3],
      [10, 5],
      [0, 14],
      [10, 14],
    ],
  ],
  '3': [
    [
      [0, 1],
      [3, 0],
      [8, 0],
      [10, 3],
      [7, 7],
      [3, 7],
    ],
    [
      [7, 7],
      [10, 10],
      [9, 13],
      [6, 14],
      [2, 14],
      [0, 12],
    ],
  ],
  '4': [
    [
      [7, 14],
      [7, 0],
      [0, 10],
      [10, 10],
    ],
  ],
  '5': [
    [
      [10, 0],
      [1, 0],
      [0, 6],
      [6, 5],
      [10, 8],
      [10, 11],
      [7, 14],
      [2, 14],
      [0, 12],
    ],
  ],
  '6': [
    [
      [9, 1],
      [6, 0],
      [3, 1],
      [0, 6],
      [0, 11],
      [3, 14],
      [7, 14],
      [10, 11],
      [10, 8],
      [7, 6],
      [3, 6],
      [0, 9],
    ],
  ],
  '7': [
    [
      [0, 0],
      [10, 0],
      [4, 14],
    ],
  ],
  '8': [
    [
      [5, 7],
      [1, 5],
      [1, 2],
      [4, 0],
      [6, 0],
      [9, 2],
      [9, 5],
      [5, 7],
      [0, 10],
      [1, 13],
      [4, 14],
      [6, 14],
      [9, 13],
      [10, 10],
      [5, 7],
    ],
  ],
  A: [
    [
      [0, 14],
      [5, 0],
      [10, 14],
    ],
    [
      [2, 9],
      [8, 9],
    ],
  ],
  C: [
    [
      [10, 2],
      [8, 0],
      [3, 0],
      [0, 4],
      [0, 10],
      [3, 14],
      [8, 14],
      [10, 12],
    ],
  ],
  E: [
    [
      [10, 0],
      [0, 0],
      [0, 14],
      [10, 14],
    ],
    [
      [0, 7],
      [7, 7],
    ],
  ],
  F: [
    [
      [10, 0],
      [0, 0],
      [0, 14],
    ],
    [
      [0, 7],
      [7, 7],
    ],
  ],
  H: [
    [
      [0, 0],
      [0, 14],
    ],
    [
      [10, 0],
      [10, 14],
    ],
    [
      [0, 7],
      [10, 7],
    ],
  ],
  K: [
    [
      [0, 0],
      [0, 14],
    ],
    [
      [10, 0],
      [0, 9],
    ],
    [
      [3, 6],
      [10, 14],
    ],
  ],
  M: [
    [
      [0, 14],
      [0, 0],
      [5, 8],
      [10, 0],
      [10, 14],
    ],
  ],
  N: [
    [
      [0, 14],
      [0, 0],
      [10, 14],
      [10, 0],
    ],
  ],
  P: [P],
  R: [
    P,
    [
      [5, 7],
      [10, 14],
    ],
  ],
  T: [
    [
      [0, 0],
      [10, 0],
    ],
    [
      [5, 0],
      [5, 14],
    ],
  ],
  U: [
    [
      [0, 0],
      [0, 10],
      [3, 14],
      [7, 14],
      [10, 10],
      [10, 0],
    ],
  ],
  V: [
    [
      [0, 0],
      [5, 14],
      [10, 0],
    ],
  ],
  W: [
    [
      [0, 0],
      [2, 14],
      [5, 5],
      [8, 14],
      [10, 0],
    ],
  ],
  X: [
    [
      [0, 0],
      [10, 14],
    ],
    [
      [10, 0],
      [0, 14],
    ],
  ],
  Y: [
    [
      [0, 0],
      [5, 7],
      [10, 0],
    ],
    [
      [5, 7],
      [5, 14],
    ],
  ],
};

export const WIDTH = 150;
export const HEIGHT = 50;

/** Uniform in [a, b), from the system's cryptographic generator. */
const rand = (a: number, b: number) => a + (randomInt(0, 1_000_000) / 1_000_000) * (b - a);
const f = (n: number) => n.toFixed(1);

export function randomAnswer(): string {
  let s = '';
  for (let i = 0; i < CAPTCHA_LENGTH; i++) s += CAPTCHA_CHARS[randomInt(0, CAPTCHA_CHARS.length)];
  return s;
}

function darkColor(): string {
  return `hsl(${randomInt(0, 360)},${randomInt(45, 80)}%,${randomInt(18, 38)}%)`;
}

function glyphPath(ch: string, cx: number, cy: number): string {
  const strokes = GLYPHS[ch];
  if (!strokes) throw new Error(`no glyph for ${ch}`);
  const scale = rand(1.9, 2.5);
  const angle = rand(-0.4, 0.4);
  const slant = rand(-0.35, 0.35);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const place = (x: number, y: number): [number, number] => {
    const gx = (x - 5 + slant * (7 - y)) * scale;
    const gy = (y - 7) * scale;
    return [cx + gx * cos - gy * sin + rand(-1.2, 1.2), cy + gx * sin + gy * cos + rand(-1.2, 1.2)];
  };
  let d = '';
  for (const stroke of strokes) {
    const pts = stroke.map(([x, y]) => place(x, y));
    d += `M${f(pts[0]![0])} ${f(pts[0]![1])}`;
    for (let i = 1; i < pts.length; i++) {
      const [x0, y0] = pts[i - 1]!;
      const [x1, y1] = pts[i]!;
      // A wobbling curve instead of a straight segment, so strokes are not clean lines.
      d += `Q${f((x0 + x1) / 2 + rand(-2, 2))} ${f((y0 + y1) / 2 + rand(-2, 2))} ${f(x1)} ${f(y1)}`;
    }
  }
  return d;
}

function noiseCurve(): string {
  const y = () => f(rand(4, HEIGHT - 4));
  return `M${f(rand(0, 20))} ${y()}C${f(rand(30, 70))} ${y()} ${f(rand(80, 120))} ${y()} ${f(rand(WIDTH - 20, WIDTH))} ${y()}`;
}

/** The SVG document of an answer. */
export function captchaSvg(answer: string): string {
  const parts: string[] = [];
  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="hsl(${randomInt(0, 360)},40%,94%)"/>`);
  for (let i = 0; i < 5; i++) {
    parts.push(
      `<path d="${noiseCurve()}" fill="none" stroke="${darkColor()}" stroke-width="${f(rand(0.8, 1.8))}" opacity="0.6"/>`,
    );
  }
  const step = (WIDTH - 30) / answer.length;
  const glyphs = [...answer].map((ch, i) => ({
    d: glyphPath(ch, 15 + step * (i + 0.5) + rand(-3, 3), HEIGHT / 2 + rand(-3, 3)),
    color: darkColor(),
  }));
  // Drawn in a random order so the document order does not give the reading order.
  for (let i = glyphs.length - 1; i > 0; i--) {
    const j = randomInt(0, i + 1);
    [glyphs[i], glyphs[j]] = [glyphs[j]!, glyphs[i]!];
  }
  for (const g of glyphs) {
    parts.push(
      `<path d="${g.d}" fill="none" stroke="${g.color}" stroke-width="${f(rand(2.2, 3.2))}" stroke-linecap="round" stroke-linejoin="round"/>`,
    );
  }
  for (let i = 0; i < 2; i++) {
    parts.push(`<path d="${noiseCurve()}" fill="none" stroke="${darkColor()}" stroke-width="${f(rand(1, 1.6))}"/>`);
  }
  for (let i = 0; i < 30; i++) {
    parts.push(
      `<circle cx="${f(rand(0, WIDTH))}" cy="${f(rand(0, HEIGHT))}" r="${f(rand(0.5, 1.3))}" fill="${darkColor()}"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${parts.join('')}</svg>`;
}
