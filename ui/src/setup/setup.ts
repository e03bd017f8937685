// The checks of the first-run form before it is sent: the organisation's name, the administrator's login and
// the password typed twice. The API validates again; these only save a round trip and say it sooner.
import { loginProblem, passwordProblem, requiredProblem, type Problem } from '../form/rules';

export interface SetupForm {
  name: string;
  adminLogin: string;
  password: string;
  repeated: string;
}

export type SetupProblems = Record<'name' | 'adminLogin' | 'password' | 'repeated', Problem | null>;

export function setupProblems(form: SetupForm): SetupProblems {
  const password = passwordProblem(form.password);
  return {
    name: requiredProblem(form.name) ? { id: 'error-org-name-required' } : null,
    adminLogin: loginProblem(form.adminLogin.trim()),
    password,
    repeated: form.password === form.repeated ? null : { id: 'form-passwords-differ' },
  };
}

export function hasProblems(problems: Record<string, Problem | null>): boolean {
  return Object.values(problems).some((problem) => problem !== null);
}
