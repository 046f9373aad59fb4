export function installedElectron(packageDir: string, env?: Readonly<Record<string, string | undefined>>): string | null;
