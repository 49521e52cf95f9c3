import { z } from 'zod';

/** Severities from most to least severe: the order reports list patterns in. */
export const severityOrder = ['critical', 'high', 'medium', 'low'] as const;
export const severitySchema = z.enum(severityOrder);
export type Severity = z.output<typeof severitySchema>;

/** 0 for critical ... 3 for low. */
export function severityRank(severity: Severity): number {
  return severityOrder.indexOf(severity);
}
