/**
 * `.env.example` lists `OPENAI_BASE_URL=` with no value, and @ai-sdk/openai builds a default provider
 * from the environment when it is first imported, throwing on an empty base URL. Treat blank model
 * settings as unset before that import runs (this module is imported ahead of it).
 */
for (const name of ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_MODEL']) {
  if (process.env[name]?.trim() === '') delete process.env[name];
}

export {};
