import { clipDescription, type ImportedIndicator, type ImportResult, type IndicatorTypeInput, type Rejection, type Severity } from './indicator';
import { normalizeIndicator } from './normalize';
import { parseValidUntil } from './valid-until';

/** An indicator as typed by an analyst (JSON); the shape is checked by the caller, the value here. */
export interface ManualIndicatorInput {
  type?: IndicatorTypeInput;
  value: string;
  severity?: Severity;
  description?: string;
  /** ISO 8601 time or date (a date: valid through that day, Vietnam time). */
  validUntil?: string;
}

/** Indicators entered one by one; each unusable one is a rejection at `indicators[i]`. */
export function importManual(items: readonly ManualIndicatorInput[]): ImportResult {
  const indicators: ImportedIndicator[] = [];
  const rejected: Rejection[] = [];
  items.forEach((item, index) => {
    const where = `indicators[${index}]`;
    const normalized = normalizeIndicator(item.value, item.type);
    if (!normalized.ok) return void rejected.push({ where, reason: normalized.reason });
    const validUntil = item.validUntil === undefined ? undefined : parseValidUntil(item.validUntil);
    if (item.validUntil !== undefined && !validUntil) return void rejected.push({ where, reason: `validUntil '${item.validUntil}' is not a date (YYYY-MM-DD) or ISO 8601 time` });
    const description = clipDescription(item.description);
    indicators.push({
      type: normalized.type,
      value: normalized.value,
      ...(item.severity === undefined ? {} : { severity: item.severity }),
      ...(description === undefined ? {} : { description }),
      ...(validUntil === undefined ? {} : { validUntil }),
      where,
    });
  });
  return { indicators, rejected, ignored: {} };
}
