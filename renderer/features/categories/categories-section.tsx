import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../shared/api/errors';
import type { Category, CategoryKind } from '../../../shared/domain/types';
import { useCallMutation } from '../../api/hooks';
import { Field } from '../../ui/field';
import { useToasts } from '../../ui/toasts';
import { useCategories } from './use-categories';

const KIND_LABELS: Record<CategoryKind, string> = { operational: 'Operational', strategic: 'Strategic' };

export function CategoriesSection() {
  const categories = useCategories();
  const [showArchived, setShowArchived] = useState(false);
  const visible = (categories.data ?? []).filter((category) => showArchived || !category.archived);
  const archivedCount = (categories.data ?? []).filter((category) => category.archived).length;

  return (
    <section className="settings-section" aria-labelledby="categories-title">
      <h2 id="categories-title">Categories</h2>
      <p className="muted">
        The kinds of IT work you track. Strategic work (research, planning, meetings with the business) is what you want
        more of; operational work is what you can hand to your MSP.
      </p>
      <NewCategoryForm />
      <ul className="category-list" aria-label="Categories">
        {visible.map((category) => (
          <CategoryRow key={category.id} category={category} />
        ))}
      </ul>
      {archivedCount > 0 && (
        <label className="checkbox">
          <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
          Show {archivedCount} archived
        </label>
      )}
    </section>
  );
}

function NewCategoryForm() {
  const [name, setName] = useState('');
  const [color, setColor] = useState('#0ea5e9');
  const [kind, setKind] = useState<CategoryKind>('operational');
  const [error, setError] = useState<string | undefined>();
  const create = useCallMutation('categories:create');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError('Give the category a name');
      return;
    }
    try {
      await create.mutateAsync({ name, color, kind });
      setName('');
      setError(undefined);
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      setError(caught.forField('name') ?? caught.message);
    }
  };

  return (
    <form className="card inline-form" onSubmit={submit} noValidate aria-label="New category">
      <Field label="New category" error={error} className="grow">
        <input type="text" value={name} onChange={(event) => setName(event.target.value)} maxLength={60} placeholder="e.g. Phones" />
      </Field>
      <Field label="Colour">
        <input type="color" value={color} onChange={(event) => setColor(event.target.value)} />
      </Field>
      <Field label="Type">
        <select value={kind} onChange={(event) => setKind(event.target.value as CategoryKind)}>
          {Object.entries(KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        Add category
      </button>
    </form>
  );
}

function CategoryRow({ category }: { category: Category }) {
  const [name, setName] = useState(category.name);
  const [error, setError] = useState<string | undefined>();
  const update = useCallMutation('categories:update');
  const archive = useCallMutation('categories:archive');
  const restore = useCallMutation('categories:restore');
  const toasts = useToasts();

  const save = (patch: { name?: string; color?: string; kind?: CategoryKind }) =>
    update.mutate(
      { id: category.id, ...patch },
      {
        onSuccess: () => setError(undefined),
        onError: (caught) => {
          setError(caught.forField('name') ?? caught.message);
          if (patch.name !== undefined) setName(category.name);
        },
      },
    );

  const rename = () => {
    if (name.trim() === category.name) return;
    if (name.trim() === '') {
      setError('A category needs a name');
      setName(category.name);
      return;
    }
    save({ name });
  };

  const toggleArchived = () => {
    if (category.archived) {
      restore.mutate({ id: category.id });
      return;
    }
    archive.mutate(
      { id: category.id },
      {
        onSuccess: () =>
          toasts.show(`Archived “${category.name}”`, {
            group: 'categories-archived',
            plural: (count) => `Archived ${count} categories`,
            action: { label: 'Undo', run: () => restore.mutate({ id: category.id }) },
          }),
        onError: (caught) => toasts.show(caught.message, { tone: 'error' }),
      },
    );
  };

  return (
    <li className={`category-row${category.archived ? ' is-archived' : ''}`}>
      <input
        type="color"
        value={category.color}
        aria-label={`Colour of ${category.name}`}
        onChange={(event) => save({ color: event.target.value })}
      />
      <div className="grow">
        <input
          type="text"
          className="inline-edit"
          value={name}
          aria-label={`Name of ${category.name}`}
          aria-invalid={error ? true : undefined}
          maxLength={60}
          onChange={(event) => setName(event.target.value)}
          onBlur={rename}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
            if (event.key === 'Escape') setName(category.name);
          }}
        />
        {error && (
          <div className="field-error" role="alert">
            {error}
          </div>
        )}
      </div>
      <select
        value={category.kind}
        aria-label={`Type of ${category.name}`}
        onChange={(event) => save({ kind: event.target.value as CategoryKind })}
      >
        {Object.entries(KIND_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <button type="button" className="button button-small" onClick={toggleArchived}>
        {category.archived ? 'Restore' : 'Archive'}
        <span className="visually-hidden"> {category.name}</span>
      </button>
    </li>
  );
}
