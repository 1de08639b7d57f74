import type { Settings } from '../../../shared/domain/settings';
import { readNumber, TextSetting, useSaveSetting, type SettingsPatch } from './setting-field';

/** Currencies the platform knows, most used first. */
const COMMON = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'SEK', 'NOK', 'DKK', 'NZD', 'JPY', 'INR', 'ZAR', 'BRL', 'MXN'];
function currencies(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : COMMON;
  return [...COMMON, ...all.filter((code) => !COMMON.includes(code))];
}

const money = (label: string, key: 'managerAnnualSalary' | 'hireAnnualSalary') => (text: string): SettingsPatch | { problem: string } => {
  const amount = readNumber(text.replace(/[^\d.,-]/g, ''));
  return amount === null ? { problem: `Type ${label} as a number, such as 95000` } : { [key]: amount };
};

/** What her time and a hire cost, and what overseeing the MSP takes: the cost comparison and net hours reclaimed. */
export function CostsSection({ settings }: { settings: Settings }) {
  const { save, errors } = useSaveSetting();
  return (
    <section className="settings-section" aria-labelledby="costs-title">
      <h2 id="costs-title">The MSP and the numbers for leadership</h2>
      <div className="settings-grid">
        <TextSetting
          label="Oversight share (%)"
          inputMode="decimal"
          value={String(Math.round(settings.oversightShare * 1000) / 10)}
          parse={(text) => {
            const percent = readNumber(text.replace('%', ''));
            return percent === null ? { problem: 'Type a percentage, such as 10' } : { oversightShare: percent / 100 };
          }}
          error={errors.oversightShare}
          onSave={(patch) => save('oversightShare', patch)}
          hint="The part of the MSP's hours you spend managing them; it is taken off the hours reclaimed."
        />
        <TextSetting
          label="Your annual salary"
          inputMode="decimal"
          value={String(settings.managerAnnualSalary)}
          parse={money('your salary', 'managerAnnualSalary')}
          error={errors.managerAnnualSalary}
          onSave={(patch) => save('managerAnnualSalary', patch)}
          hint="With overhead, over 2,080 hours: what an hour of yours is worth."
        />
        <TextSetting
          label="A hire's annual salary"
          inputMode="decimal"
          value={String(settings.hireAnnualSalary)}
          parse={money('the salary', 'hireAnnualSalary')}
          error={errors.hireAnnualSalary}
          onSave={(patch) => save('hireAnnualSalary', patch)}
          hint="The MSP's cost is set against this, with overhead."
        />
        <TextSetting
          label="Overhead (%)"
          inputMode="decimal"
          value={String(settings.overheadPercent)}
          parse={(text) => {
            const percent = readNumber(text.replace('%', ''));
            return percent === null ? { problem: 'Type a percentage, such as 30' } : { overheadPercent: percent };
          }}
          error={errors.overheadPercent}
          onSave={(patch) => save('overheadPercent', patch)}
          hint="Benefits, taxes, equipment on top of a salary."
        />
        <div className="field setting-field">
          <label htmlFor="currency">Currency</label>
          <select id="currency" value={settings.currency} onChange={(event) => void save('currency', { currency: event.target.value })}>
            {currencies().map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
          {errors.currency && (
            <div className="field-error" role="alert">
              {errors.currency}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
