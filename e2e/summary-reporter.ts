import type { Reporter, TestCase } from '@playwright/test/reporter';

/** Ends the run with one plain "N passed, N failed, N skipped" line that CI logs can be read by. */
export default class SummaryReporter implements Reporter {
  private tests = new Set<TestCase>();

  onTestEnd(test: TestCase) {
    this.tests.add(test);
  }

  onEnd() {
    const outcomes = [...this.tests].map((test) => test.outcome());
    const count = (...kinds: string[]) => outcomes.filter((outcome) => kinds.includes(outcome)).length;
    console.log(`\ne2e: ${count('expected', 'flaky')} passed, ${count('unexpected')} failed, ${count('skipped')} skipped`);
  }
}
