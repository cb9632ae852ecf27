/**
 * Import rules (`npm run lint:imports`, part of `npm test`): the layers of ARCHITECTURE.md, no cycles,
 * and every package imports only what its package.json declares.
 * Paths are the resolved files: workspace packages resolve to packages/<name>/src through node_modules.
 */
const ours = '^(packages|apps)/';
/** A layer may import itself and these packages of ours, nothing else of ours. */
const layer = (name, from, allowed) => ({
  name,
  severity: 'error',
  comment: `${from} may import only ${allowed.join(', ') || 'nothing of ours'} (ARCHITECTURE.md)`,
  // Tests may drive a neighbour (central's tests push from a real hub); the layers hold for the code.
  from: { path: `^${from}/`, pathNot: ['/test/', '\\.test\\.tsx?$'] },
  to: { path: ours, pathNot: [`^${from}/`, ...allowed.map((p) => `^${p}/`)] },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import one way; a cycle means a shared piece belongs in its own module.',
      from: {},
      // Type-only imports vanish at run time; a cycle through them only cannot misorder module loading.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    layer('shared-imports-nothing', 'packages/shared', []),
    layer('queue-core-layer', 'packages/queue-core', ['packages/shared']),
    layer('printer-layer', 'packages/printer', ['packages/shared']),
    layer('client-layer', 'packages/client', ['packages/shared']),
    layer('ui-layer', 'packages/ui', ['packages/shared', 'packages/client']),
    layer('shell-layer', 'packages/shell', ['packages/shared', 'packages/printer']),
    layer('hub-layer', 'packages/hub', ['packages/shared', 'packages/queue-core', 'packages/printer']),
    layer('central-layer', 'packages/central', ['packages/shared', 'packages/queue-core']),
    {
      name: 'app-renderer-layer',
      severity: 'error',
      comment: 'An app screen talks to the hub over Socket.IO: ui, client, shared, the shell bridge types.',
      from: { path: '^apps/([^/]+)/src/' },
      to: {
        path: ours,
        pathNot: ['^apps/$1/', '^packages/(shared|client|ui)/', '^packages/shell/src/bridge\\.ts$'],
      },
    },
    {
      name: 'app-shell-layer',
      severity: 'error',
      comment: "An app's Electron main and preload use the shell package, shared and printer.",
      from: { path: '^apps/([^/]+)/electron/' },
      to: { path: ours, pathNot: ['^apps/$1/', '^packages/(shared|printer|shell)/'] },
    },
    {
      name: 'sql-only-in-hub-storage',
      severity: 'error',
      comment:
        "SQL lives in packages/hub/src/storage/: the rest of the hub calls the store's methods (ARCHITECTURE.md).",
      from: { path: '^packages/hub/src/', pathNot: '^packages/hub/src/storage/' },
      to: { path: 'node_modules/(@types/)?better-sqlite3/' },
    },
    {
      name: 'nothing-imports-an-app',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'declared-dependencies-only',
      severity: 'error',
      comment: "Import only packages the importing workspace's package.json declares.",
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'runtime-not-on-dev-dependencies',
      severity: 'error',
      comment: 'Code that runs in production imports dependencies, not devDependencies.',
      from: {
        path: '^packages/[^/]+/src/',
        pathNot: ['\\.test\\.tsx?$', '/test-helpers\\.ts$', '/test-fakes\\.ts$', '/testing\\.ts$', '/test/'],
      },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', '(^|/)electron-dist/'] },
    // Electron's main and preload get `electron` from the Electron runtime, like a Node built-in.
    builtInModules: { add: ['electron'] },
    tsPreCompilationDeps: true,
    // Test and build tools (vitest, fast-check, typescript) are declared once, at the root.
    combinedDependencies: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
