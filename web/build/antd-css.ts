// antd's precompiled stylesheet (antd/dist/antd.css, ~1 MB) holds every component's rules. The app runs antd with
// zeroRuntime (no styles generated in the browser, see src/components/AntdShell.tsx) and takes its rules from that
// file, cut by component: a page's CSS holds the rules of the components it draws, nothing more. The theme's values
// are CSS variables antd still sets at runtime from the ConfigProvider's tokens, so these rules follow the theme.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

const ANTD_CSS = /[\\/]antd[\\/]dist[\\/]antd\.css$/;

function* filesUnder(dir: string, ext: RegExp): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(p, ext);
    else if (ext.test(entry.name)) yield p;
  }
}

/** The class prefixes (`btn`, `picker`, …) each antd/es folder's components draw with. */
function prefixesOf(esDir: string, folder: string): string[] {
  const out: string[] = [];
  for (const file of filesUnder(path.join(esDir, folder), /\.js$/)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/getPrefixCls\(\s*["']([\w-]+)["']/g)) out.push(m[1]!);
  }
  return out;
}

/** Top-level blocks of a stylesheet: `[prelude, body]` pairs (body without its braces). */
function blocks(css: string): [string, string][] {
  const out: [string, string][] = [];
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) break;
    const prelude = css.slice(i, open).trim();
    let depth = 1;
    let j = open + 1;
    let quote = '';
    for (; j < css.length && depth > 0; j++) {
      const c = css[j];
      if (quote) {
        if (c === '\\') j++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
    }
    out.push([prelude, css.slice(open + 1, j - 1)]);
    i = j;
  }
  return out;
}

/** Where a class prefix's rules go when two folders draw with it. */
const PREFIX_HOME: Record<string, string> = {
  btn: 'button',
  'btn-group': 'button',
  picker: 'date-picker',
  wave: '_util',
};

/**
 * antd.css cut by component: each antd/es folder's rules (by the `.ant-…` class a rule starts with), and the rest
 * (animations, icons, resets) under ''.
 */
export function splitAntdCss(css: string, esDir: string): Map<string, string> {
  const home = new Map<string, string>();
  for (const folder of fs.readdirSync(esDir).sort()) {
    if (!fs.statSync(path.join(esDir, folder)).isDirectory()) continue;
    for (const p of prefixesOf(esDir, folder)) {
      if (PREFIX_HOME[p]) home.set(p, PREFIX_HOME[p]);
      else if (p === folder || !home.has(p)) home.set(p, p === folder ? folder : (home.get(p) ?? folder));
    }
  }
  const known = [...home.keys()].sort((a, b) => b.length - a.length);
  const ownerOf = (selector: string): string => {
    const first = /\.ant-([a-z0-9-]+)/.exec(selector)?.[1];
    if (!first) return '';
    const p = known.find((k) => first === k || first.startsWith(`${k}-`));
    return p ? home.get(p)! : '';
  };
  const parts = new Map<string, string[]>();
  const add = (folder: string, text: string) => {
    let list = parts.get(folder);
    if (!list) parts.set(folder, (list = []));
    list.push(text);
  };
  const walk = (text: string, wrap: (rule: string) => string) => {
    for (const [prelude, body] of blocks(text)) {
      if (prelude.startsWith('@media') || prelude.startsWith('@supports') || prelude.startsWith('@container')) {
        walk(body, (rule) => wrap(`${prelude}{${rule}}`));
      } else if (prelude.startsWith('@')) {
        add('', wrap(`${prelude}{${body}}`));
      } else if (!prelude.startsWith('.css-var-')) {
        // (antd sets the component tokens' variables at runtime from the theme: the file's defaults are not needed.)
        add(ownerOf(prelude), wrap(`${prelude}{${body}}`));
      }
    }
  };
  walk(css, (rule) => rule);
  // In a cascade layer, as antd's runtime styles were placed first: the app's own rules (styles.css, a page's .css)
  // win over antd's whatever order the page's stylesheets arrive in.
  return new Map([...parts].map(([folder, list]) => [folder, `@layer antd{${list.join('\n')}}`]));
}

const VIRTUAL = 'virtual:antd-css/';
/** A component's style module: antd/es/button/style/index.js, antd/es/_util/wave/style.js. */
const STYLE_MODULE = /[\\/]antd[\\/]es[\\/]([\w-]+)[\\/](?:style[\\/][\w-]+\.js|wave[\\/]style\.js)$/;

/**
 * Each antd component's style module imports that component's rules, so a page's chunk carries the CSS of the
 * components it draws; `import 'antd/dist/antd.css'` (AntdShell) keeps the rules no component owns.
 */
export function antdCss(): Plugin {
  let parts: Map<string, string> | undefined;
  let cssFile = '';
  const load = () => {
    if (!parts) {
      const esDir = path.join(path.dirname(path.dirname(cssFile)), 'es');
      parts = splitAntdCss(fs.readFileSync(cssFile, 'utf8'), esDir);
    }
    return parts;
  };
  return {
    name: 'ptce-antd-css',
    enforce: 'pre',
    configResolved(config) {
      cssFile = createRequire(path.join(config.root, 'package.json')).resolve('antd/dist/antd.css');
    },
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? `\0${id}` : null;
    },
    load(id) {
      if (id.startsWith(`\0${VIRTUAL}`)) return load().get(id.slice(VIRTUAL.length + 1, -'.css'.length)) ?? '';
      return ANTD_CSS.test(id) ? (load().get('') ?? '') : null;
    },
    transform(code, id) {
      const folder = STYLE_MODULE.exec(id.split('?')[0]!)?.[1];
      if (!folder || !load().has(folder)) return null;
      return { code: `import '${VIRTUAL}${folder}.css';\n${code}`, map: null };
    },
  };
}
