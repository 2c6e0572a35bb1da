import { describe, expect, it } from "vitest";
import { claimValues, planRoleChanges, roleMappingSchema, rolesFromClaim, type HeldRole, type RoleMapping } from "./role-mapping";

const mapping: RoleMapping = {
  "can-acme-operators": { acme: "operator" },
  "can-acme-auditors": { acme: "auditor" },
  "can-globex-viewers": { globex: "viewer" },
  "can-admins": { acme: "admin", globex: "admin" },
};

describe("claimValues", () => {
  it("takes one string, a list of strings, and ignores anything else", () => {
    expect(claimValues("a")).toEqual(["a"]);
    expect(claimValues(["a", 3, "b", null])).toEqual(["a", "b"]);
    expect(claimValues(undefined)).toEqual([]);
    expect(claimValues({ a: 1 })).toEqual([]);
  });
});

describe("rolesFromClaim", () => {
  it("maps each claim value to its tenants", () => {
    expect(rolesFromClaim(mapping, ["can-acme-operators", "can-globex-viewers"])).toEqual({ acme: "operator", globex: "viewer" });
  });
  it("gives nothing for values the mapping does not name, or no claim", () => {
    expect(rolesFromClaim(mapping, ["staff", "can-acme"])).toEqual({});
    expect(rolesFromClaim(mapping, undefined)).toEqual({});
  });
  it("lets the stronger role win when two values name one tenant, in any order", () => {
    expect(rolesFromClaim(mapping, ["can-acme-auditors", "can-acme-operators"])).toEqual({ acme: "operator" });
    expect(rolesFromClaim(mapping, ["can-acme-operators", "can-acme-auditors"])).toEqual({ acme: "operator" });
    expect(rolesFromClaim(mapping, ["can-globex-viewers", "can-admins"])).toEqual({ acme: "admin", globex: "admin" });
  });
  it("never reads inherited keys for values like __proto__", () => {
    expect(rolesFromClaim(mapping, ["__proto__", "constructor", "toString"])).toEqual({});
  });
});

describe("roleMappingSchema", () => {
  it("accepts the documented shape and refuses unknown roles or bad tenant ids", () => {
    expect(roleMappingSchema.safeParse({ g: { acme: "operator" } }).success).toBe(true);
    expect(roleMappingSchema.safeParse({ g: { acme: "owner" } }).success).toBe(false);
    expect(roleMappingSchema.safeParse({ g: { "ac me": "viewer" } }).success).toBe(false);
    expect(roleMappingSchema.safeParse({ g: "acme" }).success).toBe(false);
  });
});

describe("planRoleChanges", () => {
  const provider = (tenantId: string, role: HeldRole["role"]): HeldRole => ({ tenantId, role, source: "provider" });
  const hand = (tenantId: string, role: HeldRole["role"]): HeldRole => ({ tenantId, role, source: "hand" });

  it("adds the roles of a first sign-in", () => {
    expect(planRoleChanges([], { acme: "operator" })).toEqual([{ kind: "grant", tenantId: "acme", role: "operator", previous: null }]);
  });
  it("changes nothing when the claim still grants what is held", () => {
    expect(planRoleChanges([provider("acme", "operator")], { acme: "operator" })).toEqual([]);
  });
  it("removes a provider role whose group is gone and adds the new one", () => {
    expect(planRoleChanges([provider("acme", "operator")], { globex: "viewer" })).toEqual([
      { kind: "grant", tenantId: "globex", role: "viewer", previous: null },
      { kind: "revoke", tenantId: "acme", previous: "operator" },
    ]);
  });
  it("changes a provider role to the one the claim now grants", () => {
    expect(planRoleChanges([provider("acme", "operator")], { acme: "viewer" })).toEqual([
      { kind: "grant", tenantId: "acme", role: "viewer", previous: "operator" },
    ]);
  });
  it("never touches a role granted by hand, granted again or not", () => {
    expect(planRoleChanges([hand("acme", "admin")], {})).toEqual([]);
    expect(planRoleChanges([hand("acme", "viewer")], { acme: "operator" })).toEqual([]);
  });
  it("removes every provider role when the claim grants nothing", () => {
    expect(planRoleChanges([provider("acme", "viewer"), hand("globex", "auditor"), provider("initech", "admin")], {})).toEqual([
      { kind: "revoke", tenantId: "acme", previous: "viewer" },
      { kind: "revoke", tenantId: "initech", previous: "admin" },
    ]);
  });
});
