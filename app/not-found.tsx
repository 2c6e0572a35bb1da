import type { Metadata } from "next";
import { StatusPage } from "@/components/status-page";

export const metadata: Metadata = { title: "Not found" };

/** Every 404: unknown paths, and tenants or plans the user holds no role in (told apart from nothing). */
export default function NotFound() {
  return (
    <StatusPage title="Page not found">
      <p>There is nothing here, or nothing you have access to. Check the address, or go back to a page you know.</p>
    </StatusPage>
  );
}
