import type { RillErrorCode } from '@/lib/errors';

/** Short names for chart legends (errorTitle's sentences are for messages, not legends). */
export const errorLabels: Record<RillErrorCode, string> = {
  bad_request: 'Bad request',
  too_large: 'Too large',
  unsupported_media_type: 'Wrong type',
  rate_limited: 'Rate limited',
  auth: 'Auth',
  signed_out: 'Signed out',
  model_not_found: 'No model',
  unavailable: 'Unavailable',
  network: 'Network',
  interrupted: 'Interrupted',
  timeout: 'Timeout',
  unknown: 'Other',
};

export const errorColors: Record<RillErrorCode, string> = {
  bad_request: '#a1a1aa',
  too_large: '#71717a',
  unsupported_media_type: '#52525b',
  rate_limited: '#f59e0b',
  auth: '#8b5cf6',
  signed_out: '#a78bfa',
  model_not_found: '#6366f1',
  unavailable: '#f43f5e',
  network: '#ec4899',
  interrupted: '#fb923c',
  timeout: '#ef4444',
  unknown: '#64748b',
};
