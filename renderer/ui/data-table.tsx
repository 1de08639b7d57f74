import type { Key, ReactNode } from 'react';

export interface Column<Row> {
  header: string;
  /** Said by screen readers but not shown: "Actions" over a column of buttons. */
  hideHeader?: boolean;
  cell: (row: Row) => ReactNode;
  /** Figures are right-aligned so their digits line up down the column. */
  numeric?: boolean;
  /** On the header and every cell of the column (`actions`, which msp-setup.css sizes). */
  className?: string;
  /** On one cell, from its row: `negative` for a figure below zero. */
  cellClassName?: (row: Row) => string | undefined;
}

/** Every table has a name, so a screen reader's table list and the tests tell them apart. */
type TableName =
  /** A caption only screen readers hear; the section heading above already says it on screen. */
  | { caption: string; labelledBy?: undefined }
  /** The id of a visible heading that names it. */
  | { labelledBy: string; caption?: undefined };

type DataTableProps<Row> = TableName & {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  /** Shown instead of the table when there are no rows; without it the table shows its headers only. */
  empty?: ReactNode;
  /** Added to `data-table`. */
  className?: string;
  rowClassName?: (row: Row) => string | undefined;
  /**
   * A form that takes a row's place, across every column, while she edits it there: she edits
   * where she was looking. Return null for a row shown as usual.
   */
  rowForm?: (row: Row) => ReactNode;
  /** Rows after the data (totals), in the table's footer. */
  foot?: ReactNode;
};

function classes(...names: (string | undefined | false)[]): string | undefined {
  return names.filter(Boolean).join(' ') || undefined;
}

/** A table of plain rows: one line per record, a cell per column, actions at the end. */
export function DataTable<Row>({ columns, rows, rowKey, empty, className, rowClassName, rowForm, foot, caption, labelledBy }: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <table className={classes('data-table', className)} aria-labelledby={labelledBy}>
      {caption !== undefined && <caption className="visually-hidden">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" className={classes(column.numeric && 'number', column.className)}>
              {column.hideHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const form = rowForm?.(row);
          if (form) {
            return (
              <tr key={rowKey(row)} className="editing-row">
                <td colSpan={columns.length}>{form}</td>
              </tr>
            );
          }
          return (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((column) => (
                <td key={column.header} className={classes(column.numeric && 'number', column.className, column.cellClassName?.(row))}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
      {foot !== undefined && <tfoot>{foot}</tfoot>}
    </table>
  );
}
