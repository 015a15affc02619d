/** Limits the API enforces and the settings form mirrors; zod-free so the form does not load zod. */
export const MAX_OUTPUT_TOKENS = 32_000;
export const MAX_TEMPERATURE = 2;
export const MAX_SYSTEM_PROMPT_CHARS = 20_000;
export const MAX_MODEL_ID_CHARS = 200;
