package actiontest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// action is the part of action.yml's schema the runner reads.
type action struct {
	Name        string            `yaml:"name"`
	Description string            `yaml:"description"`
	Author      string            `yaml:"author"`
	Branding    map[string]string `yaml:"branding"`
	Inputs      map[string]struct {
		Description string `yaml:"description"`
		Default     string `yaml:"default"`
		Required    bool   `yaml:"required"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Description string `yaml:"description"`
		Value       string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []step `yaml:"steps"`
	} `yaml:"runs"`
}

// step is one composite step.
type step struct {
	Name             string            `yaml:"name"`
	ID               string            `yaml:"id"`
	If               string            `yaml:"if"`
	Uses             string            `yaml:"uses"`
	With             map[string]string `yaml:"with"`
	Shell            string            `yaml:"shell"`
	Run              string            `yaml:"run"`
	Env              map[string]string `yaml:"env"`
	WorkingDirectory string            `yaml:"working-directory"`
}

// loadAction parses action.yml strictly: an unknown key is an error.
func loadAction(t testing.TB, root string) *action {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "action.yml"))
	require.NoError(t, err)
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var a action
	require.NoError(t, dec.Decode(&a), "action.yml")
	return &a
}

// runner is one simulated job running the action once.
type runner struct {
	root      string // the action's folder: GITHUB_ACTION_PATH
	workspace string // GITHUB_WORKSPACE and the default working directory
	temp      string // RUNNER_TEMP
	inputs    map[string]string
	// event is the github.event context (and $GITHUB_EVENT_PATH).
	event map[string]any
	// replace runs a Go function instead of the step with that ID (the build
	// step, reviewdog's installation).
	replace map[string]func(r *runner) error
	// only, when set, runs just the steps with these IDs.
	only map[string]bool
	// extraEnv is added to every step's environment (PATH for stubs).
	extraEnv map[string]string
}

// jobResult is what running the action produced.
type jobResult struct {
	// failed is the ID (or name) of the step that failed, "" if none did.
	failed   string
	exitCode int
	stdout   string // every step's standard output, in order
	stderr   string
	summary  string // the job summary: every step's, in order
	outputs  map[string]string
	steps    map[string]map[string]string // step ID -> its outputs
	ran      []string                     // IDs or names of the steps run
}

var exprRE = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// eval evaluates one expression of the small language the action uses:
// context lookups (inputs.x, github.y.z, steps.id.outputs.o, runner.temp),
// 'string' literals, a || b, and a == b / a != b.
func (r *runner) eval(expr string, steps map[string]map[string]string) (string, error) {
	expr = strings.TrimSpace(expr)
	if a, b, ok := strings.Cut(expr, "||"); ok {
		x, err := r.eval(a, steps)
		if err != nil || x != "" {
			return x, err
		}
		return r.eval(b, steps)
	}
	for _, op := range []string{"==", "!="} {
		if a, b, ok := strings.Cut(expr, op); ok {
			x, err := r.eval(a, steps)
			if err != nil {
				return "", err
			}
			y, err := r.eval(b, steps)
			if err != nil {
				return "", err
			}
			// The runner compares strings case-insensitively.
			if strings.EqualFold(x, y) == (op == "==") {
				return "true", nil
			}
			return "", nil
		}
	}
	if strings.HasPrefix(expr, "'") && strings.HasSuffix(expr, "'") && len(expr) >= 2 {
		return strings.ReplaceAll(expr[1:len(expr)-1], "''", "'"), nil
	}
	parts := strings.Split(expr, ".")
	switch {
	case len(parts) == 2 && parts[0] == "inputs":
		v, ok := r.inputs[parts[1]]
		if !ok {
			return "", fmt.Errorf("unknown input %q", parts[1])
		}
		return v, nil
	case len(parts) == 2 && parts[0] == "runner" && parts[1] == "temp":
		return r.temp, nil
	case len(parts) == 2 && parts[0] == "github":
		switch parts[1] {
		case "action_path":
			return r.root, nil
		case "workspace":
			return r.workspace, nil
		case "token":
			return "test-token", nil
		}
	case len(parts) >= 3 && parts[0] == "github" && parts[1] == "event":
		var v any = r.event
		for _, p := range parts[2:] {
			m, ok := v.(map[string]any)
			if !ok {
				return "", nil
			}
			v = m[p]
		}
		if v == nil {
			return "", nil
		}
		return fmt.Sprint(v), nil
	case len(parts) == 4 && parts[0] == "steps" && parts[2] == "outputs":
		return steps[parts[1]][parts[3]], nil
	}
	return "", fmt.Errorf("expression %q is not one the test runner knows: extend runner.eval", expr)
}

// expand replaces every ${{ }} in s.
func (r *runner) expand(s string, steps map[string]map[string]string) (string, error) {
	var firstErr error
	out := exprRE.ReplaceAllStringFunc(s, func(m string) string {
		v, err := r.eval(exprRE.FindStringSubmatch(m)[1], steps)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		return v
	})
	return out, firstErr
}

// baseEnv is the machine's environment without anything of a real runner,
// plus the simulated runner's variables. Like the real runner for a composite
// action (actions/runner#665), it sets no INPUT_* variables: an input reaches
// a script only through its step's env:.
func (r *runner) baseEnv(eventPath string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "GITHUB_") || strings.HasPrefix(k, "INPUT_") || strings.HasPrefix(k, "RUNNER_") || k == "CI" {
			continue
		}
		env = append(env, kv)
	}
	env = append(env,
		"CI=true",
		"GITHUB_ACTIONS=true",
		"GITHUB_ACTION_PATH="+r.root,
		"GITHUB_WORKSPACE="+r.workspace,
		"RUNNER_TEMP="+r.temp,
		"GITHUB_EVENT_PATH="+eventPath,
	)
	for k, v := range r.extraEnv {
		env = append(env, k+"="+v)
	}
	return env
}

// run executes the action's steps in order and stops at the first failure.
func (r *runner) run(t *testing.T, a *action) *jobResult {
	t.Helper()
	require.Equal(t, "composite", a.Runs.Using)
	// Inputs: the defaults, overridden by what the test gives.
	given := r.inputs
	r.inputs = map[string]string{}
	for name, in := range a.Inputs {
		r.inputs[name] = in.Default
	}
	for name, v := range given {
		_, known := a.Inputs[name]
		require.True(t, known, "input %q is not declared in action.yml", name)
		r.inputs[name] = v
	}
	for name, v := range r.inputs {
		expanded, err := r.expand(v, nil) // defaults may be expressions
		require.NoError(t, err)
		r.inputs[name] = expanded
	}

	files := t.TempDir()
	eventPath := filepath.Join(files, "event.json")
	require.NoError(t, os.WriteFile(eventPath, mustJSON(t, r.event), 0o644))
	res := &jobResult{outputs: map[string]string{}, steps: map[string]map[string]string{}}
	var stdout, stderr, summary strings.Builder
	for i, s := range a.Runs.Steps {
		key := s.ID
		if key == "" {
			key = s.Name
		}
		if r.only != nil && !r.only[s.ID] {
			continue
		}
		if s.If != "" {
			cond, err := r.expand("${{ "+strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s.If), "${{"), "}}")+" }}", res.steps)
			require.NoError(t, err, "step %s: if", key)
			if cond == "" || cond == "false" {
				continue
			}
		}
		if s.Uses != "" {
			continue // actions/setup-go: Go is on the machine
		}
		res.ran = append(res.ran, key)
		if f := r.replace[s.ID]; f != nil {
			require.NoError(t, f(r), "replacement of step %s", key)
			continue
		}
		require.Equal(t, "bash", s.Shell, "step %s: the action's scripts are bash", key)
		require.NotContains(t, s.Run, "${{", "step %s: inputs reach run: only through env (script injection)", key)

		stepFiles := filepath.Join(files, fmt.Sprintf("step%d", i))
		require.NoError(t, os.MkdirAll(stepFiles, 0o755))
		outputFile := filepath.Join(stepFiles, "output")
		summaryFile := filepath.Join(stepFiles, "summary")
		script := filepath.Join(stepFiles, "script.sh")
		for _, f := range []string{outputFile, summaryFile} {
			require.NoError(t, os.WriteFile(f, nil, 0o644))
		}
		require.NoError(t, os.WriteFile(script, []byte(s.Run), 0o644))

		env := r.baseEnv(eventPath)
		env = append(env, "GITHUB_OUTPUT="+outputFile, "GITHUB_STEP_SUMMARY="+summaryFile)
		for k, v := range s.Env {
			expanded, err := r.expand(v, res.steps)
			require.NoError(t, err, "step %s: env %s", key, k)
			env = append(env, k+"="+expanded)
		}
		dir := r.workspace
		if s.WorkingDirectory != "" {
			expanded, err := r.expand(s.WorkingDirectory, res.steps)
			require.NoError(t, err, "step %s: working-directory", key)
			dir = expanded
		}
		// What the runner runs for shell: bash.
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir, cmd.Env = dir, env
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		stdout.Write(out.Bytes())
		stderr.Write(errOut.Bytes())

		outputs, perr := parseOutputFile(outputFile)
		require.NoError(t, perr, "step %s: GITHUB_OUTPUT", key)
		if s.ID != "" {
			res.steps[s.ID] = outputs
		}
		sum, rerr := os.ReadFile(summaryFile)
		require.NoError(t, rerr)
		summary.Write(sum)

		if err != nil {
			var ee *exec.ExitError
			require.True(t, errors.As(err, &ee), "step %s: %v", key, err)
			res.failed, res.exitCode = key, ee.ExitCode()
			break
		}
	}
	res.stdout, res.stderr, res.summary = stdout.String(), stderr.String(), summary.String()
	for name, o := range a.Outputs {
		v, err := r.expand(o.Value, res.steps)
		require.NoError(t, err, "output %s", name)
		res.outputs[name] = v
	}
	return res
}

// parseOutputFile reads $GITHUB_OUTPUT as the runner does: "name=value" lines
// and "name<<DELIMITER" blocks.
func parseOutputFile(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if line == "" {
			continue
		}
		eq, heredoc := strings.Index(line, "="), strings.Index(line, "<<")
		if eq >= 0 && (heredoc < 0 || eq < heredoc) {
			out[line[:eq]] = line[eq+1:]
			continue
		}
		if heredoc < 0 {
			return nil, fmt.Errorf("line %q is neither name=value nor name<<delimiter", line)
		}
		name, delim := line[:heredoc], line[heredoc+2:]
		var value []string
		for i++; ; i++ {
			if i >= len(lines) {
				return nil, fmt.Errorf("output %s: no closing %s", name, delim)
			}
			if lines[i] == delim {
				break
			}
			value = append(value, lines[i])
		}
		out[name] = strings.Join(value, "\n")
	}
	return out, nil
}
