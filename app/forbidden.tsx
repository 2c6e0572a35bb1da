import type { Metadata } from "next";
import { StatusPage } from "@/components/status-page";

export const metadata: Metadata = { title: "Not allowed" };

/** 403 from `forbidden()` (lib/auth/dal.ts): a role in this tenant that does not include the page. */
export default function Forbidden() {
  return (
    <StatusPage title="Your role does not allow this">
      <p>Your role in this tenant does not include this page. An administrator of the tenant can give you a role that does.</p>
    </StatusPage>
  );
}
