import 'server-only';
import { z } from '@/lib/zod';

/**
 * How config.ts reads one environment variable: each parser turns the raw string (blank is unset)
 * into a checked value or a message that says what was expected.
 */

/** Blank is unset: `.env.example` lists variables with empty values. */
export const text = z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined), z.string().optional());

export const wholeNumber = (fallback: number, { min = 0 }: { min?: number } = {}) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : undefined),
    z
      .number({ error: `expected a whole number ≥ ${min}` })
      .int({ error: `expected a whole number ≥ ${min}` })
      .min(min, { error: `expected a whole number ≥ ${min}` })
      .default(fallback),
  );

export const optionalWholeNumber = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : undefined),
  z.number({ error: 'expected a whole number ≥ 0' }).int({ error: 'expected a whole number ≥ 0' }).min(0, { error: 'expected a whole number ≥ 0' }).optional(),
);

/** Comma-separated names (`a, b,c`); unset is none. */
export const nameList = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : []),
  z.array(z.string()),
);

export const logLevel = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined),
  z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], { error: 'expected one of debug, info, warn, error' }).default('info'),
);

export const modelBudgets = z.preprocess(
  (value) => (typeof value === 'string' ? value : ''),
  z.string().transform((raw, context) => {
    const budgets: Record<string, number> = {};
    for (const entry of raw.split(',').map((part) => part.trim()).filter(Boolean)) {
      // Model names may hold colons themselves (qwen2.5:7b), so the budget is after the last one.
      const separator = entry.lastIndexOf(':');
      const budget = Number(entry.slice(separator + 1));
      if (separator <= 0 || !Number.isInteger(budget) || budget <= 0) {
        context.addIssue({ code: 'custom', message: `"${entry}" is not model:tokens (e.g. gpt-4o:60000)` });
        return z.NEVER;
      }
      budgets[entry.slice(0, separator).trim()] = budget;
    }
    return budgets;
  }),
);

export const url = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined),
  z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as http://127.0.0.1:11434/v1' }).optional(),
);

export const postgresUrl = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined),
  z.url({ protocol: /^postgres(ql)?$/, error: 'expected a PostgreSQL URL such as postgres://user:password@host:5432/rill' }).optional(),
);
