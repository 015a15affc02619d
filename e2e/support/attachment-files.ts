import { crc32 } from 'node:zlib';
import { expect, type Page } from '@playwright/test';

/** A 1×1 PNG, as small as they come. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/**
 * A valid PNG of about `bytes` bytes, different for each `seed`: the 1×1 image with a private
 * ancillary chunk of padding after its header, which decoders skip, so its thumbnail still renders.
 */
export function paddedPng(bytes: number, seed: number): Buffer {
  const headerEnd = 8 + 25; // signature, then the IHDR chunk (4 length + 4 type + 13 data + 4 CRC)
  const type = Buffer.from('ruLd');
  const data = Buffer.alloc(bytes, seed);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])));
  return Buffer.concat([TINY_PNG.subarray(0, headerEnd), length, type, data, crc, TINY_PNG.subarray(headerEnd)]);
}

/** The composer's file input and the chips of the files to send. */
export function attachments(page: Page) {
  const input = page.getByLabel('Attach files');
  const chips = page.getByRole('list', { name: 'Files to send' }).getByRole('listitem');
  return {
    input,
    chips,
    send: page.getByRole('button', { name: 'Send' }),
    /** Every chip uploaded: only then may the message go. */
    async waitUntilReady(count: number, timeout = 10_000) {
      await expect(chips).toHaveCount(count);
      for (const chip of await chips.all()) await expect(chip).toHaveAttribute('data-status', 'ready', { timeout });
    },
  };
}

/** Pending localStorage writes happen now (the chat store writes them at most twice a second, and when the page hides). */
export async function flushStorage(page: Page) {
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
}
