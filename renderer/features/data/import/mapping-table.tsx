import type { CategoryChoice, ImportKind, MappedName, WorkerChoice } from '../../../../shared/api/data-views';
import type { Category } from '../../../../shared/domain/types';
import type { Technician } from '../../../../shared/domain/msp';
import { DataTable, type Column } from '../../../ui/data-table';

const KIND_LABELS: Record<MappedName<unknown>['kind'], string> = {
  project: 'Project',
  client: 'Client',
  tag: 'Tag',
  category: 'Category',
  service: 'Service',
  user: 'User',
  technician: 'Technician',
  owner: 'Owner',
};

const FROM_LABELS = { chosen: null, remembered: 'remembered', suggested: 'suggested' } as const;

const nameOf = (name: MappedName<unknown>) => (name.name === '' ? (name.kind === 'project' ? '(no project, client or tag)' : '(none)') : name.name);

function NameCell({ name }: { name: MappedName<unknown> }) {
  return (
    <span className="mapping-name">
      <span className="muted">{KIND_LABELS[name.kind]}</span> <strong>{nameOf(name)}</strong>
      {name.email && name.email !== name.name && <span className="muted"> {name.email}</span>}
    </span>
  );
}

function StateCell({ name }: { name: MappedName<unknown> }) {
  if (name.needed && name.choice === null) return <span className="badge badge-warning">needed</span>;
  const from = name.from ? FROM_LABELS[name.from] : null;
  return from ? <span className="badge">{from}</span> : null;
}

const categoryValue = (choice: CategoryChoice | null) => (choice === null ? '' : typeof choice === 'number' ? `c:${choice}` : choice);
const categoryChoice = (value: string): CategoryChoice | null => (value === '' ? null : value === 'none' || value === 'skip' ? value : Number(value.slice(2)));

/** Projects, clients, tags (or the file's category names) and the category each becomes. */
export function CategoryMapping({
  names,
  kind,
  categories,
  onChange,
}: {
  names: MappedName<CategoryChoice>[];
  kind: ImportKind;
  categories: readonly Category[];
  onChange: (key: string, choice: CategoryChoice | null) => void;
}) {
  const columns: Column<MappedName<CategoryChoice>>[] = [
    { header: 'In the file', cell: (name) => <NameCell name={name} /> },
    { header: 'Rows', numeric: true, cell: (name) => name.rows.toLocaleString() },
    {
      header: 'Becomes',
      cell: (name) => (
        <select
          aria-label={`Category for ${KIND_LABELS[name.kind].toLowerCase()} “${nameOf(name)}”`}
          value={categoryValue(name.choice)}
          onChange={(event) => onChange(name.key, categoryChoice(event.target.value))}
        >
          <option value="">{kind === 'tasks' ? '— choose —' : '— choose a category —'}</option>
          {categories.map((category) => (
            <option key={category.id} value={`c:${category.id}`}>
              {category.name}
            </option>
          ))}
          {kind === 'tasks' && <option value="none">No category</option>}
          <option value="skip">Skip these rows</option>
        </select>
      ),
    },
    { header: 'State', hideHeader: true, cell: (name) => <StateCell name={name} /> },
  ];
  return <DataTable caption="Categories for the names in the file" columns={columns} rows={names} rowKey={(name) => name.key} className="mapping-table" />;
}

const workerValue = (choice: WorkerChoice | null) =>
  choice === null ? '' : choice === 'skip' ? 'skip' : choice.worker === 'me' ? 'me' : choice.technicianId === null ? 'msp' : `t:${choice.technicianId}`;
const workerChoice = (value: string): WorkerChoice | null => {
  if (value === '') return null;
  if (value === 'skip') return 'skip';
  if (value === 'me') return { worker: 'me', technicianId: null };
  if (value === 'msp') return { worker: 'msp', technicianId: null };
  return { worker: 'msp', technicianId: Number(value.slice(2)) };
};

/** The people in the file (users, technicians, owners) and who each is. */
export function PeopleMapping({
  names,
  technicians,
  onChange,
}: {
  names: MappedName<WorkerChoice>[];
  technicians: readonly Technician[];
  onChange: (key: string, choice: WorkerChoice | null) => void;
}) {
  const columns: Column<MappedName<WorkerChoice>>[] = [
    { header: 'In the file', cell: (name) => <NameCell name={name} /> },
    { header: 'Rows', numeric: true, cell: (name) => name.rows.toLocaleString() },
    {
      header: 'Is',
      cell: (name) => (
        <select aria-label={`Who “${nameOf(name)}” is`} value={workerValue(name.choice)} onChange={(event) => onChange(name.key, workerChoice(event.target.value))}>
          <option value="">— choose who —</option>
          <option value="me">Me</option>
          <option value="msp">The MSP (no one technician)</option>
          {technicians
            .filter((technician) => !technician.archived)
            .map((technician) => (
              <option key={technician.id} value={`t:${technician.id}`}>
                {technician.name} (MSP)
              </option>
            ))}
          <option value="skip">Skip these rows</option>
        </select>
      ),
    },
    { header: 'State', hideHeader: true, cell: (name) => <StateCell name={name} /> },
  ];
  return <DataTable caption="Who the people in the file are" columns={columns} rows={names} rowKey={(name) => name.key} className="mapping-table" />;
}
