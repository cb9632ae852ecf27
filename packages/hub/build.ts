/**
 * The hub as one JavaScript file, so it runs on plain Node (no TypeScript loader at run time):
 * `npm run build` writes dist/cli.js, which `npm start` and deploy/pst-hub.service run. Our own
 * workspace packages (TypeScript sources) are bundled in; every npm dependency stays an import
 * resolved from node_modules (better-sqlite3 is native, the others are loaded as published).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export async function buildHub(
  outfile = fileURLToPath(new URL('./dist/cli.js', import.meta.url)),
  /** Another entry (the benchmarks bundle their hub process the same way). */
  entry = fileURLToPath(new URL('./src/cli.ts', import.meta.url)),
) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [
      {
        name: 'npm-dependencies-external',
        setup(b) {
          // Bare imports that are not ours (@pst/...) load from node_modules at run time.
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@pst/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  return outfile;
}

// Run as `tsx build.ts` (and not when bundled into something else that imports buildHub).
if (process.argv[1] === fileURLToPath(import.meta.url) && /build\.ts$/.test(process.argv[1])) {
  const outfile = await buildHub();
  console.log(`hub built: ${outfile}`);
}
