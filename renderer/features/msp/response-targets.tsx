import { useId, useState } from 'react';
import type { ResponseTarget } from '../../../shared/domain/msp';
import { parseDuration } from '../../../shared/domain/duration';
import type { Category } from '../../../shared/domain/types';
import { useCallMutation } from '../../api/hooks';
import { CategoryChip, useCategories } from '../categories/use-categories';

/** How soon she expects the MSP to respond, per category; each row saves on its own. */
export function ResponseTargetsSection({ targets }: { targets: ResponseTarget[] }) {
  const categories = useCategories();
  const targetOf = new Map(targets.map((target) => [target.categoryId, target.targetMinutes]));

  return (
    <section aria-labelledby="msp-targets-title">
      <h2 id="msp-targets-title">Response-time targets</h2>
      <p className="muted">
        How soon you expect the MSP to respond to a new task in each category, in hours (0.5 is half an hour). Leave a
        category blank for no target.
      </p>
      {categories.isSuccess && categories.active.length === 0 ? (
        <p className="muted">Add categories in Settings first; targets are set per category.</p>
      ) : (
        <table className="data-table targets-table" aria-labelledby="msp-targets-title">
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Target (hours)</th>
            </tr>
          </thead>
          <tbody>
            {categories.active.map((category) => (
              <ResponseTargetRow key={category.id} category={category} targetMinutes={targetOf.get(category.id) ?? null} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const hoursText = (minutes: number | null) => (minutes === null ? '' : String(Number((minutes / 60).toFixed(2))));

/** "4" and "0.5" are hours; "30m", "1h 30m" and "1:30" are read as durations. Blank means no target. */
function parseTargetMinutes(text: string): { minutes: number | null } | { error: string } {
  const value = text.trim().replace(',', '.');
  if (value === '') return { minutes: null };
  if (/^-/.test(value)) return { error: 'A target cannot be negative' };
  if (/^\d+(\.\d+)?$/.test(value)) return { minutes: Math.round(Number(value) * 60) };
  const minutes = parseDuration(value);
  return minutes === null ? { error: 'Type hours, such as 4 or 0.5, or leave it blank' } : { minutes };
}

/** A target saved with Enter or its button; a bad one is reported in its row. */
function ResponseTargetRow({ category, targetMinutes }: { category: Category; targetMinutes: number | null }) {
  const [text, setText] = useState(hoursText(targetMinutes));
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const setTarget = useCallMutation('responseTargets:set');
  const errorId = useId();

  const save = () => {
    const parsed = parseTargetMinutes(text);
    if ('error' in parsed) {
      setError(parsed.error);
      setSaved(false);
      return;
    }
    setTarget.mutate(
      { categoryId: category.id, targetMinutes: parsed.minutes },
      {
        onSuccess: () => {
          setError(undefined);
          setSaved(true);
          setText(hoursText(parsed.minutes));
        },
        onError: (caught) => {
          setError(caught.forField('targetMinutes') ?? caught.message);
          setSaved(false);
        },
      },
    );
  };

  return (
    <tr>
      <td>
        <CategoryChip category={category} />
      </td>
      <td>
        <div className="target-cell">
          <input
            type="text"
            inputMode="decimal"
            className="target-input"
            value={text}
            size={6}
            placeholder="none"
            aria-label={`Response target for ${category.name}, in hours`}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              setText(event.target.value);
              setSaved(false);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') save();
            }}
          />
          <button type="button" className="button button-small" disabled={setTarget.isPending} onClick={save}>
            Save<span className="visually-hidden"> target for {category.name}</span>
          </button>
          <span role="status" className="muted saved-note">
            {saved ? 'Saved' : ''}
          </span>
        </div>
        {error && (
          <div id={errorId} className="field-error" role="alert">
            {error}
          </div>
        )}
      </td>
    </tr>
  );
}
