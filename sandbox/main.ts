import { CLI_USAGE, parseCliOptions } from "./cli-options";
import { startSandbox } from "./server";

async function main(): Promise<void> {
  // The sandbox is its own program: it reads its environment here, once, and nowhere else.
  const parsed = parseCliOptions(process.argv.slice(2), process.env);
  if (parsed.ok === "help") {
    console.log(CLI_USAGE);
    return;
  }
  if (!parsed.ok) {
    console.error(parsed.error);
    process.exitCode = 2;
    return;
  }
  const sandbox = await startSandbox({ ...parsed.options, log: (line) => console.error(line) });
  // Launchers (Playwright webServer, scripts) wait for exactly this line.
  console.log(`CAN sandbox listening on ${sandbox.url}`);

  const stop = (): void => {
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`CAN sandbox: error while closing: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`CAN sandbox failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
