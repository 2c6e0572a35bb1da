"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { TotpEnrolment } from "@/lib/auth/totp-enrolment";

/**
 * The enrolment as an app takes it: a QR code (drawn from the module path the server computed, so
 * no image request and nothing for the CSP to allow), the key in groups of four (the copy button
 * copies it without spaces) and the otpauth link.
 */
export function EnrolmentKey({ enrolment }: { enrolment: TotpEnrolment }) {
  const t = useTranslations("settings");
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const { qr } = enrolment;
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:gap-6">
      <svg
        role="img"
        aria-label={t("qrLabel")}
        viewBox={`0 0 ${qr.size} ${qr.size}`}
        width={208}
        height={208}
        shapeRendering="crispEdges"
        className="shrink-0 border border-slate-300"
      >
        <rect width={qr.size} height={qr.size} fill="#fff" />
        <path d={qr.d} fill="#000" />
      </svg>
      <dl className="grid min-w-0 flex-1 grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="font-medium">{t("key")}</dt>
        <dd className="min-w-0">
          <span className="font-mono tracking-wide" data-testid="totp-key">
            {enrolment.groupedKey}
          </span>
          <button
            type="button"
            className="ml-3 rounded border border-slate-500 px-2 py-0.5 text-xs hover:bg-slate-100"
            onClick={() =>
              void navigator.clipboard.writeText(enrolment.secret).then(
                () => setCopied("yes"),
                () => setCopied("no"),
              )
            }
          >
            {t("copyKey")}
          </button>
          <span role="status" className="ml-2 text-xs text-slate-700">
            {copied === "yes" ? t("copied") : copied === "no" ? t("copyRefused") : ""}
          </span>
        </dd>
        <dt className="font-medium">{t("link")}</dt>
        <dd className="min-w-0 break-all">
          <a className="text-blue-800 underline" href={enrolment.totpURI}>
            {enrolment.totpURI}
          </a>
        </dd>
      </dl>
    </div>
  );
}
