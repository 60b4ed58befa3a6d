// Excel import: a "shared-strings bomb" (issue 14, item 6). Run from the repository root:
//
//   npx tsx bench/xlsx-bomb.ts
//
// The file is a real template workbook whose xl/sharedStrings.xml is replaced by one that unpacks to
// ~250 MB while compressing only ~300:1 — under the overall uncompressed limit (300 MB) and the ratio
// limit (400), so only a limit on the part itself stops it. Each case runs in a fresh child process
// and goes through what an upload goes through before anything is written (inspectXlsx, then
// openSheet, which reads the shared strings and the header row); it reports the time until the answer
// and the child's peak RSS (VmHWM).
//   - before: the per-part limits lifted (the behaviour without them);
//   - after: the default limits;
//   - legit: a 100,000-row file written with shared strings, to show the limit leaves room for it.
// Results are printed and prepended to bench/RESULTS-xlsx-bomb.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '..');
const BOMB_MB = 250;
/** Characters repeated in each string: sets the compression ratio (about 330:1 at 1100). */
const FILLER = Number(process.env.BOMB_FILLER ?? 1100);

interface Outcome {
  case: string;
  fileBytes: number;
  sharedStringsBytes: number;
  ms: number;
  peakRssMb: number;
  answer: string;
}

function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Math.round(process.memoryUsage().rss / 1024 / 1024);
}

/**
 * The workbook's own shared strings (so its header and row still read) followed by ~`mb` MB of <si>
 * elements: long runs of one character with a short varying part.
 */
function bombStrings(original: string, mb: number): Buffer {
  const own = original.match(/<si>.*?<\/si>/gs) ?? [];
  const target = mb * 1024 * 1024;
  const filler = '继'.repeat(FILLER);
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
  ];
  parts.push(...own);
  let size = parts.reduce((a, p) => a + Buffer.byteLength(p), 0);
  let n = own.length;
  let seed = 12345;
  while (size < target) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const s = `<si><t>${filler}${seed.toString(36)}</t></si>`;
    parts.push(s);
    size += Buffer.byteLength(s);
    n++;
  }
  parts.push('</sst>');
  parts[0] = parts[0]!.replace('<sst ', `<sst count="${n}" uniqueCount="${n}" `);
  return Buffer.from(parts.join(''), 'utf8');
}

async function child(which: string): Promise<void> {
  const { setImportLimits, importLimits, inspectXlsx, openSheet, HOURS_COLUMNS } =
    await import('../server/src/modules/excel/index');
  const file = fs.readFileSync(process.argv[4]!);
  if (which === 'before') {
    const total = importLimits().maxUncompressedBytes;
    setImportLimits({ maxSharedStringsBytes: total, maxPartBytes: total });
  }
  if (global.gc) global.gc();
  const t0 = performance.now();
  let answer: string;
  try {
    const inspection = await inspectXlsx(file, importLimits());
    const sheet = await openSheet(file, inspection, HOURS_COLUMNS);
    await sheet.close();
    answer = `accepted (${(inspection.rowsBySheet.get(sheet.sheetPart) ?? 1) - 1} rows)`;
  } catch (e) {
    const err = e as { status?: number; code?: string; message: string };
    answer = `${err.status ?? '?'} ${err.code ?? ''}: ${err.message}`;
  }
  const ms = performance.now() - t0;
  const out: Outcome = {
    case: which,
    fileBytes: file.length,
    sharedStringsBytes: 0,
    ms: Math.round(ms),
    peakRssMb: peakRssMb(),
    answer,
  };
  process.stdout.write(`RESULT ${JSON.stringify(out)}\n`);
}

async function main(): Promise<void> {
  const { buildZip, hoursWorkbook, hoursWorkbookStreamed, unzipParts } = await import('../server/test/kits/excel');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-bomb-'));
  try {
    const row = (i: number) => ({
      idNumber: `45010219900101${String(1000 + (i % 9000)).padStart(4, '0')}`,
      name: `学员${i}`,
      title: `专业技术培训第${i}期`,
      organizer: `广西继续教育中心${i % 50}`,
      place: '南宁市',
    });
    const base = unzipParts(await hoursWorkbook([row(1)]));
    const strings = bombStrings(base.find((p) => p.name === 'xl/sharedStrings.xml')!.data.toString('utf8'), BOMB_MB);
    const bomb = buildZip([
      ...base.filter((p) => p.name !== 'xl/sharedStrings.xml'),
      { name: 'xl/sharedStrings.xml', data: strings },
    ]);
    const ratio = strings.length / zlib.deflateRawSync(strings).length;
    const bombPath = path.join(dir, 'bomb.xlsx');
    fs.writeFileSync(bombPath, bomb);
    const legitPath = path.join(dir, 'legit.xlsx');
    fs.writeFileSync(legitPath, await hoursWorkbookStreamed(100_000, row));
    console.log(
      `bomb: ${(bomb.length / 1024).toFixed(0)} KB file, sharedStrings ${(strings.length / 1024 / 1024).toFixed(0)} MB (ratio ${ratio.toFixed(0)}:1)`,
    );

    const results: Outcome[] = [];
    for (const [which, file] of [
      ['before', bombPath],
      ['after', bombPath],
      ['legit', legitPath],
    ] as const) {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', '--expose-gc', import.meta.filename, '--child', which, file],
        { cwd: path.join(ROOT, 'server'), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      );
      const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (!line) throw new Error(`case ${which} failed: ${r.stderr}`);
      const o = JSON.parse(line.slice(7)) as Outcome;
      o.sharedStringsBytes =
        unzipParts(fs.readFileSync(file)).find((p) => p.name === 'xl/sharedStrings.xml')?.data.length ?? 0;
      results.push(o);
      console.log(`${which}: ${o.ms} ms, peak RSS ${o.peakRssMb} MB — ${o.answer}`);
    }

    const cpus = os.cpus();
    const kb = (n: number) => `${Math.round(n / 1024)} KB`;
    const mbs = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    const label: Record<string, string> = {
      before: 'bomb, per-part limits lifted (before)',
      after: 'bomb, default limits (after)',
      legit: '100,000-row template file (shared strings)',
    };
    const section = [
      `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 1024 / 1024)} MB RAM, Node ${process.version}, load average (1 min) ${os.loadavg()[0]!.toFixed(1)}.`,
      `Command: \`npx tsx bench/xlsx-bomb.ts\`. Bomb: sharedStrings ${mbs(strings.length)} at ${ratio.toFixed(0)}:1.`,
      '',
      '| case | file | xl/sharedStrings.xml | time to answer | peak RSS (process) | answer |',
      '|---|---|---|---|---|---|',
      ...results.map(
        (o) =>
          `| ${label[o.case]} | ${kb(o.fileBytes)} | ${mbs(o.sharedStringsBytes)} | **${o.ms >= 1000 ? `${(o.ms / 1000).toFixed(1)} s` : `${o.ms} ms`}** | ${o.peakRssMb} MB | ${o.answer.replace(/\|/g, '\\|')} |`,
      ),
      '',
    ].join('\n');
    const out = path.join(ROOT, 'bench', 'RESULTS-xlsx-bomb.md');
    const head =
      '# Excel import: shared-strings bomb\n\nProduced by `bench/xlsx-bomb.ts` (see its header for what is measured). Newest run first.\n\n';
    const old = fs.existsSync(out) ? fs.readFileSync(out, 'utf8').replace(head, '') : '';
    fs.writeFileSync(out, head + section + (old ? `\n${old}` : ''));
    console.log(`written to ${path.relative(ROOT, out)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

(process.argv[2] === '--child' ? child(process.argv[3]!) : main()).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
