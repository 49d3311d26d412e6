/**
 * The legal sources the rule tables cite, in one place (docs/law-rules.md lists them).
 */
import type { RuleSource } from '../types.ts';

export const INTEGRERINGSLOVEN = 'integreringsloven (LOV-2020-11-06-127), in force 2021-01-01';
export const INTRODUKSJONSLOVEN = 'introduksjonsloven (LOV-2003-07-04-80)';
export const PROP_89_L = 'Prop. 89 L (2019–2020) (the bill the report encodes)';
export const INTEGRERINGSFORSKRIFTEN =
  'integreringsforskriften, veiledende minimumsnivå i norsk (draft on consultation 26 June 2020, Kunnskapsdepartementet 2020b)';
export const KAP_6A =
  'integreringsloven kap. 6A (Prop. 107 L (2021–2022), in force 2022-06-15; persons granted § 34 collective protection from 2022-03-11)';
export const KAP_6A_2024 = 'integreringsloven kap. 6A as continued by Prop. 72 L (2023–2024) (in force to 2026-07-01)';

/** A source from the report (not a later amendment). */
export function fromReport(law: string, report: string, note?: string): RuleSource {
  return { law, report, postReport: false, ...(note ? { note } : {}) };
}

/** A source added after the 2020 report (amendments in force later); always has a note or url. */
export function postReport(law: string, note: string, url?: string): RuleSource {
  return { law, report: null, postReport: true, note, ...(url ? { url } : {}) };
}
