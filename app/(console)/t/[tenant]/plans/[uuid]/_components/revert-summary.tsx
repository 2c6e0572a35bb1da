"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { useAuditWords } from "@/components/audit/labels";
import { Time } from "@/components/time/time";
import type { BeforeStatus } from "@/lib/marks/before-runs";
import type { MarkEndpoint } from "@/lib/marks/kinds";
import { restoreTarget, type RestoreTo, type RevertChoices, type RevertPlan, type RevertStretch } from "@/lib/marks/revert-plan";
import type { KeyRange } from "@/lib/partitions";
import type { RevertFacts } from "@/lib/services/revert";

/** A revert in the mark dialog: the facts, the person's choices, and what they come to. */
export type PendingRevert = {
  kind: "revert";
  facts: RevertFacts;
  choices: RevertChoices;
  plan: RevertPlan;
  requests: { endpoint: MarkEndpoint; body: unknown }[];
  needsName: boolean;
  onChoices: (choices: RevertChoices) => void;
};

const rangeText = (r: KeyRange) => (r.start === r.end ? r.start : `${r.start}..${r.end}`);
const same = (a: KeyRange, b: KeyRange) => a.start === b.start && a.end === b.end;

/** The dialog's account of a revert: what goes back to what, and what is left out and why. */
export function RevertSummary({ pending }: { pending: PendingRevert }) {
  const t = useTranslations("revert");
  const words = useAuditWords();
  const { facts, choices, plan } = pending;
  const statusWord = (s: BeforeStatus) => (s === "outside" ? t("outside") : words.status(s));
  const partitions = plan.changes.reduce((n, c) => n + c.partitions, 0);
  const changed = facts.stretches.filter((s) => s.changed);
  const unknown = facts.stretches.filter((s) => !s.changed && restoreTarget(s.before) === null);
  const lastRevert = facts.revertedBy.at(-1);
  const toggle = (s: RevertStretch, on: boolean) =>
    pending.onChoices({ ...choices, include: on ? [...choices.include, s] : choices.include.filter((r) => !same(r, s)) });
  const pick = (s: RevertStretch, status: RestoreTo | "") =>
    pending.onChoices({ ...choices, pick: [...choices.pick.filter((r) => !same(r, s)), ...(status ? [{ start: s.start, end: s.end, status }] : [])] });
  return (
    <div className="space-y-3 text-sm" data-testid="revert-summary">
      <p>
        {t.rich("summary", {
          label: words.action(facts.action),
          actor: facts.actor,
          partitions,
          calls: plan.changes.length,
          time: () => <Time iso={facts.at} />,
          b: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      {facts.revertOf && <p>{t("isRevert")}</p>}
      {lastRevert && (
        <p role="status" className="rounded border border-amber-600 bg-amber-50 p-2" data-testid="already-reverted">
          {t.rich("alreadyReverted", { actor: lastRevert.actor, time: () => <Time iso={lastRevert.at} /> })}
        </p>
      )}
      {plan.changes.length === 0 && (
        <p role="status" className="rounded border border-slate-500 bg-slate-100 p-2" data-testid="revert-nothing">
          {t("nothing")}
        </p>
      )}
      {plan.restored.length > 0 && (
        <div>
          <h3 className="font-semibold">{t("restored")}</h3>
          <ul className="mt-1 max-h-28 overflow-auto font-mono text-xs" aria-label={t("restoredLabel")} data-testid="revert-restored">
            {plan.restored.map((r) => {
              const s = facts.stretches.find((x) => x.start <= r.start && r.end <= x.end);
              return <li key={r.start}>{t("restoreLine", { range: rangeText(r), set: words.status(s?.set ?? r.to), to: words.status(r.to) })}</li>;
            })}
          </ul>
        </div>
      )}
      {plan.alreadyBefore > 0 && <p className="text-slate-700">{t("already", { count: plan.alreadyBefore })}</p>}
      {changed.length > 0 && (
        <fieldset className="rounded border border-amber-600 p-2" data-testid="revert-changed">
          <legend className="px-1 font-semibold">{t("changedTitle")}</legend>
          <ul className="space-y-1" aria-label={t("changedLabel")}>
            {changed.map((s) => (
              <ChangedRow key={s.start} s={s} included={choices.include.some((r) => same(r, s))} onToggle={(on) => toggle(s, on)} statusWord={statusWord} />
            ))}
          </ul>
        </fieldset>
      )}
      {unknown.length > 0 && (
        <fieldset className="rounded border border-slate-500 p-2" data-testid="revert-unknown">
          <legend className="px-1 font-semibold">{t("unknownTitle")}</legend>
          {unknown.some((s) => s.before === null) && <p className="mb-1 text-slate-700">{t("unknownMachine")}</p>}
          <ul className="space-y-1" aria-label={t("unknownLabel")}>
            {unknown.map((s) => (
              <UnknownRow
                key={s.start}
                s={s}
                value={choices.pick.find((p) => same(p, s))?.status ?? ""}
                onPick={(status) => pick(s, status)}
                statusWord={statusWord}
              />
            ))}
          </ul>
        </fieldset>
      )}
    </div>
  );
}

function ChangedRow({
  s,
  included,
  onToggle,
  statusWord,
}: {
  s: RevertStretch;
  included: boolean;
  onToggle: (on: boolean) => void;
  statusWord: (s: BeforeStatus) => string;
}) {
  const t = useTranslations("revert");
  const id = useId();
  const range = rangeText(s);
  const c = s.changed;
  const to = restoreTarget(s.before);
  return (
    <li className="flex flex-wrap items-center gap-x-3">
      <span className="font-mono text-xs">
        {c?.by === "mark"
          ? t.rich("changedByMark", { range, actor: c.actor, time: () => <Time iso={c.at} /> })
          : c?.by === "outside"
            ? t.rich("changedOutside", { range, time: () => <Time iso={c.at} /> })
            : t("changedListing", { range, set: statusWord(s.set), now: statusWord(c?.now ?? "unknown") })}
      </span>
      {to !== null && (
        <span className="inline-flex items-center gap-1">
          <input id={id} type="checkbox" checked={included} onChange={(e) => onToggle(e.target.checked)} />
          <label htmlFor={id}>{t("include", { to: statusWord(to) })}</label>
        </span>
      )}
    </li>
  );
}

function UnknownRow({
  s,
  value,
  onPick,
  statusWord,
}: {
  s: RevertStretch;
  value: RestoreTo | "";
  onPick: (status: RestoreTo | "") => void;
  statusWord: (s: BeforeStatus) => string;
}) {
  const t = useTranslations("revert");
  const id = useId();
  const range = rangeText(s);
  return (
    <li className="flex flex-wrap items-center gap-2">
      <span className="font-mono text-xs">
        {t("unknownLine", { range, before: s.before === null ? t("unknownNotRead") : statusWord(s.before), set: statusWord(s.set) })}
      </span>
      <label htmlFor={id} className="sr-only">
        {t("pick", { range })}
      </label>
      <select id={id} value={value} onChange={(e) => onPick(e.target.value as RestoreTo | "")} className="rounded border border-slate-400 px-1 py-0.5">
        <option value="">{t("leaveOut")}</option>
        <option value="success">{statusWord("success")}</option>
        <option value="failed">{statusWord("failed")}</option>
        <option value="cleared">{statusWord("cleared")}</option>
      </select>
    </li>
  );
}
