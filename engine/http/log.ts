// Structured logs on stdout: a context object first, a short constant message
// second. Never log cookies, passwords or the contents of answers.

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, "silent">;

const threshold = LEVELS[(process.env.LOG_LEVEL as keyof typeof LEVELS) ?? "info"] ?? LEVELS.info;

function write(level: Level, context: Record<string, unknown>, message: string): void {
  if (LEVELS[level] < threshold) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...context });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

export const log = {
  debug: (context: Record<string, unknown>, message: string) => write("debug", context, message),
  info: (context: Record<string, unknown>, message: string) => write("info", context, message),
  warn: (context: Record<string, unknown>, message: string) => write("warn", context, message),
  error: (context: Record<string, unknown>, message: string) => write("error", context, message),
};
