type Environment = Readonly<Record<string, string | undefined>>;
export function backendEnvironment(env: Environment, platform?: NodeJS.Platform): Record<string, string | undefined>;
export function outsideEnvironment(env: Environment): Record<string, string | undefined>;
