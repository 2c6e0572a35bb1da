// `npm run users -- <command>`: manage console accounts and roles in the console's database (the
// same DATABASE_URL / DATA_DIR as the app). With the embedded database, stop the app first.
import { ROLES, isRole } from "@/lib/auth/roles";
import { createUser, grantRole, listUsers, resetTotp, revokeRole, revokeSessions, setDisabled, setPassword, type Change } from "@/lib/auth/users";
import { tenantDirectory } from "@/lib/tenants";
import { cliActor, readPassword, runCli, UsageError } from "./cli-support";
import { TOKEN_USAGE, tokenCommand } from "./users-tokens";

const USAGE = `usage: npm run users -- <command>
  add <username> [--name "Full Name"]     create an account (password read from the terminal or stdin)
  passwd <username>                       set a new password (signs the user out everywhere)
  grant <username> <tenant> <role>        give a role in a tenant (${ROLES.join(", ")})
  revoke <username> <tenant>              take the user's role in a tenant away
  list                                    accounts, roles, second factor, sessions
  disable <username> | enable <username>  block or allow sign-in (disable signs out everywhere)
  signout <username>                      revoke all of the user's sessions
  reset-totp <username>                   remove the second factor (lost authenticator)
${TOKEN_USAGE}`;

function need(args: string[], n: number): string[] {
  if (args.length < n) throw new UsageError(`missing arguments\n${USAGE}`);
  return args;
}

async function newPassword(): Promise<string> {
  const first = await readPassword("Password: ");
  if (process.stdin.isTTY && (await readPassword("Repeat: ")) !== first) throw new UsageError("the passwords differ");
  return first;
}

function checkTenant(tenantId: string): void {
  const known = tenantDirectory();
  if (!known.some((t) => t.id === tenantId)) throw new UsageError(`unknown tenant ${tenantId} (known: ${known.map((t) => t.id).join(", ")})`);
}

await runCli(async () => {
  const [command, ...args] = process.argv.slice(2);
  const change: Change = { by: cliActor(), meta: null };
  switch (command) {
    case "add": {
      const [username = ""] = need(args, 1);
      const nameAt = args.indexOf("--name");
      const name = nameAt >= 0 ? args[nameAt + 1] : undefined;
      const created = await createUser({ username, name, password: await newPassword() }, change);
      console.log(`created ${created.username}; give it a role with: npm run users -- grant ${created.username} <tenant> <role>`);
      return 0;
    }
    case "passwd": {
      const [username = ""] = need(args, 1);
      await setPassword(username, await newPassword(), change);
      console.log(`password of ${username} changed; their sessions were revoked`);
      return 0;
    }
    case "grant": {
      const [username = "", tenant = "", role = ""] = need(args, 3);
      checkTenant(tenant);
      if (!isRole(role)) throw new UsageError(`unknown role ${role} (one of ${ROLES.join(", ")})`);
      const { previous } = await grantRole(username, tenant, role, change);
      console.log(`${username} is ${role} in ${tenant}${previous ? ` (was ${previous})` : ""}`);
      return 0;
    }
    case "revoke": {
      const [username = "", tenant = ""] = need(args, 2);
      const { previous } = await revokeRole(username, tenant, change);
      console.log(`${username} no longer holds ${previous} in ${tenant}`);
      return 0;
    }
    case "list": {
      const users = await listUsers();
      if (users.length === 0) console.log("no accounts yet: npm run users -- add <username>");
      for (const u of users) {
        const roles =
          Object.entries(u.roles)
            .map(([t, r]) => `${t}:${r}`)
            .join(" ") || "(no roles)";
        const flags = [u.disabled ? "DISABLED" : "", u.twoFactorEnabled ? "totp" : "no-totp", `${u.sessions} session(s)`].filter(Boolean).join(", ");
        console.log(`${u.username.padEnd(20)} ${u.name.padEnd(24)} ${roles.padEnd(36)} ${flags}`);
      }
      return 0;
    }
    case "disable":
    case "enable": {
      const [username = ""] = need(args, 1);
      await setDisabled(username, command === "disable", change);
      console.log(`${username} ${command}d`);
      return 0;
    }
    case "signout": {
      const [username = ""] = need(args, 1);
      console.log(`revoked ${await revokeSessions(username, change)} session(s) of ${username}`);
      return 0;
    }
    case "reset-totp": {
      const [username = ""] = need(args, 1);
      await resetTotp(username, change);
      console.log(`second factor of ${username} removed; they enrol again after signing in`);
      return 0;
    }
    case "token":
      return tokenCommand(args, change, checkTenant);
    default:
      console.error(USAGE);
      return command ? 2 : 0;
  }
});
