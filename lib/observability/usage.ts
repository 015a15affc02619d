import 'server-only';
import { processSingleton } from '@/lib/process-singleton';
import { UsageSeries } from './usage-series';

/** The process's last-hour usage series, read by `/api/usage`. */
export function usageSeries(): UsageSeries {
  return processSingleton('usage-series', () => new UsageSeries());
}
