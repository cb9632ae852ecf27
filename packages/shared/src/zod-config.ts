import { z } from 'zod';

/**
 * zod compiles object parsers with `new Function` when it may, and probes whether it may by calling
 * it. The apps' Content-Security-Policy forbids eval (docs/security.md), so in a browser that probe is
 * reported as a violation even though zod catches the refusal. Without the compiled path parsing
 * stays correct and fast enough for payloads this size. It must run before any schema is made (zod
 * decides per schema, at construction), so index.ts imports this module first.
 */
z.config({ jitless: true });
