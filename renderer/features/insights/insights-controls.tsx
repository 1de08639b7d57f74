import type { Category } from '../../../shared/domain/types';
import { Field } from '../../ui/field';
import { Swatch } from './charts/chart-card';
import { RANGE_PRESETS, type RangePreset } from './insights-range';

interface RangePickerProps {
  preset: RangePreset;
  onPreset: (preset: RangePreset) => void;
  custom: { from: string; to: string };
  onCustom: (range: { from: string; to: string }) => void;
  /** Under the picker: the days the charts show ("Aug 31 – Nov 16, 2026"). */
  shown: string;
  customError: string | undefined;
}

/** Which days every chart shows: a preset, or any from–to. */
export function RangePicker({ preset, onPreset, custom, onCustom, shown, customError }: RangePickerProps) {
  return (
    <fieldset className="plain-fieldset range-picker">
      <legend>Range</legend>
      <div className="toolbar top-aligned">
        <div className="segmented" role="group" aria-label="Range">
          {[...RANGE_PRESETS, { preset: 'custom' as const, label: 'Custom' }].map((option) => (
            <button key={option.preset} type="button" aria-pressed={preset === option.preset} onClick={() => onPreset(option.preset)}>
              {option.label}
            </button>
          ))}
        </div>
        {preset === 'custom' && (
          <>
            <Field label="From">
              <input type="date" value={custom.from} max={custom.to || undefined} onChange={(event) => onCustom({ ...custom, from: event.target.value })} />
            </Field>
            <Field label="To" error={customError}>
              <input type="date" value={custom.to} onChange={(event) => onCustom({ ...custom, to: event.target.value })} />
            </Field>
          </>
        )}
      </div>
      <p className="muted range-shown" aria-live="polite">
        {shown}
      </p>
    </fieldset>
  );
}

/** Which categories every chart shows: none chosen is all of them. */
export function CategoryFilter({ categories, chosen, onChange }: { categories: readonly Category[]; chosen: number[] | null; onChange: (chosen: number[] | null) => void }) {
  const toggle = (id: number, on: boolean) => {
    const next = on ? [...(chosen ?? []), id] : (chosen ?? []).filter((other) => other !== id);
    onChange(next.length === 0 ? null : next.sort((a, b) => a - b));
  };
  return (
    <fieldset className="plain-fieldset category-filter">
      <legend>Categories</legend>
      <div className="chip-toggles">
        <button type="button" className="chip-toggle" aria-pressed={chosen === null} onClick={() => onChange(null)}>
          All categories
        </button>
        {categories.map((category) => (
          <label key={category.id} className="chip-toggle">
            <input type="checkbox" checked={chosen?.includes(category.id) ?? false} onChange={(event) => toggle(category.id, event.target.checked)} />
            <Swatch colour={category.color} />
            {category.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
