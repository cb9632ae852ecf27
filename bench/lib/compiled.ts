/**
 * Child scripts built to JavaScript for this run (`compileChildren` in compile.ts fills it): a child
 * then starts on plain Node, about a second sooner than through tsx on this machine. Kept apart from
 * compile.ts so that the children themselves never load esbuild.
 */
export const compiledScripts = new Map<string, string>();
