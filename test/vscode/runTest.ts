// Runs the suite with @vscode/test-electron where that package is installed and VS Code can be downloaded:
//   node --import tsx test/vscode/runTest.ts
// (It is not a dependency; without it, use `npm run test:vscode`, which runs the suite in code-server.)
import * as path from 'node:path';

type RunTests = (options: { extensionDevelopmentPath: string; extensionTestsPath: string; launchArgs?: string[] }) => Promise<number>;

async function main(): Promise<number> {
  const packageName = '@vscode/test-electron';
  let runTests: RunTests;
  try {
    ({ runTests } = (await import(packageName)) as { runTests: RunTests });
  } catch {
    console.error(`${packageName} is not installed; run \`npm run test:vscode\` (code-server) instead.`);
    return 2;
  }
  const root = path.resolve(__dirname, '..', '..');
  return runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'test', 'vscode', 'index.js'),
    launchArgs: [path.join(root, 'test', 'vscode', 'fixtures'), '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
