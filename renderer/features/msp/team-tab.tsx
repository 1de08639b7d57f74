import { useCallQuery } from '../../api/hooks';
import { ProviderSection } from './provider-section';
import { ResponseTargetsSection } from './response-targets';
import { TechniciansSection } from './technicians-section';
import './msp-setup.css';

/** Who the MSP is, the people on their team, and how fast she expects them to respond. */
export function TeamTab() {
  const setup = useCallQuery('msp:get', []);
  if (setup.isPending) return <p className="muted">Loading the MSP team…</p>;
  if (setup.isError) {
    return (
      <p className="form-error" role="alert">
        {setup.error.message}
      </p>
    );
  }
  return (
    <div className="stack msp-setup">
      <ProviderSection provider={setup.data.provider} />
      <TechniciansSection technicians={setup.data.technicians} />
      <ResponseTargetsSection targets={setup.data.responseTargets} />
    </div>
  );
}
