import { useCallQuery } from '../../api/hooks';
import { EmptyState } from '../../ui/empty-state';
import { useTime } from '../../ui/time';
import { BurnDownSection } from './burn-down';
import { ContractForm } from './contract-form';
import { ContractHistory } from './contract-terms';
import { LogMspTimeSection } from './msp-time-form';
import { MspTimeThisMonth } from './msp-time-list';
import './msp-setup.css';

/** What the MSP costs: the contract's terms over time, this month's included hours, and the MSP's logged time. */
export function ContractTab() {
  const setup = useCallQuery('msp:get', []);
  const settings = useCallQuery('settings:get', []);
  const burnDown = useCallQuery('msp:burnDown', []);
  const { today } = useTime();

  if (setup.isError || settings.isError) {
    return (
      <p className="form-error" role="alert">
        {(setup.error ?? settings.error)?.message}
      </p>
    );
  }
  if (!setup.isSuccess || !settings.isSuccess) return <p className="muted">Loading the contract…</p>;
  const currency = settings.data.currency;
  const { contracts, technicians } = setup.data;
  const month = burnDown.data?.month ?? today.slice(0, 7);

  return (
    <div className="stack msp-setup">
      {contracts.length === 0 ? (
        <NoContractYet currency={currency} />
      ) : (
        burnDown.data && <BurnDownSection burnDown={burnDown.data} currency={currency} />
      )}
      <LogMspTimeSection technicians={technicians} />
      <MspTimeThisMonth month={month} technicians={technicians} />
      {contracts.length > 0 && <ContractHistory contracts={contracts} currency={currency} month={month} />}
    </div>
  );
}

function NoContractYet({ currency }: { currency: string }) {
  const { today } = useTime();
  return (
    <section aria-labelledby="msp-contract-form-title" className="stack">
      <EmptyState title="No contract yet">
        <p>
          Enter the terms of your MSP contract — the monthly fee, the hours it includes and the rate for hours beyond
          them. They drive this month’s burn-down of included hours, the warning when 80 % are used, and the comparison of
          what the MSP costs against the cost of a hire.
        </p>
        <p>When the terms change, add new ones from the day they start; past months keep the terms they had.</p>
      </EmptyState>
      <div className="card">
        <h2 id="msp-contract-form-title">Add the contract</h2>
        <ContractForm contract={null} currency={currency} defaultStartDay={`${today.slice(0, 7)}-01`} label="New contract" />
      </div>
    </section>
  );
}
