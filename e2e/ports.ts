/** Fixed ports (overridable) so Playwright's workers and the specs agree on where each server is. */
export const fakeUpstreamPort = Number(process.env.E2E_FAKE_UPSTREAM_PORT ?? 4217);
export const appPort = Number(process.env.E2E_APP_PORT ?? 3217);
export const offlineAppPort = Number(process.env.E2E_OFFLINE_APP_PORT ?? 3218);
export const fakeUpstreamURL = `http://127.0.0.1:${fakeUpstreamPort}`;
