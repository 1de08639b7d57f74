import { useState } from 'react';
import { contractForMonth, type MspContract } from '../../../shared/domain/cost';
import { useCallMutation } from '../../api/hooks';
import { DataTable, type Column } from '../../ui/data-table';
import { focusHeading } from '../../ui/focus-heading';
import { formatHours } from '../../ui/format-figures';
import { useToasts } from '../../ui/toasts';
import { ContractForm } from './contract-form';
import { formatStartDay, money } from './contract-format';

/** Every set of terms from its start day, the one in force marked; each can be edited in its row. */
export function ContractHistory({ contracts, currency, month }: { contracts: MspContract[]; currency: string; month: string }) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<number | null>(null);
  const inForce = contractForMonth(contracts, month);
  const latest = contracts[contracts.length - 1];
  const nextMonthStart = (() => {
    const [year, monthNumber] = month.split('-').map(Number) as [number, number];
    return monthNumber === 12 ? `${year + 1}-01-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}-01`;
  })();

  const columns: Column<MspContract>[] = [
    {
      header: 'Starts',
      cell: (contract) => (
        <>
          {formatStartDay(contract.startDay)} {contract.id === inForce?.id && <span className="badge">In force</span>}
        </>
      ),
    },
    { header: 'Monthly fee', numeric: true, cell: (contract) => money(contract.monthlyFeeCents, currency) },
    { header: 'Included hours', numeric: true, cell: (contract) => formatHours(contract.includedMinutes / 60) },
    { header: 'Overage per hour', numeric: true, cell: (contract) => money(contract.overageRateCents, currency) },
    {
      header: 'Actions',
      hideHeader: true,
      className: 'actions',
      cell: (contract) => <ContractActions contract={contract} onEdit={() => setEditing(contract.id)} />,
    },
  ];

  return (
    <section aria-labelledby="msp-contracts-title">
      <div className="section-title">
        <h2 id="msp-contracts-title" tabIndex={-1}>Contracts over time</h2>
        <button type="button" className="button button-small" aria-expanded={adding} onClick={() => setAdding((open) => !open)}>
          {adding ? 'Close new terms' : 'Add new terms'}
        </button>
      </div>
      <p className="muted">Each contract holds from its start day until the next one starts; every month is costed with the terms in force then.</p>
      {adding && (
        <div className="card msp-add-form">
          <ContractForm
            contract={null}
            currency={currency}
            defaultStartDay={latest && latest.startDay >= nextMonthStart ? '' : nextMonthStart}
            label="New contract terms"
            onDone={() => setAdding(false)}
          />
        </div>
      )}
      <DataTable
        labelledBy="msp-contracts-title"
        columns={columns}
        rows={contracts}
        rowKey={(contract) => contract.id}
        rowForm={(contract) =>
          contract.id === editing && (
            <ContractForm
              contract={contract}
              currency={currency}
              defaultStartDay={contract.startDay}
              label={`Edit the contract starting ${formatStartDay(contract.startDay)}`}
              onDone={() => setEditing(null)}
            />
          )
        }
      />
    </section>
  );
}

/** Edit, and a Delete that can be undone by saving the same terms again. */
function ContractActions({ contract, onEdit }: { contract: MspContract; onEdit: () => void }) {
  const toasts = useToasts();
  const remove = useCallMutation('msp:deleteContract');
  const save = useCallMutation('msp:saveContract');
  const starts = formatStartDay(contract.startDay);

  const onDelete = () =>
    remove.mutate(
      { id: contract.id },
      {
        onError: (caught) => toasts.show(caught.message, { tone: 'error' }),
        onSuccess: (deleted) => {
          focusHeading('msp-contracts-title');
          toasts.show(`Deleted the contract starting ${starts}`, {
            action: {
              label: 'Undo',
              run: () =>
                save.mutate(
                  {
                    id: null,
                    startDay: deleted.startDay,
                    monthlyFee: deleted.monthlyFeeCents / 100,
                    includedHours: deleted.includedMinutes / 60,
                    overageRate: deleted.overageRateCents / 100,
                  },
                  { onError: (caught) => toasts.show(caught.message, { tone: 'error' }) },
                ),
            },
          });
        },
      },
    );

  return (
    <>
      <button type="button" className="button button-small" onClick={onEdit}>
        Edit<span className="visually-hidden"> the contract starting {starts}</span>
      </button>
      <button type="button" className="button button-small button-danger" disabled={remove.isPending} onClick={onDelete}>
        Delete<span className="visually-hidden"> the contract starting {starts}</span>
      </button>
    </>
  );
}
