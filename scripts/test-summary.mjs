// Adds up the JSON reports of Vitest and Playwright runs and prints the closing line CI reads:
// "N passed, N failed". Exits non-zero when a test failed or a report is missing. A run that stopped before its
// tests (Playwright's web server did not start, a config error) counts its errors as failures, and a test command
// that failed (TEST_COMMANDS_FAILED, set by .ci/run) with nothing failing in its reports counts as one. Browser
// tests that passed only on their retry are listed by name.
import fs from 'node:fs';

/** The titles of a Playwright report's tests whose status is "flaky" (failed, then passed on a retry). */
function flakyTitles(suites, path = []) {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? [])
      .filter((spec) => (spec.tests ?? []).some((t) => t.status === 'flaky'))
      .map((spec) => [...path, suite.title, spec.title].filter(Boolean).join(' › ')),
    ...flakyTitles(suite.suites ?? [], [...path, suite.title]),
  ]);
}

let passed = 0;
let failed = 0;
let skipped = 0;
let missing = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.error(`missing test report: ${file}`);
    missing++;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  if ('numPassedTests' in r) {
    // Vitest (Jest-compatible JSON)
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    // A file that failed to load has no tests but is a failure.
    failed += (r.testResults ?? []).filter(
      (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
    ).length;
  } else if (r.stats) {
    // Playwright
    // A test that failed and then passed on its retry (CI retries once) counts as passed, and is named here.
    passed += r.stats.expected + (r.stats.flaky ?? 0);
    for (const title of flakyTitles(r.suites ?? [])) console.error(`flaky (passed on retry) in ${file}: ${title}`);
    failed += r.stats.unexpected;
    // Errors outside any test: the web server did not start, a spec did not load.
    failed += (r.errors ?? []).length;
    skipped += r.stats.skipped ?? 0;
  }
}
const commandsFailed = Number(process.env.TEST_COMMANDS_FAILED ?? 0);
if (commandsFailed > 0 && failed + missing === 0) {
  console.error(`${commandsFailed} test command(s) failed with no failing test in the reports`);
  failed += commandsFailed;
}
console.log(`${passed} passed, ${failed + missing} failed, ${skipped} skipped`);
process.exit(failed + missing > 0 ? 1 : 0);
