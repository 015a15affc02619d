// The benchmark's own ports, away from the dev server (3000) and the e2e suite's, so a
// bench run and a test run can share a machine. Each scenario starts fresh servers.
const base = Number(process.env.BENCH_PORT_BASE ?? 3280);

export const ports = {
  app: base,
  /** The bare AI SDK route Rill is compared with. */
  peer: base + 1,
  upstream: base + 1000,
  /** Node inspector of the app server, for the GC and heap figures of the memory scenarios. */
  inspector: base + 1010,
};
