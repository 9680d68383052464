// The tour format as JSON Schema, generated from the runtime schema so editors check what the app checks.
import * as z from 'zod/mini';
import { Tour } from '../protocol/tour-schema';

export function tourJsonSchema(): Record<string, unknown> {
  // Cross-field rules (hotspot targets exist, 180° limits) are not expressible in JSON Schema; `npm run
  // scenes:check` enforces them.
  const schema = z.toJSONSchema(Tour, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'SetVisit tour file', description: 'One production set tour: locations, streams, hotspots, captions.' };
}
