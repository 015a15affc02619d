import { describe, expect, it } from 'vitest';
import { createClientLimits, type LimitRejection, type StreamAdmission } from './rate-limit';
import { signedInLimitKey } from './requester';

const limits = (dailyTokenQuota: number, maxOutputTokens: number) =>
  createClientLimits({ rateLimitRequests: 0, rateLimitWindowSeconds: 60, maxConcurrentStreams: 0, dailyTokenQuota, maxOutputTokens }, null);

const admitted = (results: (StreamAdmission | LimitRejection)[]) => results.filter((result): result is StreamAdmission => !('reason' in result));

describe('the daily token quota', () => {
  it('lets a burst of concurrent answers overrun it by at most one answer: each reserves its cap', async () => {
    const client = limits(200, 1_000);
    const burst = await Promise.all(Array.from({ length: 10 }, () => client.admitStream('burst')));
    expect(admitted(burst)).toHaveLength(1);
    expect(burst.filter((result) => 'reason' in result && result.reason === 'quota')).toHaveLength(9);
  });

  it('admits as many answers at once as their caps fit, and settles each to what it cost', async () => {
    const client = limits(5_000, 1_000);
    const first = admitted(await Promise.all(Array.from({ length: 6 }, () => client.admitStream('fits'))));
    expect(first).toHaveLength(5);
    await Promise.all(first.map((admission) => admission.settle(100)));
    // 500 spent: room again, for five more reservations.
    const second = admitted(await Promise.all(Array.from({ length: 6 }, () => client.admitStream('fits'))));
    expect(second).toHaveLength(5);
  });

  it('charges an answer that cost more than its reservation in full, and counts only its first settlement', async () => {
    const client = limits(1_000, 100);
    const admission = admitted([await client.admitStream('over')])[0]!;
    await admission.settle(1_200);
    await admission.settle(0);
    expect(await client.admitStream('over')).toMatchObject({ reason: 'quota', message: expect.stringMatching(/quota of 1,000 is used up/) });
  });

  it('gives the whole reservation back for an answer that cost nothing (cached, or shared with another request)', async () => {
    const client = limits(150, 100);
    for (let i = 0; i < 5; i++) {
      const admission = admitted([await client.admitStream('free')])[0];
      expect(admission).toBeDefined();
      await admission!.settle(0);
    }
  });
});

describe('concurrent streams', () => {
  it('refuses past the cap until a slot is released, and a refusal costs no slot', async () => {
    const client = createClientLimits({ rateLimitRequests: 0, rateLimitWindowSeconds: 60, maxConcurrentStreams: 2, dailyTokenQuota: 0, maxOutputTokens: 100 }, null);
    const [a, b] = admitted([await client.admitStream('c'), await client.admitStream('c')]);
    expect(await client.admitStream('c')).toMatchObject({ reason: 'concurrency' });
    expect(await client.admitStream('c')).toMatchObject({ reason: 'concurrency' });
    a!.release();
    a!.release();
    expect(admitted([await client.admitStream('c')])).toHaveLength(1);
    expect(await client.admitStream('c')).toMatchObject({ reason: 'concurrency' });
    b!.release();
  });
});

describe('signed-in users', () => {
  it('count against the budgets the operator gave accounts, apart from the address they share with guests', async () => {
    const limits = createClientLimits(
      { rateLimitRequests: 1, rateLimitWindowSeconds: 60, maxConcurrentStreams: 0, dailyTokenQuota: 0, maxOutputTokens: 100, signedIn: { rateLimitRequests: 3, maxConcurrentStreams: 0, dailyTokenQuota: 0 } },
      null,
    );
    const user = signedInLimitKey('alice');
    const byUser = [await limits.admitRequest(user), await limits.admitRequest(user), await limits.admitRequest(user), await limits.admitRequest(user)];
    expect(byUser.map((rejection) => rejection?.reason ?? 'admitted')).toEqual(['admitted', 'admitted', 'admitted', 'requests']);
    expect(await limits.admitRequest('a-guest-address')).toBeNull();
    expect(await limits.admitRequest('a-guest-address')).toMatchObject({ reason: 'requests', message: expect.stringMatching(/at most 1 per 60 s/) });
  });
});
