import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

// The console's one table markup: a named table, a header row of column headings, and the caller's
// rows. The plans, audit, plan-history and admin tables differ only in their columns and rows.

export type DataColumn = { label: ReactNode; className?: string };

/** "plain": hairline under the headings (audit, history, admin); "boxed": a framed table with a shaded head (plans). */
const LOOKS = {
  plain: { table: "w-full border-collapse bg-white text-sm", head: "", headRow: "border-b border-slate-300 text-left", cell: "p-2" },
  boxed: {
    table: "w-full border-collapse overflow-hidden rounded border border-slate-300 bg-white text-sm",
    head: "bg-slate-100 text-left",
    headRow: "",
    cell: "px-3 py-2",
  },
} as const;

const classes = (...names: (string | undefined)[]) => names.filter(Boolean).join(" ") || undefined;

export function DataTable({
  label,
  columns,
  look = "plain",
  className,
  children,
}: {
  /** The table's accessible name (screen readers and the e2e page objects find it by this). */
  label: string;
  columns: readonly DataColumn[];
  look?: keyof typeof LOOKS;
  className?: string;
  /** The body rows. */
  children: ReactNode;
}) {
  const style = LOOKS[look];
  const t = useTranslations("dataTable");
  // A table wider than the screen (a phone) scrolls inside this box, not the page; focusable so a
  // keyboard can scroll it too.
  return (
    <div className={classes(className, "max-w-full overflow-x-auto")} role="group" aria-label={t("scrollBox", { label })} tabIndex={0}>
      <table className={style.table} aria-label={label}>
        <thead className={classes(style.head)}>
          <tr className={classes(style.headRow)}>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={classes(style.cell, c.className)}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
