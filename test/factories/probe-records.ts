import { ProbeRecord } from '../support/probe.js';

let sequence = 0;

export function buildProbeRecord(overrides: Partial<{ name: string; title: string; email: string }> = {}) {
  sequence += 1;
  return { name: `Registro ${sequence}`, title: `Título ${sequence}`, ...overrides };
}

export async function createProbeRecord(overrides: Parameters<typeof buildProbeRecord>[0] = {}) {
  const record = await ProbeRecord.create(buildProbeRecord(overrides));
  return { id: String(record._id), name: record.name };
}
