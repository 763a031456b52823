// Package actiontest runs the repository's action.yml locally, as the GitHub
// Actions runner would run its composite steps, and checks what it produces.
// Its tests parse action.yml, simulate the runner's environment
// (GITHUB_ACTION_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_WORKSPACE,
// RUNNER_TEMP; inputs only through each step's env:, as for a composite
// action), evaluate the few expressions the action uses and execute its
// bash steps; `uses:` steps (actions/setup-go) are skipped, since Go is on the
// machine already.
package actiontest
