import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { InsightsView } from '../../../shared/api/views';
import type { Settings } from '../../../shared/domain/settings';
import { useCallQuery } from '../../api/hooks';
import { EmptyState } from '../../ui/empty-state';
import { Screen } from '../../ui/screen';
import { useTime } from '../../ui/time';
import { useCategories } from '../categories/use-categories';
import { ChartCard } from './charts/chart-card';
import { chartModel } from './charts/chart-model';
import { ContractChart } from './charts/contract-chart';
import { HourHeatmap } from './charts/hour-heatmap';
import { ReclaimedChart } from './charts/reclaimed-chart';
import { CapacityChart, HoursByCategoryChart, ShareChart } from './charts/workload-charts';
import { HeadlineFigures } from './headline-figures';
import { CategoryFilter, RangePicker } from './insights-controls';
import { presetRange, type InsightsRange, type RangePreset } from './insights-range';
import { BaselinesTable, CostTable, ReclaimedFigures } from './reclaimed-tables';
import './insights.css';

/**
 * Insights: her workload, the hours the MSP gives back and what it costs, over a range and for the
 * categories she picks — one `insights:charts` call feeds every figure, chart and table here.
 */
export default function InsightsScreen() {
  const settings = useCallQuery('settings:get', []);
  const { today, formatDay } = useTime();
  const { active } = useCategories();
  const [preset, setPreset] = useState<RangePreset>('weeks');
  const [custom, setCustom] = useState({ from: '', to: '' });
  const [chosen, setChosen] = useState<number[] | null>(null);

  const weekStartsOn = settings.data?.weekStartsOn ?? 1;
  const customError = preset === 'custom' && custom.from && custom.to && custom.from > custom.to ? 'The range must end on or after its first day' : undefined;
  const range: InsightsRange | null =
    preset === 'custom' ? (custom.from && custom.to && !customError ? { from: custom.from, to: custom.to } : null) : presetRange(preset, today, weekStartsOn);
  const view = useCallQuery('insights:charts', [{ from: range?.from ?? null, to: range?.to ?? today, categoryIds: chosen }], {
    enabled: settings.data !== undefined && range !== null,
    placeholderData: keepPreviousData,
  });

  const choosePreset = (next: RangePreset) => {
    if (next === 'custom' && !custom.from) {
      const current = view.data?.range ?? presetRange('weeks', today, weekStartsOn);
      setCustom({ from: current.from ?? today, to: current.to });
    }
    setPreset(next);
  };

  const shown = view.data
    ? `${formatDay(view.data.range.from)} – ${formatDay(view.data.range.to)}${view.data.bucket === 'month' ? ', month by month' : ', week by week'}`
    : preset === 'custom' && range === null
      ? 'Choose the first and last day.'
      : 'Loading…';

  return (
    <Screen
      title="Insights"
      actions={
        <a className="button" href="#/report">
          Leadership report
        </a>
      }
    >
      <div className="insights-controls card">
        <RangePicker preset={preset} onPreset={choosePreset} custom={custom} onCustom={setCustom} shown={shown} customError={customError} />
        <CategoryFilter categories={active} chosen={chosen} onChange={setChosen} />
      </div>
      {view.isError && (
        <p className="form-error" role="alert">
          {view.error.message}
        </p>
      )}
      {view.data && settings.data && <InsightsBody view={view.data} settings={settings.data} />}
    </Screen>
  );
}

function InsightsBody({ view, settings }: { view: InsightsView; settings: Settings }) {
  const { byId } = useCategories();
  const model = useMemo(() => chartModel(view, byId), [view, byId]);
  const [heatNumbers, setHeatNumbers] = useState(false);
  const logged = view.series.herTotalHours.some((hours) => hours > 0) || view.series.mspHours.some((hours) => hours > 0);

  return (
    <div className="stack insights">
      <HeadlineFigures
        headline={view.headline}
        currency={view.currency}
        delegated={view.reclaimed.delegations.length > 0 || view.reclaimed.totals.grossHours > 0}
        baselineWeeks={settings.baselineWeeks}
      />

      <section aria-labelledby="workload-title" className="stack">
        <h2 id="workload-title">Your workload</h2>
        {!logged ? (
          <EmptyState title="No time logged in this range">
            <p>
              Log your time on Today (or import it) and the MSP’s on the MSP screen; these charts fill in {view.bucket === 'week' ? 'week by week' : 'month by month'}
              {view.categoryIds === null ? '' : ' — or choose other categories'}.
            </p>
          </EmptyState>
        ) : (
          <>
            <HoursByCategoryChart model={model} />
            <CapacityChart model={model} />
            <div className="chart-pair">
              <ShareChart
                model={model}
                title={`Planned and unplanned share of your hours per ${model.unit}`}
                description="Unplanned: entries marked unplanned, or on tasks marked as interrupts. The break–fix indicator: it should fall."
                part={view.series.unplannedHours}
                partLabel="Unplanned"
                partColour="unplanned"
                restLabel="Planned"
                restColour="planned"
              />
              <ShareChart
                model={model}
                title={`Strategic and operational share of your hours per ${model.unit}`}
                description="Strategic: hours in categories of the strategic type (Settings → Categories)."
                part={view.series.strategicHours}
                partLabel="Strategic"
                partColour="strategic"
                restLabel="Operational"
                restColour="operational"
              />
            </div>
            <HeatmapCard view={view} settings={settings} showNumbers={heatNumbers} onShowNumbers={setHeatNumbers} />
          </>
        )}
      </section>

      <section aria-labelledby="reclaimed-title" className="stack">
        <h2 id="reclaimed-title">Hours reclaimed</h2>
        {view.reclaimed.delegations.length === 0 && view.categoryIds !== null ? (
          <EmptyState title="None of these categories is delegated">
            <p>Choose all categories, or a delegated one, to see its baseline and the hours it gives back.</p>
          </EmptyState>
        ) : view.reclaimed.delegations.length === 0 ? (
          <EmptyState title="No hours reclaimed yet">
            <p>
              Delegate a category to your MSP (MSP → Delegation). From its effective date Offload compares the hours you still spend on it with your baseline —
              your average week before — and shows the hours you get back here.
            </p>
          </EmptyState>
        ) : (
          <>
            <ReclaimedFigures view={view} />
            <ReclaimedChart model={model} />
            <BaselinesTable view={view} />
          </>
        )}
      </section>

      <section aria-labelledby="contract-title" className="stack">
        <h2 id="contract-title">MSP contract and cost</h2>
        <ContractChart cost={view.cost} currency={view.currency} table={<CostTable cost={view.cost} currency={view.currency} />} />
      </section>
    </div>
  );
}

function HeatmapCard({ view, settings, showNumbers, onShowNumbers }: { view: InsightsView; settings: Settings; showNumbers: boolean; onShowNumbers: (shown: boolean) => void }) {
  return (
    <ChartCard
      title="When you work: your hours by weekday and hour of day"
      description={view.categoryIds === null ? 'All your logged hours in the range.' : 'Your hours in the chosen categories.'}
      className="heatmap-card"
    >
      <div className="chart-card-tools no-print">
        <button type="button" className="button button-small" aria-pressed={showNumbers} onClick={() => onShowNumbers(!showNumbers)}>
          Table view
        </button>
      </div>
      <HourHeatmap heatmap={view.heatmap} settings={settings} showNumbers={showNumbers} />
    </ChartCard>
  );
}
