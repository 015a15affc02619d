import { z } from 'zod';

// Zod compiles its parsers with `new Function` when it may; under the pages' CSP (no 'unsafe-eval')
// that is refused and reported as a violation before zod falls back. Every module imports zod from
// here, so it never tries.
z.config({ jitless: true });

export { z };
