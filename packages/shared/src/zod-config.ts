import { z } from 'zod';

/**
 * zod compiles object parsers with `new Function` when it may, and probes whether it may by calling
 * it. The apps' Content-Security-Policy forbids eval (docs/security.md), so in a browser that probe is
 * reported as a violation even though zod catches the refusal: browsers parse without the compiled
 * path (fast enough for a form or a board). Node has no CSP, so the hub keeps it. It must run before
 * any schema is made (zod decides per schema, at construction), so index.ts imports this module first.
 */
z.config({ jitless: 'document' in globalThis });
