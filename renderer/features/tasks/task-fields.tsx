import type { SelectHTMLAttributes } from 'react';
import type { Category } from '../../../shared/domain/types';
import { Field } from '../../ui/field';
import type { TaskDraft } from './task-draft';

export const PRIORITY_LABELS = ['None', '! Low', '!! Medium', '!!! High'] as const;

interface FieldsProps {
  draft: TaskDraft;
  onChange: (patch: Partial<TaskDraft>) => void;
  errors: Record<string, string | undefined>;
  categories: Category[];
}

interface CategorySelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
  categories: Category[];
  /** What the empty choice says: "No category" where none is fine, "Choose…" where one is needed. */
  emptyLabel?: string;
}

/** Forwards id and ARIA attributes so a surrounding Field can label it. */
export function CategorySelect({ value, onChange, categories, emptyLabel = 'No category', ...rest }: CategorySelectProps) {
  return (
    <select {...rest} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{emptyLabel}</option>
      {categories.map((category) => (
        <option key={category.id} value={category.id}>
          {category.name}
          {category.archived ? ' (archived)' : ''}
        </option>
      ))}
    </select>
  );
}

/** The fields shared by the quick "new task" row and the full editor. */
export function CoreTaskFields({ draft, onChange, errors, categories }: FieldsProps) {
  return (
    <>
      <Field label="Category" error={errors.categoryId}>
        <CategorySelect value={draft.categoryId} onChange={(categoryId) => onChange({ categoryId })} categories={categories} />
      </Field>
      <Field label="Estimate" error={errors.estimateMinutes}>
        <input
          type="text"
          inputMode="text"
          placeholder="30m, 1.5h"
          value={draft.estimate}
          onChange={(event) => onChange({ estimate: event.target.value })}
          size={8}
        />
      </Field>
      <Field label="Due" error={errors.dueDay}>
        <input type="date" value={draft.dueDay} onChange={(event) => onChange({ dueDay: event.target.value })} />
      </Field>
      <Field label="Priority" error={errors.priority}>
        <select value={draft.priority} onChange={(event) => onChange({ priority: event.target.value })}>
          {PRIORITY_LABELS.map((label, value) => (
            <option key={label} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
