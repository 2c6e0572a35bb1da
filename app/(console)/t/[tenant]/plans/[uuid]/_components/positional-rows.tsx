"use client";

import { Children, cloneElement, isValidElement, type HTMLAttributes, type ReactNode } from "react";
import type { CalendarWeek } from "react-day-picker";

/**
 * react-day-picker keys its weeks by week number and its days by date, so showing another year
 * unmounts every day cell of the old year and mounts new ones (365 buttons, their DOM nodes and
 * their store subscriptions). Keyed by position instead, the same cells are updated in place: a
 * year switch then changes attributes and text, and React keeps the DOM it already built.
 */
function byPosition(children: ReactNode): ReactNode[] {
  return Children.toArray(children).map((child, i) => (isValidElement(child) ? cloneElement(child, { key: i }) : child));
}

/** The month's `<tbody>`, its weeks keyed by row number. */
export function Weeks({ children, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody {...props}>{byPosition(children)}</tbody>;
}

/** One week's `<tr>`, its days keyed by weekday. */
export function Week({ week: _week, children, ...props }: HTMLAttributes<HTMLTableRowElement> & { week: CalendarWeek }) {
  return <tr {...props}>{byPosition(children)}</tr>;
}
