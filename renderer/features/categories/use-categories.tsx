import { useMemo } from 'react';
import { useCallQuery } from '../../api/hooks';
import type { Category } from '../../../shared/domain/types';

/** All categories (archived included, so old tasks still show theirs), indexed by id. */
export function useCategories() {
  const query = useCallQuery('categories:list', [{ includeArchived: true }]);
  const byId = useMemo(() => new Map((query.data ?? []).map((category) => [category.id, category])), [query.data]);
  const active = useMemo(() => (query.data ?? []).filter((category) => !category.archived), [query.data]);
  return { ...query, byId, active };
}

export function CategoryChip({ category }: { category: Category | undefined }) {
  if (!category) return <span className="chip chip-none">No category</span>;
  return (
    <span className="chip">
      {/* React sets style through the CSSOM, which the CSP allows (no inline style attribute). */}
      <span className="swatch" style={{ background: category.color }} />
      {category.name}
    </span>
  );
}
