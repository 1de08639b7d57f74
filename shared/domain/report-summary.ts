/** What the leadership report's sentence is built from. */
export interface SummaryFacts {
  periodName: string;
  netHours: number;
  netValue: number;
  hasContract: boolean;
  mspCost: number;
  hireCost: number;
  comparison: { before: { hours: number; overtimeHours: number }; after: { hours: number; overtimeHours: number } } | null;
  completed: number;
}

/**
 * The report's plain-language summary, built from its numbers only, in the reader's formats:
 * "In November 2026 the MSP gave you back 38.2 h net (worth $2,268 of your time) for $4,300, against
 * $7,042 for a hire. Your average week is 47.5 h against 61.0 h before you delegated, with 4.1 h of
 * overtime instead of 21.0 h. The MSP completed 31 tasks."
 */
export function reportSummary(facts: SummaryFacts, format: { hours(value: number): string; money(value: number): string }): string {
  let sentence = `In ${facts.periodName} the MSP gave you back ${format.hours(facts.netHours)} net (worth ${format.money(facts.netValue)} of your time)`;
  sentence += facts.hasContract ? ` for ${format.money(facts.mspCost)}, against ${format.money(facts.hireCost)} for a hire.` : '.';
  if (facts.comparison) {
    const { before, after } = facts.comparison;
    sentence += ` Your average week is ${format.hours(after.hours)} against ${format.hours(before.hours)} before you delegated, with ${format.hours(after.overtimeHours)} of overtime instead of ${format.hours(before.overtimeHours)}.`;
  }
  if (facts.completed > 0) sentence += ` The MSP completed ${facts.completed} task${facts.completed === 1 ? '' : 's'}.`;
  return sentence;
}
