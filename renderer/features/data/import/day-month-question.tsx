import { useId, useState } from 'react';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "03/04/2024" read both ways: 3 April 2024 and March 4, 2024. */
function readings(example: string): { dayFirst: string; monthFirst: string } | null {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(example.trim());
  if (!match) return null;
  const [first, second, year] = [Number(match[1]), Number(match[2]), match[3]!.length === 2 ? `20${match[3]}` : match[3]!];
  if (first > 12 || second > 12 || first < 1 || second < 1) return null;
  return { dayFirst: `${first} ${MONTHS[second - 1]} ${year}`, monthFirst: `${MONTHS[first - 1]} ${second}, ${year}` };
}

/** The file's dates do not say whether the day or the month comes first: she says. */
export function DayMonthQuestion({ message, examples, onAnswer }: { message: string; examples: string[]; onAnswer: (order: 'DMY' | 'MDY') => void }) {
  const [order, setOrder] = useState<'DMY' | 'MDY' | null>(null);
  const id = useId();
  const example = examples.map(readings).find((reading) => reading !== null) ?? null;
  return (
    <form
      className="card day-month-question"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (order) onAnswer(order);
      }}
    >
      <h2 id={`${id}-title`}>Which comes first in this file’s dates?</h2>
      <p>{message}</p>
      <fieldset className="plain-fieldset">
        <legend className="visually-hidden">Order of day and month</legend>
        <label className="checkbox">
          <input type="radio" name={`${id}-order`} value="DMY" checked={order === 'DMY'} onChange={() => setOrder('DMY')} />
          The day, then the month{example ? ` (${examples[0]} is ${example.dayFirst})` : ''}
        </label>
        <label className="checkbox">
          <input type="radio" name={`${id}-order`} value="MDY" checked={order === 'MDY'} onChange={() => setOrder('MDY')} />
          The month, then the day{example ? ` (${examples[0]} is ${example.monthFirst})` : ''}
        </label>
      </fieldset>
      <p className="muted">Examples from the file: {examples.join(', ')}.</p>
      <button type="submit" className="button button-primary" disabled={order === null}>
        Read the dates this way
      </button>
    </form>
  );
}
