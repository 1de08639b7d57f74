import { useId, useState, type CSSProperties, type ReactNode } from 'react';

/** How a series looks in a legend: a solid block, the MSP's stripes, a line, or a dashed line. */
export type SwatchKind = 'solid' | 'stripes' | 'line' | 'dashed';

export interface LegendItem {
  key: string;
  label: string;
  /** A CSS colour: a category's `#rrggbb` or a `var(--chart-…)`. */
  colour: string;
  kind?: SwatchKind;
}

export function Swatch({ colour, kind = 'solid' }: { colour: string; kind?: SwatchKind }) {
  // React sets style through the CSSOM, which the CSP allows (no inline style attribute).
  return <span className={`swatch swatch-${kind}`} style={{ '--swatch': colour } as CSSProperties} aria-hidden="true" />;
}

export function Legend({ items }: { items: readonly LegendItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="chart-legend" aria-label="Legend">
      {items.map((item) => (
        <li key={item.key}>
          <Swatch colour={item.colour} kind={item.kind} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

interface ChartCardProps {
  /** Says what the chart shows: "Hours per week by category, yours and the MSP’s". */
  title: string;
  /** A line under the title: what is counted, and how. */
  description?: ReactNode;
  legend?: readonly LegendItem[];
  /** The same numbers as a table, shown under the chart when she asks for it. */
  table?: ReactNode;
  /** Instead of the chart when there is nothing to draw: what would fill it. */
  empty?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** One chart: its title, a line on what it counts, its legend, the chart, and its table view. */
export function ChartCard({ title, description, legend, table, empty, className, children }: ChartCardProps) {
  const titleId = useId();
  const tableId = useId();
  const [showTable, setShowTable] = useState(false);
  return (
    <section className={`card chart-card${className ? ` ${className}` : ''}`} aria-labelledby={titleId}>
      <div className="chart-card-header">
        <div>
          <h3 id={titleId}>{title}</h3>
          {description && <p className="muted chart-description">{description}</p>}
        </div>
        {table !== undefined && empty === undefined && (
          <button type="button" className="button button-small no-print" aria-pressed={showTable} aria-controls={tableId} onClick={() => setShowTable((shown) => !shown)}>
            Table view
          </button>
        )}
      </div>
      {empty ?? (
        <>
          {legend && <Legend items={legend} />}
          {children}
          <div id={tableId} className="chart-table" hidden={!showTable}>
            {showTable && table}
          </div>
        </>
      )}
    </section>
  );
}
