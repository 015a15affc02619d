import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the shared e2e servers listen. Picked free when the run starts (so a busy machine, another
 * checkout or a leftover server never collides with it) and handed to Playwright's workers through
 * the environment, which they inherit; set E2E_APP_PORT, E2E_OFFLINE_APP_PORT and
 * E2E_FAKE_UPSTREAM_PORT to choose them yourself (and to reuse servers you started).
 */
const names = ['E2E_FAKE_UPSTREAM_PORT', 'E2E_APP_PORT', 'E2E_OFFLINE_APP_PORT'] as const;

export const portsChosenByHand = names.every((name) => process.env[name]);

if (!portsChosenByHand) {
  // Listening on port 0 is the only reliable way to find a free port, and Playwright reads its config
  // synchronously: ask a child Node to open three at once and say which it got.
  const script =
    "const net=require('net');const s=[0,0,0].map(()=>net.createServer().listen(0,'127.0.0.1'));" +
    "Promise.all(s.map(x=>new Promise(r=>x.on('listening',r)))).then(()=>{console.log(s.map(x=>x.address().port).join(' '));s.forEach(x=>x.close());});";
  const ports = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim().split(' ');
  names.forEach((name, index) => (process.env[name] = ports[index]));
}

export const fakeUpstreamPort = Number(process.env.E2E_FAKE_UPSTREAM_PORT);
export const appPort = Number(process.env.E2E_APP_PORT);
export const offlineAppPort = Number(process.env.E2E_OFFLINE_APP_PORT);
export const fakeUpstreamURL = `http://127.0.0.1:${fakeUpstreamPort}`;

// Each run's servers keep their data (the embedded database) in a folder of the run's own, made once
// here and inherited by the workers like the ports: nothing is left over from another run, and two
// servers never open one database.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'rill-e2e-'));
export const e2eDataDir = process.env.E2E_DATA_DIR;
/** A data folder for one server of this run. */
export const dataDirFor = (name: string) => join(e2eDataDir, name);
