/*
 * An auditor (`mockServices.auditor.mock`) that keeps every event and how
 * it ended, so tests can read the audit trail.
 */
import { mockServices } from '@backstage/backend-test-utils';
import type { AuditorServiceCreateEventOptions } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';

/** One audit event and its outcome. */
export interface AuditRecord {
  eventId: string;
  severityLevel?: string;
  /** The meta given when the event was created. */
  meta?: JsonObject;
  /** `success` or `fail`; undefined while open. */
  outcome?: 'success' | 'fail';
  /** The meta given with the outcome. */
  outcomeMeta?: JsonObject;
  /** The error message of a `fail`. */
  error?: string;
}

/** A recording auditor: its service factory and the events it kept. */
export function createRecordingAuditor() {
  const records: AuditRecord[] = [];
  const mock = mockServices.auditor.mock({
    createEvent: async (options: AuditorServiceCreateEventOptions) => {
      const record: AuditRecord = { eventId: options.eventId, severityLevel: options.severityLevel, meta: options.meta };
      records.push(record);
      return {
        success: async (outcome?: { meta?: JsonObject }) => {
          record.outcome = 'success';
          record.outcomeMeta = outcome?.meta;
        },
        fail: async (outcome: { meta?: JsonObject; error: Error }) => {
          record.outcome = 'fail';
          record.outcomeMeta = outcome.meta;
          record.error = outcome.error.message;
        },
      };
    },
  });
  return { factory: mock.factory, records };
}
