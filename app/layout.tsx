import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "CAN Partition Console", template: "%s · CAN Partition Console" },
  description: "Partition status for Aloudata CAN external materialization plans",
};

// Every page carries this request's CSP nonce on its scripts (proxy.ts), so none may be prerendered:
// a static page, the built-in 404 included, would ship scripts without one and the browser would block them.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
