// ESLint rule: a server module is used through its index.ts. A file outside server/src/modules/<name>/ may import
// server/src/modules/<name>/index.ts (or the folder), never another file of that module.
import path from 'node:path';

const MODULES = path.join('server', 'src', 'modules');

/** The module a path lies in, and the path inside it; null outside server/src/modules/<name>/. */
function moduleOf(file, root) {
  const rel = path.relative(path.join(root, MODULES), file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const [name, ...rest] = rel.split(path.sep);
  return rest.length ? { name, inner: rest.join('/') } : null;
}

export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Import another server module only through its index.ts' },
    messages: {
      reachIn:
        "'{{spec}}' reaches into module '{{name}}': import it from '{{name}}/index' (export what is needed there).",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const root = context.cwd;
    const from = moduleOf(file, root);
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = moduleOf(path.resolve(path.dirname(file), spec), root);
      if (!target || target.name === from?.name) return;
      if (/^index(\.tsx?)?$/.test(target.inner)) return;
      context.report({ node: node.source, messageId: 'reachIn', data: { spec, name: target.name } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
