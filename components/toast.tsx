"use client";

import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";

type Toast = { id: number; tone: "success" | "error"; title: string; detail?: string | undefined };
type ToastApi = { show: (t: Omit<Toast, "id">) => void };

const ToastContext = createContext<ToastApi | null>(null);
let nextId = 1;

/** Results of actions, announced politely and kept on screen until dismissed or replaced. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const tToast = useTranslations("toast");
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback((t: Omit<Toast, "id">) => {
    const id = nextId++;
    setToasts((list) => [...list.slice(-2), { ...t, id }]);
    if (t.tone === "success") setTimeout(() => setToasts((list) => list.filter((x) => x.id !== id)), 8_000);
  }, []);
  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div aria-live="polite" className="fixed bottom-4 right-4 z-50 flex w-96 flex-col gap-2">
        {toasts.map((t) => (
          <div
            key={t.id}
            role="status"
            className={`rounded border p-3 text-sm shadow-lg ${t.tone === "success" ? "border-green-700 bg-green-50 text-green-950" : "border-red-700 bg-red-50 text-red-950"}`}
          >
            <div className="flex items-start gap-2">
              <p className="flex-1 font-semibold">{t.title}</p>
              <button type="button" className="text-xs underline" onClick={() => setToasts((list) => list.filter((x) => x.id !== t.id))}>
                {tToast("dismiss")}
              </button>
            </div>
            {t.detail && <p className="mt-1 break-words">{t.detail}</p>}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast outside ToastProvider");
  return api;
}
