import { useState, type KeyboardEvent } from 'react';
import { Screen } from '../../ui/screen';
import { ContractTab } from './contract-tab';
import { DelegationTab } from './delegation-tab';
import { QueueTab } from './queue-tab';
import { TeamTab } from './team-tab';

const TABS = [
  { id: 'delegation', label: 'Delegation', Panel: DelegationTab },
  { id: 'queue', label: 'Queue', Panel: QueueTab },
  { id: 'team', label: 'Team', Panel: TeamTab },
  { id: 'contract', label: 'Contract', Panel: ContractTab },
] as const;

type TabId = (typeof TABS)[number]['id'];

/** The MSP she manages: what she hands them, what they are doing, who they are, what it costs. */
export default function MspScreen() {
  const [current, setCurrent] = useState<TabId>('delegation');

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.findIndex((tab) => tab.id === current);
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : null;
    if (next === null) return;
    const tab = TABS[(next + TABS.length) % TABS.length]!;
    setCurrent(tab.id);
    document.getElementById(`msp-tab-${tab.id}`)?.focus();
    event.preventDefault();
  };

  const active = TABS.find((tab) => tab.id === current)!;
  return (
    <Screen title="MSP">
      <div role="tablist" aria-label="MSP" className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab.id}
            id={`msp-tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={tab.id === current}
            aria-controls={`msp-panel-${tab.id}`}
            tabIndex={tab.id === current ? 0 : -1}
            onClick={() => setCurrent(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`msp-panel-${active.id}`} aria-labelledby={`msp-tab-${active.id}`} className="tab-panel">
        <active.Panel />
      </div>
    </Screen>
  );
}
